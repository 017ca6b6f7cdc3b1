// Math in the markdown source, before it is parsed (in the renderer's
// deferred parts: only math needs it).
//
// An inline formula left open in the streaming tail is closed for the parser,
// marked as open (closeFormula), so it shows as its source until its own $$.
//
// Math in \( … \) and \[ … \], as ChatGPT-style models (OpenAI's, DeepSeek's)
// write it, and in single dollars, as Claude and Gemini write it inline, reads
// as $$ … $$ (mathToDollars): markdown alone reads `\[` as an escaped bracket
// and `$` as text, so the formula would show as raw TeX. Applied per block,
// never to the whole reply; code spans and fences are left alone, and so is an
// escaped backslash (`\\[`) or dollar (`\$`). A settled block converts only
// pairs that close; the streaming tail also converts its last opener, so a
// formula still coming in shows as its source rather than as `\(` or `$` and
// raw TeX.
//
// A single dollar is math only by Pandoc's rule, so prices stay prices: the
// opening `$` has a non-space after it, the closing one (the next `$` on the
// line) a non-space before it and no digit after it. "$5 and $10", "$0.15/$0.60"
// and "costs $5." are text; "$x^2$" and "$2x$" are math. In the streaming tail
// an opener followed by a digit stays text until its closer comes (a price far
// more often than math), and so does one followed by a word in capitals of two
// or more (`$HOME`, `$PATH`, `$API_KEY`: a shell's variable far more often
// than math, which names a point or a set in one capital); one followed by
// anything else shows as a formula coming in, until its line ends without a
// closer.

import { openFence } from './block-splitter.ts';

const CLOSER: Record<string, string> = { '(': '\\)', '[': '\\]' };
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Index of the closer for the opener at `from` (the closer's backslash not itself escaped), or -1. */
function closerAt(text: string, from: number, closer: string): number {
  for (let at = text.indexOf(closer, from); at >= 0; at = text.indexOf(closer, at + 1)) {
    if (text[at - 1] !== '\\') return at;
  }
  return -1;
}

/** Whether only spaces (up to three) come before `index` on its line. */
function startsLine(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /^ {0,3}$/.test(text.slice(lineStart, index));
}

/** The formula as $$ … $$: on lines of its own when it opened a line with \[, inline otherwise. */
function dollars(inner: string, display: boolean, closed: boolean): string {
  if (!display) return `$$${inner}${closed ? '$$' : ''}`;
  const tex = inner.replace(/^[ \t]*\n?/, '').replace(/\n?[ \t]*$/, '');
  return `$$\n${tex}${closed ? '\n$$' : ''}`;
}

const SPACE = /\s/;
const DIGIT = /\d/;
/**
 * A shell's variable after a `$`: two or more capitals, digits or underscores,
 * not followed by a lower-case letter; or capitals that end the tail (the
 * rest of the name may come next).
 */
const SHELL_VARIABLE = /^[A-Z_][A-Z0-9_]+(?![a-z])|^[A-Z_][A-Z0-9_]*$/;

/**
 * Index of the `$` that closes a single-dollar formula opened at `open`
 * (Pandoc's rule), or -1. In the streaming tail a `$` that ends it closes
 * nothing yet: a digit may come after it.
 */
function dollarCloserAt(text: string, open: number, live: boolean): number {
  const first = text[open + 1];
  if (first === undefined || SPACE.test(first) || first === '$') return -1;
  for (let at = open + 1; at < text.length; at++) {
    const char = text[at];
    if (char === '\n') return -1;
    if (char === '\\') {
      at++;
      continue;
    }
    if (char !== '$') continue;
    // The first unescaped $ decides: a space before it, a digit or another $ after it, and there is no formula.
    const after = text[at + 1] ?? '';
    return SPACE.test(text[at - 1]!) || DIGIT.test(after) || after === '$' || (live && after === '') ? -1 : at;
  }
  return -1;
}

/**
 * In the streaming tail: the TeX of a formula still coming in, opened by a
 * `$` that has not closed (a `$` that ends the tail may yet close it), or
 * undefined when that `$` is text.
 */
function openDollarFormula(text: string, open: number): string | undefined {
  const first = text[open + 1];
  if (first === undefined || SPACE.test(first) || DIGIT.test(first) || first === '$') return undefined;
  const after = text.slice(open + 1);
  if (SHELL_VARIABLE.test(after)) return undefined;
  const tex = after.replace(/(?<=[^\s\\])\$$/, '');
  // Its line still open, no later $ (one that came and did not close it ends it), and no markdown that TeX has no use for.
  return /\n|\$|`|\*\*|\]\(/.test(tex) ? undefined : tex;
}

/** The block with its math in $$ … $$, whichever delimiters it came in. */
export function mathToDollars(text: string, live: boolean): string {
  if (!text.includes('\\(') && !text.includes('\\[') && !text.includes('$')) return text;
  let out = '';
  let i = 0;
  let fence: string | undefined;
  while (i < text.length) {
    // Fenced code, line by line.
    if (i === 0 || text[i - 1] === '\n') {
      const lineEnd = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i) + 1;
      const marker = FENCE.exec(text.slice(i, lineEnd))?.[1];
      if (fence !== undefined || marker !== undefined) {
        if (fence === undefined) fence = marker;
        else if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && text.slice(i, lineEnd).trim() === marker) fence = undefined;
        out += text.slice(i, lineEnd);
        i = lineEnd;
        continue;
      }
    }
    const char = text[i]!;
    // A code span: a run of backticks up to the next run of the same length.
    if (char === '`') {
      let length = 1;
      while (text[i + length] === '`') length++;
      const close = text.indexOf('`'.repeat(length), i + length);
      const end = close < 0 ? i + length : close + length;
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (char === '$') {
      // A run of two or more is $$ math already, or not math: as it is.
      let run = 1;
      while (text[i + run] === '$') run++;
      const close = run === 1 ? dollarCloserAt(text, i, live) : -1;
      const open = run === 1 && close < 0 && live ? openDollarFormula(text, i) : undefined;
      if (close >= 0) {
        out += `$$${text.slice(i + 1, close)}$$`;
        i = close + 1;
      } else if (open !== undefined) {
        out += `$$${open}`;
        i = text.length;
      } else {
        out += text.slice(i, i + run);
        i += run;
      }
      continue;
    }
    if (char === '\\') {
      const next = text[i + 1];
      const closer = next === undefined ? undefined : CLOSER[next];
      if (closer) {
        const close = closerAt(text, i + 2, closer);
        const display = next === '[' && startsLine(text, i);
        if (close >= 0) {
          out += dollars(text.slice(i + 2, close), display, true);
          i = close + 2;
          continue;
        }
        // An opener that has not closed: in the streaming tail, the last one is a formula coming in.
        if (live && !text.includes('\\(', i + 2) && !text.includes('\\[', i + 2)) {
          out += dollars(text.slice(i + 2), display, false);
          i = text.length;
          continue;
        }
      }
      // Any other escape (an escaped backslash or dollar among them) stays as it is.
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    out += char;
    i++;
  }
  return out;
}

/**
 * Ends the TeX of an inline formula the tail repair closed: it is still
 * streaming in, so it shows as its source, not typeset (an invisible word
 * joiner, should it ever be shown as text).
 */
export const OPEN_FORMULA = '\u2060';
const DOLLAR_RUN = /\${2,}/g;
const CODE_SPAN = /(`+)[^`]*?\1/g;

/**
 * Closes an inline formula left open (in $$: mathToDollars has written the
 * tail's single-dollar and bracket formulas so), marked as open. A display formula ($$ on a line of its
 * own) needs no closing: it runs to the end as its source.
 */
export function closeFormula(text: string): string {
  if (!text.includes('$$')) return text;
  const runs = [...text.replace(CODE_SPAN, (span) => ' '.repeat(span.length)).matchAll(DOLLAR_RUN)];
  const last = runs.at(-1);
  if (!last || runs.length % 2 === 0) return text;
  // A run that opens a line of its own (as the block splitter reads one), that line done, opens a display formula.
  const lineEnd = text.indexOf('\n', last.index);
  const line = text.slice(text.lastIndexOf('\n', last.index) + 1, lineEnd);
  return lineEnd >= 0 && openFence(line)?.marker === '$' ? text : `${text}${OPEN_FORMULA}${last[0]}`;
}
