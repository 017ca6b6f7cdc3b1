// Tabs of the app tell each other which conversation they wrote, so a tab
// never keeps an old copy and writes it over a newer one.
export interface ConversationSync {
  /** This tab wrote (or deleted) the conversation. */
  announce(id: string): void;
  /** Calls back with the id of each conversation another tab wrote; returns the unsubscribe. */
  listen(onChange: (id: string) => void): () => void;
}

/** Over a BroadcastChannel (same origin, other tabs only); undefined where there is none. */
export function broadcastSync(name = 'gateway-chat'): ConversationSync | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  return {
    announce(id) {
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel has no target origin
      channel.postMessage({ id });
    },
    listen(onChange) {
      const onMessage = (event: MessageEvent<unknown>): void => {
        const id = (event.data as { id?: unknown } | null)?.id;
        if (typeof id === 'string') onChange(id);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}
