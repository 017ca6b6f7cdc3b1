// Test helpers: Web Storage in memory, or one that refuses everything (blocked,
// full); a conversation store that keeps nothing, for a test to override.
import type { ConversationStore } from './conversation-store.ts';

/** An in-memory Web Storage, or one that refuses everything. */
export function memoryStorage(refuse = false): Storage {
  const items = new Map<string, string>();
  const check = (): void => {
    if (refuse) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => (check(), items.get(key) ?? null),
    setItem: (key, value) => (check(), void items.set(key, value)),
    removeItem: (key) => (check(), void items.delete(key)),
  };
}

/** A conversation store that holds nothing and accepts every write, with what a test gives instead. */
export function emptyConversationStore(given: Partial<ConversationStore> = {}): ConversationStore {
  return {
    loadAll: async () => [],
    load: async () => undefined,
    loadOne: async () => undefined,
    save: async () => undefined,
    remove: async () => undefined,
    keepInFlight: () => undefined,
    readList: () => undefined,
    keepList: () => undefined,
    ...given,
  };
}
