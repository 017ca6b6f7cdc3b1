// Repairs the unfinished tail of a streaming reply so raw markers never
// flash: open emphasis, inline code and strikethrough are closed (remend),
// half links show as their text, half images and half tables are held back.
// Runs on the tail block only, never the whole reply.
//
// remend is one of the renderer's deferred parts (deferred-parts.ts): until
// it is in, a tail renders nothing; if it cannot load, the tail as it is.
import { deferredParts, deferredPartsFailed } from './deferred-parts.ts';

const PARTIAL_IMAGE = /!\[[^\]\n]*(?:\](?:\([^)\n]*)?)?$/;
// An opening marker with nothing after it yet ("text **", "| `", "so $$"): remend cannot close it.
const DANGLING_MARKER = /(^|[\s|(])[*_~`$]+$/;
const TABLE_LINE = /^ {0,3}\|/;
const DELIMITER_ROW = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Drops a table whose header has no complete delimiter row yet: it would paint as a pipe-strewn paragraph. */
export function holdBackTable(tail: string): string {
  const endsWithNewline = tail.endsWith('\n');
  const lines = (endsWithNewline ? tail.slice(0, -1) : tail).split('\n');
  let start = lines.length;
  while (start > 0 && TABLE_LINE.test(lines[start - 1] ?? '')) start--;
  const rows = lines.slice(start);
  if (rows.length === 0) return tail;
  // The delimiter row is done once another line follows it, or its newline has arrived.
  const delimiterDone = rows.length >= 2 && DELIMITER_ROW.test(rows[1] ?? '') && (rows.length > 2 || endsWithNewline);
  if (delimiterDone) return tail;
  return start === 0 ? '' : `${lines.slice(0, start).join('\n')}\n`;
}

/**
 * Ends the TeX of an inline formula the repair closed: it is still streaming
 * in, so it shows as its source, not typeset (an invisible word joiner, should
 * it ever be shown as text).
 */
export const OPEN_FORMULA = '\u2060';
const DOLLAR_RUN = /\${2,}/g;
const CODE_SPAN = /(`+)[^`]*?\1/g;
const FENCE_LINE_END = /^ {0,3}\${2,}[^$\n]*$/;

/**
 * Closes an inline formula left open ($$ only: a single $ is a price far more
 * often than math), marked as open. A display formula ($$ on a line of its
 * own) needs no closing: it runs to the end as its source.
 */
function closeFormula(text: string): string {
  const runs = [...text.replace(CODE_SPAN, (span) => ' '.repeat(span.length)).matchAll(DOLLAR_RUN)];
  const last = runs.at(-1);
  if (!last || runs.length % 2 === 0) return text;
  const line = text.slice(text.lastIndexOf('\n', last.index) + 1, last.index + last[0].length);
  return FENCE_LINE_END.test(line) && text.indexOf('\n', last.index) >= 0 ? text : `${text}${OPEN_FORMULA}${last[0]}`;
}

/** The tail, repaired; held back while remend is loading, as it is if remend failed to load. */
export function repairTail(tail: string): string {
  const remend = deferredParts()?.remend;
  if (!remend) return deferredPartsFailed() ? tail : '';
  const trimmed = tail.replace(PARTIAL_IMAGE, '').replace(DANGLING_MARKER, '$1');
  return remend(closeFormula(holdBackTable(trimmed)), {
    linkMode: 'text-only',
    images: false,
    comparisonOperators: false,
    katex: false,
    inlineKatex: false,
  });
}
