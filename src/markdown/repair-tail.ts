// Repairs the unfinished tail of a streaming reply so raw markers never
// flash: open emphasis, inline code and strikethrough are closed (remend),
// an open inline formula too (marked open: math-source.ts), half links show
// as their text, half images and half tables are held back.
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

/** The tail, repaired; held back while remend is loading, as it is if remend failed to load. */
export function repairTail(tail: string): string {
  const parts = deferredParts();
  if (!parts) return deferredPartsFailed() ? tail : '';
  const trimmed = tail.replace(PARTIAL_IMAGE, '').replace(DANGLING_MARKER, '$1');
  // An open inline formula is closed here, marked open (in $$: mathToDollars has rewritten the other delimiters).
  return parts.remend(parts.closeFormula(holdBackTable(trimmed)), {
    linkMode: 'text-only',
    images: false,
    comparisonOperators: false,
    katex: false,
    inlineKatex: false,
  });
}
