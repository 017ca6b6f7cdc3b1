// Tabs of the app tell each other which conversation they wrote, so a tab
// never keeps an old copy and writes it over a newer one; which one they
// deleted, so a tab streaming a reply into it drops it too (its reply would
// write it back); and a tab showing a reply that streams in another asks
// that one to stop it.
export type SyncKind = 'written' | 'deleted' | 'stop';

export interface ConversationSync {
  /** Tells the other tabs: this tab wrote (or deleted) the conversation, deleted it, or asks the tab streaming into it to stop. */
  post(kind: SyncKind, id: string): void;
  /** Calls back with each message another tab posted; returns the unsubscribe. */
  listen(onMessage: (kind: SyncKind, id: string) => void): () => void;
}

const KINDS: ReadonlySet<string> = new Set<SyncKind>(['written', 'deleted', 'stop']);

/** Over a BroadcastChannel (same origin, other tabs only); undefined where there is none. */
export function broadcastSync(name = 'gateway-chat'): ConversationSync | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  return {
    post(kind, id) {
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel has no target origin
      channel.postMessage({ kind, id });
    },
    listen(onMessage) {
      const listener = (event: MessageEvent<unknown>): void => {
        const { kind, id } = (event.data ?? {}) as { kind?: unknown; id?: unknown };
        if (typeof id === 'string' && typeof kind === 'string' && KINDS.has(kind)) onMessage(kind as SyncKind, id);
      };
      channel.addEventListener('message', listener);
      return () => channel.removeEventListener('message', listener);
    },
  };
}
