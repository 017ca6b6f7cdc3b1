// Highlights closed code fences, in a worker where there is one (highlight.js
// takes 40-70 ms for an 800-line fence: off the main thread, typing and the
// next frames don't wait for it). Without workers (tests) it runs here, lazily
// loaded and at idle, so the entry bundle stays small either way.
import type { HighlightRequest, HighlightResponse } from './highlight.worker.ts';

type Hljs = typeof import('highlight.js').default;

let loading: Promise<Hljs> | undefined;
function loadHighlighter(): Promise<Hljs> {
  loading ??= import('highlight.js/lib/common').then((module) => module.default);
  return loading;
}

/** The worker, once started; null once it is known not to work here. */
let worker: Worker | null | undefined;
let nextId = 0;
const pending = new Map<number, (html: string | undefined) => void>();

function highlightWorker(): Worker | undefined {
  if (worker === undefined) {
    worker = null;
    if (typeof Worker === 'undefined') return undefined;
    try {
      const started = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
      started.addEventListener('message', ({ data }: MessageEvent<HighlightResponse>) => {
        pending.get(data.id)?.(data.html);
        pending.delete(data.id);
      });
      // A worker that fails (to load, or later) leaves its code plain; later code highlights here.
      started.addEventListener('error', () => {
        worker = null;
        for (const resolve of pending.values()) resolve(undefined);
        pending.clear();
      });
      worker = started;
    } catch {
      worker = null;
    }
  }
  return worker ?? undefined;
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
 * unknown language.
 */
export async function highlightCode(code: string, language: string | undefined): Promise<string | undefined> {
  if (!language) return undefined;
  const highlighter = highlightWorker();
  if (highlighter) {
    return new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker's postMessage takes no origin
      highlighter.postMessage({ id, code, language } satisfies HighlightRequest);
    });
  }
  const hljs = await loadHighlighter();
  // Colour can wait a moment; the next frame of a streaming reply and the reader's typing cannot.
  await idle();
  return hljs.getLanguage(language) ? hljs.highlight(code, { language, ignoreIllegals: true }).value : undefined;
}

const preload = (): void => void highlightCode('', 'ts').catch(() => undefined);

/**
 * Starts the highlighter while the page is idle (the worker loads
 * highlight.js in its own thread), so the first finished code fence of a
 * reply does not wait for it.
 */
export function preloadHighlighterWhenIdle(): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(preload, { timeout: 3000 });
  else setTimeout(preload, 1000);
}
