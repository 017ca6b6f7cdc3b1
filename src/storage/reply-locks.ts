// A tab streaming a reply holds a Web Lock named for its conversation until
// the reply settles. Another tab can then tell a reply streaming elsewhere
// (whose tab writes it again, to its end) from one cut off by a page that
// went away: the browser lets a lock go with its page.
export interface ReplyLocks {
  /** Holds the conversation's lock; the function returned lets it go. */
  hold(conversationId: string): () => void;
  /** The conversations whose lock a tab holds now (this one's too). */
  held(): Promise<ReadonlySet<string>>;
  /** Resolves once no tab holds the conversation's lock (at once when none does). */
  released(conversationId: string): Promise<void>;
}

/** The part of the Web Locks API used here. */
export type LockApi = Pick<LockManager, 'request' | 'query'>;

/** Over the Web Locks API (one origin, every tab); undefined where there is none. */
export function webLocks(locks: LockApi | undefined = globalThis.navigator?.locks, prefix = 'gateway-chat.reply:'): ReplyLocks | undefined {
  if (!locks) return undefined;
  const name = (conversationId: string): string => `${prefix}${conversationId}`;
  return {
    hold(conversationId) {
      let letGo!: () => void;
      const until = new Promise<void>((resolve) => {
        letGo = resolve;
      });
      locks.request(name(conversationId), () => until).catch(() => undefined);
      return letGo;
    },
    async held() {
      const { held = [] } = await locks.query();
      return new Set(held.flatMap(({ name: lock }) => (lock?.startsWith(prefix) ? [lock.slice(prefix.length)] : [])));
    },
    async released(conversationId) {
      // Taken and given back at once: granted only when whoever held it let go.
      await locks.request(name(conversationId), () => undefined);
    },
  };
}
