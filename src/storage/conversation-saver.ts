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
  /** The conversation changed: save it now if it is settled, or soon if a reply streams. */
  changed(conversation: Conversation): void;
  /** Writes every pending change now (the page is being hidden). */
  flushAll(): void;
  /** Deletes a conversation, and any write of it still waiting. */
  removed(id: string): void;
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

  const flush = (id: string): void => {
    const handle = scheduled.get(id);
    if (handle !== undefined) timers.clear(handle);
    scheduled.delete(id);
    const conversation = pending.get(id);
    if (!conversation) return;
    pending.delete(id);
    store.save(conversation).then(
      () => onWritten?.(id),
      (error: unknown) => onError?.(error),
    );
  };

  return {
    changed(conversation) {
      pending.set(conversation.id, conversation);
      if (!isStreaming(conversation)) flush(conversation.id);
      else if (!scheduled.has(conversation.id)) {
        scheduled.set(
          conversation.id,
          timers.set(() => {
            scheduled.delete(conversation.id);
            flush(conversation.id);
          }, intervalMs),
        );
      }
    },
    removed(id) {
      const handle = scheduled.get(id);
      if (handle !== undefined) timers.clear(handle);
      scheduled.delete(id);
      pending.delete(id);
      store.remove(id).then(
        () => onWritten?.(id),
        (error: unknown) => onError?.(error),
      );
    },
    flushAll() {
      // flush() deletes the entry it writes; a Map's iterator allows that.
      for (const id of pending.keys()) flush(id);
    },
    dispose() {
      for (const handle of scheduled.values()) timers.clear(handle);
      scheduled.clear();
    },
  };
}
