// Loads the renderer's deferred parts (deferred.ts): remend (about 5 KB
// gzipped), which a streaming reply's tail needs; GFM's footnotes, task lists
// and strikethrough, and math (its syntax, its source rewrites, the formula
// component), which only a reply with them in it needs. All are asked for as
// the page starts, and are in long before a reply can start. Until then a
// streaming reply, or a settled one with any of them in it, renders nothing
// rather than raw markers (MarkdownView waits while deferredPartsPending).
// Should they fail to load (the network gone, the app updated under an open
// page), tails render unrepaired, and `$$`, `[^1]` and `~~` stay text:
// markers and all, rather than nothing.
type Deferred = typeof import('./deferred.ts');

let parts: Deferred | undefined;
let failed = false;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();
const notify = (): void => {
  for (const listener of listeners) listener();
};

/** Loads the deferred parts once; a failed load is tried again on the next call. */
export function loadDeferredParts(): Promise<void> {
  loading ??= import('./deferred.ts').then(
    (module) => {
      parts = module;
      failed = false;
      notify();
    },
    (error: unknown) => {
      loading = undefined;
      failed = true;
      notify();
      throw error;
    },
  );
  return loading;
}

/** The deferred parts, once loaded. */
export const deferredParts = (): Deferred | undefined => parts;

/** Whether they are neither in nor failed: a streaming tail waits, as does a settled reply with math. */
export const deferredPartsPending = (): boolean => parts === undefined && !failed;

/** Whether loading them failed (and was not tried again since). */
export const deferredPartsFailed = (): boolean => failed;

/** Calls `listener` when the parts have loaded or failed to (useSyncExternalStore's subscribe). */
export function onDeferredPartsSettled(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Math in \( … \), \[ … \] and single dollars as $$ math, once the deferred parts (math among them) are in; the text as it is before. */
export const mathToDollars = (text: string, live: boolean): string => parts?.mathToDollars(text, live) ?? text;
