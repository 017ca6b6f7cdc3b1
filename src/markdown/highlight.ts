// Loads highlight.js (core plus the common languages) on first use, so the
// entry bundle stays small. Only closed code fences are ever highlighted.
type Hljs = typeof import('highlight.js').default;

let loading: Promise<Hljs> | undefined;

export function loadHighlighter(): Promise<Hljs> {
  loading ??= import('highlight.js/lib/common').then((module) => module.default);
  return loading;
}

const preload = (): void => void loadHighlighter().catch(() => undefined);

/**
 * Loads the highlighter while the page is idle, so the first finished code
 * fence of a reply does not pay for parsing the library mid-stream.
 */
export function preloadHighlighterWhenIdle(): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(preload, { timeout: 3000 });
  else setTimeout(preload, 1000);
}

/** Resolves when the main thread is idle (or after `timeoutMs` at the latest). */
function idle(timeoutMs = 500): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

/**
 * Highlighted HTML (highlight.js escapes the code), or undefined for an
 * unknown language. Runs when the main thread is idle: colour can wait a
 * moment, the next frame of a streaming reply and the reader's typing cannot.
 */
export async function highlightCode(code: string, language: string | undefined): Promise<string | undefined> {
  if (!language) return undefined;
  const hljs = await loadHighlighter();
  await idle();
  if (!hljs.getLanguage(language)) return undefined;
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
