// Tabs of the app tell each other which conversation they wrote, so a tab
// never keeps an old copy and writes it over a newer one; and a tab showing a
// reply that streams in another asks that one to stop it.
export interface ConversationSync {
  /** This tab wrote (or deleted) the conversation. */
  announce(id: string): void;
  /** Calls back with the id of each conversation another tab wrote; returns the unsubscribe. */
  listen(onChange: (id: string) => void): () => void;
  /** Asks the tab streaming a reply into the conversation to stop it (Stop pressed in another tab). */
  askToStop(id: string): void;
  /** Calls back with the id of each conversation another tab asked this one to stop; returns the unsubscribe. */
  listenForStop(onStop: (id: string) => void): () => void;
}

/** Over a BroadcastChannel (same origin, other tabs only); undefined where there is none. */
export function broadcastSync(name = 'gateway-chat'): ConversationSync | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel has no target origin
  const post = (message: { id: string } | { stop: string }): void => channel.postMessage(message);
  const on = (key: 'id' | 'stop', callback: (id: string) => void): (() => void) => {
    const onMessage = (event: MessageEvent<unknown>): void => {
      const id = (event.data as Record<string, unknown> | null)?.[key];
      if (typeof id === 'string') callback(id);
    };
    channel.addEventListener('message', onMessage);
    return () => channel.removeEventListener('message', onMessage);
  };
  return {
    announce: (id) => post({ id }),
    listen: (onChange) => on('id', onChange),
    askToStop: (id) => post({ stop: id }),
    listenForStop: (onStop) => on('stop', onStop),
  };
}
