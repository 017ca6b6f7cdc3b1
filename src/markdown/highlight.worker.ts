// Highlights code off the main thread: highlight.js takes 40-70 ms for an
// 800-line fence, a long task the reader's typing and the next frames of a
// streaming reply would wait for.
import hljs from 'highlight.js/lib/common';

export interface HighlightRequest {
  id: number;
  code: string;
  language: string;
}

export interface HighlightResponse {
  id: number;
  /** Highlighted HTML (highlight.js escapes the code), or undefined for an unknown language. */
  html: string | undefined;
}

const scope = self as unknown as Pick<Worker, 'addEventListener'> & { postMessage(message: HighlightResponse): void };
scope.addEventListener('message', ({ data: { id, code, language } }: MessageEvent<HighlightRequest>) => {
  const html = hljs.getLanguage(language) ? hljs.highlight(code, { language, ignoreIllegals: true }).value : undefined;
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker's postMessage takes no origin
  scope.postMessage({ id, html });
});
