// When to write a conversation: a settled one at once, a streaming one at most
// once per interval (a reply changes every frame; writing a growing 80 KB
// record 60 times a second would cost more than rendering it). A reload
// therefore loses at most the last interval of a streaming reply.
import { isStreaming, type Conversation } from '../chat/conversations.ts';
import type { ConversationStore } from './conversation-store.ts';

export interface SaverTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: SaverTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ConversationSaver {
  /** These conversations changed: the settled ones are saved at once (in one write), those with a reply streaming soon. */
  changed(conversations: readonly Conversation[]): void;
  /** Writes every pending change now (the page is being hidden). */
  flushAll(): void;
  /** Deletes a conversation, and any write of it still waiting. */
  removed(id: string): void;
  /** Settles when every write begun so far has landed (true) or one has failed (false). */
  written(): Promise<boolean>;
  dispose(): void;
}

export interface SaverOptions {
  intervalMs?: number;
  timers?: SaverTimers;
  onError?: (error: unknown) => void;
  /** After a write or a delete has landed: other tabs are told to read it. */
  onWritten?: (id: string) => void;
}

export function createConversationSaver(
  store: ConversationStore,
  { intervalMs = 1000, timers = browserTimers, onError, onWritten }: SaverOptions = {},
): ConversationSaver {
  const pending = new Map<string, Conversation>();
  const scheduled = new Map<string, unknown>();
  // Writes begun and not yet landed, each settling to whether it landed.
  const inFlight = new Set<Promise<boolean>>();

  const track = (write: Promise<void>, ids: readonly string[]): void => {
    const landed = write.then(
      () => {
        for (const id of ids) onWritten?.(id);
        return true;
      },
      (error: unknown) => {
        onError?.(error);
        return false;
      },
    );
    inFlight.add(landed);
    void landed.then(() => inFlight.delete(landed));
  };

  const flush = (ids: Iterable<string>): void => {
    const batch: Conversation[] = [];
    for (const id of ids) {
      const handle = scheduled.get(id);
      if (handle !== undefined) timers.clear(handle);
      scheduled.delete(id);
      const conversation = pending.get(id);
      if (!conversation) continue;
      pending.delete(id);
      batch.push(conversation);
    }
    if (batch.length) track(store.save(batch), batch.map((conversation) => conversation.id));
  };

  return {
    changed(conversations) {
      const settled: string[] = [];
      for (const conversation of conversations) {
        const { id } = conversation;
        pending.set(id, conversation);
        if (!isStreaming(conversation)) settled.push(id);
        else if (!scheduled.has(id)) {
          scheduled.set(
            id,
            timers.set(() => {
              scheduled.delete(id);
              flush([id]);
            }, intervalMs),
          );
        }
      }
      flush(settled);
    },
    removed(id) {
      const handle = scheduled.get(id);
      if (handle !== undefined) timers.clear(handle);
      scheduled.delete(id);
      pending.delete(id);
      track(store.remove(id), [id]);
    },
    flushAll() {
      flush([...pending.keys()]);
    },
    async written() {
      return (await Promise.all(inFlight)).every(Boolean);
    },
    dispose() {
      for (const handle of scheduled.values()) timers.clear(handle);
      scheduled.clear();
    },
  };
}
