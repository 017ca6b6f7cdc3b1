// A fast path for the blocks an LLM streams most: one-line paragraphs and ATX
// headings (and table cells) whose inline markdown is `*`/`**` emphasis, code
// spans and plain [text](url) links. It builds the same hast that
// remark-parse + remark-gfm + remark-rehype build, in microseconds instead of
// the parser's fixed cost of about 0.3 ms a call, so a streaming paragraph no
// longer pays a full micromark pass per frame.
//
// It is deliberately narrow: anything it does not model exactly (escapes,
// entities, HTML, `_` and `~` emphasis, runs of three markers, markers that
// both open and close, autolink literals, images, references, titles, line
// breaks) makes it return undefined, and the block takes the real parser.
// Emphasis follows micromark's own rules (its character classes and
// flanking), and a test compares it with react-markdown on every block of
// the fixtures, every prefix of them, and thousands of generated strings.
import type { Element, ElementContent, Root } from 'hast';
import { defaultUrlTransform } from 'react-markdown';

/** micromark's classifyCharacter, on UTF-16 code units as micromark reads them. */
const WHITESPACE = 1;
const PUNCTUATION = 2;
const OTHER = 0;
function classify(text: string, index: number): number {
  if (index < 0 || index >= text.length) return WHITESPACE;
  const char = String.fromCharCode(text.charCodeAt(index));
  if (/\s/.test(char)) return WHITESPACE;
  if (/\p{P}|\p{S}/u.test(char)) return PUNCTUATION;
  return OTHER;
}

type Token =
  | { kind: 'text'; value: string }
  | { kind: 'code'; value: string }
  | { kind: 'link'; href: string; children: Token[] }
  | { kind: 'delim'; length: number; open: boolean; close: boolean; pair: number };

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

/** Code spans first (they bind tighter than links and emphasis): start index → [end, value]. */
function findCodeSpans(text: string): Map<number, [number, string]> {
  const spans = new Map<number, [number, string]>();
  const runs = [...text.matchAll(/`+/g)].map((match) => ({ start: match.index, size: match[0].length }));
  for (let r = 0; r < runs.length; r++) {
    const open = runs[r]!;
    // A span closes at the next run of exactly the same length; an unmatched run is literal backticks.
    const closing = runs.findIndex((run, j) => j > r && run.size === open.size);
    if (closing < 0) continue;
    const close = runs[closing]!;
    let value = text.slice(open.start + open.size, close.start);
    // CommonMark strips one space each side unless the content is only spaces (U+0020, not tabs).
    if (value.length > 2 && value.startsWith(' ') && value.endsWith(' ') && /[^ ]/.test(value)) value = value.slice(1, -1);
    spans.set(open.start, [close.start + close.size, value]);
    r = closing;
  }
  return spans;
}

/**
 * Text that may hold math as the renderer reads it (math-source.ts): $$, \(
 * or \[, a $ before anything but a space or a digit, or a $ before a digit
 * with a closing $ later on its line. More than is math (a price pair such as
 * "$5-$10" matches): a false match only costs the parser.
 */
export const MAY_HOLD_MATH = /\$[^\s\d]|\$\d[^\n$]*[^\s\\$]\$(?!\d)|\\[([]/;
// Outside code: characters whose markdown meaning this fast path does not model.
const UNMODELLED_CHAR = /[\\<&~_\t\r\n\0]/;
// GFM autolink literals and e-mail addresses.
const AUTOLINK_TRIGGER = /www\.|:\/\/|@|mailto:|xmpp:/i;
// A destination micromark and remark-rehype keep byte for byte (no `%`, no parens, no spaces).
const PLAIN_DESTINATION = /^[A-Za-z0-9\-._~:/?#@!$'*+,;=]*\)/;

function tokenize(text: string, from: number, to: number, code: Map<number, [number, string]>, literal: string[]): Token[] {
  const tokens: Token[] = [];
  const pushText = (value: string): void => {
    literal.push(value);
    const last = tokens.at(-1);
    if (last?.kind === 'text') last.value += value;
    else tokens.push({ kind: 'text', value });
  };
  let i = from;
  while (i < to) {
    const span = code.get(i);
    if (span) {
      if (span[0] > to) unsupported();
      tokens.push({ kind: 'code', value: span[1] });
      i = span[0];
      continue;
    }
    const char = text[i]!;
    if (char === '*') {
      let end = i;
      while (end < to && text[end] === '*') end++;
      const before = classify(text, i - 1);
      const after = classify(text, end);
      // micromark's attention tokenizer, for `*`.
      const open = after === OTHER || (after === PUNCTUATION && before !== OTHER);
      const close = before === OTHER || (before === PUNCTUATION && after !== OTHER);
      tokens.push({ kind: 'delim', length: end - i, open, close, pair: -1 });
      i = end;
    } else if (char === '[') {
      // Only a plain inline link: [text](destination), no nested brackets.
      let k = i + 1;
      while (k < to && text[k] !== ']') {
        const inner = code.get(k);
        if (inner) k = inner[0];
        else if (text[k] === '[') unsupported();
        else k++;
      }
      if (k >= to || k === i + 1 || text[k + 1] !== '(') unsupported();
      const destination = PLAIN_DESTINATION.exec(text.slice(k + 2, to));
      if (!destination) unsupported();
      const href = destination![0].slice(0, -1);
      const children = tokenize(text, i + 1, k, code, literal);
      resolveEmphasis(children);
      tokens.push({ kind: 'link', href: defaultUrlTransform(href), children });
      i = k + 2 + destination![0].length;
    } else if (char === ']' || UNMODELLED_CHAR.test(char) || (char === '!' && text[i + 1] === '[')) {
      unsupported();
    } else {
      let end = i + 1;
      while (end < to && !/[*[\]\\<&~_\t\r\n\0!`]/.test(text[end]!)) end++;
      pushText(text.slice(i, end));
      i = end;
    }
  }
  return tokens;
}

/** CommonMark's "process emphasis" for `*` runs of one or two, each a pure opener or a pure closer. */
function resolveEmphasis(tokens: Token[]): void {
  const openers: number[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'delim') return;
    if (token.length > 2 || (token.open && token.close)) unsupported();
    if (token.close) {
      const opener = openers.pop();
      if (opener === undefined) return;
      const match = tokens[opener] as Extract<Token, { kind: 'delim' }>;
      if (match.length !== token.length) unsupported();
      match.pair = index;
      token.pair = opener;
    } else if (token.open) openers.push(index);
  });
}

function appendText(children: ElementContent[], value: string): void {
  const last = children.at(-1);
  if (last?.type === 'text') last.value += value;
  else children.push({ type: 'text', value });
}

const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

function toHast(tokens: readonly Token[]): ElementContent[] {
  const root: ElementContent[] = [];
  const stack: ElementContent[][] = [root];
  tokens.forEach((token, index) => {
    const children = stack.at(-1)!;
    if (token.kind === 'text') appendText(children, token.value);
    else if (token.kind === 'code') children.push(element('code', [{ type: 'text', value: token.value }]));
    else if (token.kind === 'link') children.push(element('a', toHast(token.children), { href: token.href }));
    else if (token.pair < 0) appendText(children, '*'.repeat(token.length));
    else if (token.pair > index) {
      const emphasis = element(token.length === 1 ? 'em' : 'strong', []);
      children.push(emphasis);
      stack.push(emphasis.children);
    } else stack.pop();
  });
  return root;
}

/** Whether a `*` or a backtick is left as text outside code: an unmatched marker, what tail repair would close. */
function leavesMarker(nodes: readonly ElementContent[]): boolean {
  return nodes.some((node) =>
    node.type === 'text' ? /[*`]/.test(node.value) : node.type === 'element' && node.tagName !== 'code' && leavesMarker(node.children),
  );
}

/**
 * One line of inline markdown as hast, or undefined when it needs the real
 * parser. With `closedOnly`, also undefined when a marker is left unmatched.
 */
export function fastInline(text: string, closedOnly = false): ElementContent[] | undefined {
  // Math takes the parser: $$…$$, and single dollars that may be math (mathToDollars).
  if (MAY_HOLD_MATH.test(text)) return undefined;
  try {
    const literal: string[] = [];
    const tokens = tokenize(text, 0, text.length, findCodeSpans(text), literal);
    if (AUTOLINK_TRIGGER.test(literal.join(''))) return undefined;
    resolveEmphasis(tokens);
    const hast = toHast(tokens);
    return closedOnly && leavesMarker(hast) ? undefined : hast;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

const HEADING = /^(#{1,6})(?:[ ]+(.*))?$/;
// What may not open a one-line paragraph: indented code, headings, quotes,
// list items, rules, setext underlines, tables, HTML and fences start with
// these (or match the exclusions below).
const PARAGRAPH_START = /^[^\s#>\-+=_|<~]/;
const NOT_PARAGRAPH = /^(\d{1,9}[.)](\s|$)|\*(\s|$)|`{3}|([-*_][ \t]*){3,}$)/;

function paragraphContent(line: string, closedOnly: boolean): ElementContent[] | undefined {
  if (!PARAGRAPH_START.test(line) || NOT_PARAGRAPH.test(line)) return undefined;
  return fastInline(line, closedOnly);
}

const root = (children: Root['children']): Root => ({ type: 'root', children });
/** remark-rehype's wrap(nodes, true): a line ending around and between block children. */
function wrapLoose(children: ElementContent[]): ElementContent[] {
  const wrapped: ElementContent[] = [{ type: 'text', value: '\n' }];
  for (const child of children) wrapped.push(child, { type: 'text', value: '\n' });
  return wrapped;
}

const THEMATIC_BREAK = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;
const BULLET_ITEM = /^([-*+]) (?=\S)(.*)$/;
const ORDERED_ITEM = /^(\d{1,9})([.)]) (?=\S)(.*)$/;

const leadingSpaces = (line: string): number => line.length - line.trimStart().length;

/**
 * A tight list of one-line items of simple inline markdown, starting at
 * `indent` spaces, where an item may hold one nested list indented exactly to
 * its content. Anything else (lazy lines, blank lines, other indents, a
 * nested ordered list not starting at 1) needs the parser.
 */
function fastList(lines: readonly string[], closedOnly: boolean, indent = 0): Element | undefined {
  const head = lines[0]!.slice(indent);
  const ordered = ORDERED_ITEM.exec(head);
  const pattern = ordered ? ORDERED_ITEM : BULLET_ITEM;
  const marker = ordered ? ordered[2] : BULLET_ITEM.exec(head)?.[1];
  // Only an ordered list starting at 1 may interrupt the paragraph of the item it nests in.
  const start = ordered ? Number(ordered[1]) : 1;
  if (indent > 0 && start !== 1) return undefined;
  const items: ElementContent[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (leadingSpaces(line) !== indent) return undefined;
    const match = pattern.exec(line.slice(indent));
    // Another marker starts another list.
    if (!match || (ordered ? match[2] : match[1]) !== marker) return undefined;
    const content = match[ordered ? 3 : 2]!;
    const children = paragraphContent(content.replace(/[ \t]+$/, ''), closedOnly);
    if (!children) return undefined;
    // The lines indented past the marker belong to this item: only a nested list may be there.
    let next = i + 1;
    while (next < lines.length && leadingSpaces(lines[next]!) > indent) next++;
    if (next > i + 1) {
      const nested = fastList(lines.slice(i + 1, next), closedOnly, indent + match[0].length - content.length);
      if (!nested) return undefined;
      // remark-rehype: a tight item's paragraph is unwrapped, other children get line endings around them.
      children.push({ type: 'text', value: '\n' }, nested, { type: 'text', value: '\n' });
    }
    items.push(element('li', children));
    i = next;
  }
  return element(ordered ? 'ol' : 'ul', wrapLoose(items), start === 1 ? {} : { start });
}

/**
 * A block that is one paragraph, ATX heading or quoted line, or a tight list
 * (nested lists included), of simple inline markdown, as hast; undefined when it needs the parser.
 *
 * With `closedOnly` it also declines a block that leaves a `*` or a backtick
 * unmatched. What it then takes has nothing for tail repair to mend (no open
 * marker, half link, image, table, HTML or tilde: the fast path declines
 * those anyway), so the streaming tail can skip repair.
 */
export function fastBlock(block: string, closedOnly = false): Root | undefined {
  // Only spaces, tabs and line endings end a block; JS trimEnd would also take a no-break space.
  const text = block.replace(/[ \t\r\n]+$/, '');
  if (text === '') return root([]);
  const lines = text.split('\n');
  // A thematic break ("* * *", "* **") wins over a list item or a paragraph.
  if (lines.some((line) => THEMATIC_BREAK.test(line))) return undefined;
  if (BULLET_ITEM.test(lines[0]!) || ORDERED_ITEM.test(lines[0]!)) {
    const list = fastList(lines, closedOnly);
    return list && root([list]);
  }
  if (lines.length > 1) return undefined;
  const heading = HEADING.exec(text);
  if (heading) {
    const content = (heading[2] ?? '').replace(/^[ \t]+|[ \t]+$/g, '');
    if (content.endsWith('#')) return undefined;
    const children = fastInline(content, closedOnly);
    return children && root([element(`h${heading[1]!.length}`, children)]);
  }
  const quote = /^> ?(.*)$/.exec(text);
  const children = paragraphContent(quote ? quote[1]! : text, closedOnly);
  if (!children) return undefined;
  const paragraph = element('p', children);
  return root([quote ? element('blockquote', wrapLoose([paragraph])) : paragraph]);
}
