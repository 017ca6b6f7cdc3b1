// Test helper: Web Storage in memory, or one that refuses everything (blocked, full).

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
