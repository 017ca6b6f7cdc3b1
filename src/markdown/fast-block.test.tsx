// The fast path must render exactly what react-markdown renders, or decline.
import { renderToStaticMarkup } from 'react-dom/server';
import markdownElements from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { liveComponents, settledComponents } from './components.tsx';
import { fastBlock } from './fast-block.ts';
import { remarkPlugins } from './plugins.ts';
import { renderHast } from './render-hast.ts';
import { repairTail } from './repair-tail.ts';

type Components = typeof settledComponents;
const slow = (text: string, components: Components = settledComponents): string =>
  renderToStaticMarkup(markdownElements({ remarkPlugins, components, children: text }));
const fast = (text: string, components: Components = settledComponents): string | undefined => {
  const tree = fastBlock(text);
  return tree && renderToStaticMarkup(renderHast(tree, components));
};

// What the streaming tail rendered before it could skip repair: the repaired text, fast or parsed.
const repairedLive = (text: string): string => {
  const repaired = repairTail(text);
  return fast(repaired, liveComponents) ?? slow(repaired, liveComponents);
};
const closedOnly = (text: string): string | undefined => {
  const tree = fastBlock(text, true);
  return tree && renderToStaticMarkup(renderHast(tree, liveComponents));
};

const TAKES_FAST_PATH = [
  'Plain **bold** and *em* with `code()` and [a link](https://example.com/a/b?x=1#y).',
  '## Section 2: `code` and **bold**',
  '#',
  '###### Six',
  '**a *b* c** and *a **b** c*',
  '**a **b** c**',
  'a** b and x *y* z *',
  '** foo',
  'It costs 5 * 3 * 2',
  '`` a`b `` and ` ` and `  two  ` and ``` x ``` and ` \t `',
  'Unmatched ` backtick and `` double',
  '[**strong link**](/relative/path) then *[em link](u)*',
  '[a *b](u) c*',
  '(*parenthesised*) and "**quoted**" and ‘*curly*’',
  'C# is *great*: really.',
  '*emphasis*.',
  '`code`**bold**`code`',
  'Trailing spaces   ',
  'Internal  double  spaces',
  'no-break\u00a0space at the end\u00a0',
  '[x](javascript:void) is emptied',
  'Symbols ✓ *c* and € **d** and (**e**)',
  '1.5 is a number, 2024 a year',
  '**',
  'Ünïcödé *wörds* and **straße**',
  '- one\n- **two**\n- `three` and [four](u)',
  '* star\n* items',
  '+ plus',
  '3. three\n4. four\n9. nine',
  '1) paren',
  '10) ten',
  '01. leading zero',
  '> quoted *text*',
  '>no space',
  '- a\n  - nested',
  '1. one\n2. two\n   - x *em*\n   - y\n3. three',
  '- a\n  1. one\n  2. two',
  '- a\n  - b\n    - c\n- d',
  '10. ten\n    - deep',
  '7) seven\n   1) nested',
  "it's a [link](https://e.com/x) and *stars*!",
];

const NEEDS_THE_PARSER = [
  'a\\*b escaped',
  'raw <b>html</b>',
  'a &amp; b',
  '~~strike~~',
  '_underscore em_',
  'see https://example.com now',
  'visit www.example.com',
  'mail a@b.co',
  '![img](u.png)',
  '[ref][1]',
  '[a](u "title")',
  '[a](<u>)',
  '[a]( u)',
  '[](u)',
  '[[nested]](u)',
  'stray ] bracket',
  '***triple***',
  'intra*word*emphasis',
  'é*a*é',
  '```js',
  '    indented',
  '---',
  '===',
  'line one\nline two',
  '## C#',
  '#hashtag',
  'tab\there',
  '<div>',
  '[50%](https://e.com/%zz) odd escape',
  'Emoji 😀*a* is intraword to micromark',
  '[x](javascript:alert(1)) has parens',
  '*',
  '****',
  '- a\n\n- loose',
  '1. a\n   2. b continues the paragraph',
  '- a\n   - three spaces',
  '- a\n - one space',
  '- a\n  indented lazy text',
  '- a\n  - b\n  * other marker',
  '1. a\n  - short of the content',
  '- a\n\n  - loose nested',
  '- a\n  -',
  '- a\n* other marker',
  '1. a\n2) other delimiter',
  '- a\nlazy line',
  '- [ ] task',
  '-  two spaces',
  '- # heading item',
  '- - nested on one line',
  '> a\n> b',
  '>',
  '> > nested quote',
  '** *',
  '* **',
  '- a\n* * *',
  '![alt] without a destination',
];

describe('fastBlock', () => {
  it.each(TAKES_FAST_PATH)('renders %j exactly as react-markdown does', (text) => {
    const result = fast(text);
    expect(result, 'took the fast path').toBeDefined();
    expect(result).toBe(slow(text));
  });

  it.each(NEEDS_THE_PARSER)('declines %j', (text) => {
    // Some of these would happen to match; declining keeps the contract narrow.
    expect(fastBlock(text)).toBeUndefined();
  });

  it('matches react-markdown on every prefix of a streaming paragraph, repaired as the live tail is', () => {
    const paragraph =
      'Streaming **bold words** with `inline()` code, *emphasis*, a [link to docs](https://example.com/docs?x=1) and **nested *em* inside** strong. ' +
      'Then a second sentence with `more code`, **bold**, and an end.';
    let fastCount = 0;
    for (let end = 1; end <= paragraph.length; end++) {
      const live = repairTail(paragraph.slice(0, end));
      const result = fast(live, liveComponents);
      if (result === undefined) continue;
      fastCount++;
      expect(result, `prefix ${JSON.stringify(paragraph.slice(0, end))}`).toBe(slow(live, liveComponents));
    }
    // Only prefixes cut inside a link's URL (text-only link repair) may need the parser.
    expect(fastCount).toBeGreaterThan(paragraph.length * 0.9);
  });

  // remend is not aware of every code span: it mends "`` a *b ``" into a
  // different span. A block with nothing open needs no mending, and its
  // unrepaired render is the one it will settle to.
  it('with closedOnly, declines a block that leaves a marker open, and renders one with none as it will settle', () => {
    for (const open of ['Some **bold', 'a `code', 'ends with *', 'It costs 5 * 3', '- a\n- **b', '## Title `x', '> quoted *em'])
      expect(fastBlock(open, true), open).toBeUndefined();
    for (const closed of ['Some **bold** text', 'a `code` span', '- a\n  - *b*', '## Title', '> quoted [link](u)'])
      expect(closedOnly(closed), closed).toBe(repairedLive(closed));
    const mangled = '`` a *b ``';
    expect(closedOnly(mangled)).toBe(slow(mangled, liveComponents));
    expect(repairedLive(mangled)).not.toBe(slow(mangled, liveComponents));
  });

  it('with closedOnly, renders every prefix of streaming blocks exactly as the repaired tail did', () => {
    const blocks = [
      'Streaming **bold words** with `inline()` code, *emphasis*, a [link to docs](https://example.com/docs?x=1) and **nested *em* inside** strong. The end.',
      '- first item with `code` and **bold**\n- second [link](https://e.com/a) item\n  - nested *em* item\n- last item',
      '1. one *a*\n2. two `b`\n3. three **c**',
      '## Heading with `code` and **bold**',
      '> A quote with *emphasis* and `code`.',
      'Stray ``` backticks ` and `` double `` spans, * lone stars * and **b**',
    ];
    let taken = 0;
    let prefixes = 0;
    for (const block of blocks) {
      for (let end = 1; end <= block.length; end++) {
        const prefix = block.slice(0, end);
        prefixes++;
        const result = closedOnly(prefix);
        if (result === undefined) continue;
        taken++;
        expect(result, JSON.stringify(prefix)).toBe(slow(prefix, liveComponents));
        expect(result, `as repaired: ${JSON.stringify(prefix)}`).toBe(repairedLive(prefix));
      }
    }
    // Most frames of a streaming paragraph or list have nothing open.
    expect(taken).toBeGreaterThan(prefixes * 0.4);
  });

  it('matches react-markdown on thousands of generated lines wherever it takes the fast path', () => {
    const common = ['a', 'word', ' ', ' ', ' ', '*', '**', '*', '`', '``', '[', '](u)', '](https://e.com/p)', '.', ',', '!', '?', ':', '"', '(', ')', '-', '#', 'é', '1', '2.', '|', '✓'];
    // Characters the fast path declines, rarer so most lines still exercise it.
    const rare = [']', '](', '😀', '_', '~', '\\', '<', '&', '@', '%', '\t'];
    let state = 42;
    const random = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    let fastCount = 0;
    const cases = 4000;
    for (let n = 0; n < cases; n++) {
      const length = 1 + Math.floor(random() * 14);
      let text = '';
      for (let i = 0; i < length; i++) {
        const pool = random() < 0.06 ? rare : common;
        text += pool[Math.floor(random() * pool.length)];
        if (random() < 0.3) text += ' ';
      }
      // As a paragraph, a heading, a quote, or the first of one to three list items.
      const prefix = ['', '', '## ', '> ', '- ', '1. ', '7) '][Math.floor(random() * 7)]!;
      const lines = /^[-\d]/.test(prefix) ? 1 + Math.floor(random() * 3) : 1;
      // A list's later lines may nest, at the right indent or a wrong one.
      const nest = (): string => ['', '', '  ', '   ', '    '][Math.floor(random() * 5)]! + ['- ', '* ', '1. ', '2. ', '1) '][Math.floor(random() * 5)]!;
      const block = Array.from({ length: lines }, (_, i) =>
        i === 0 ? `${prefix}${text}` : `${random() < 0.5 ? prefix : nest()}${text.split(' ').toReversed().join(' ')}`,
      ).join('\n');
      const result = fast(block);
      // With closedOnly, what it takes renders as the parser renders the text itself, unrepaired.
      const closed = closedOnly(block);
      if (closed !== undefined) expect(closed, `closedOnly ${JSON.stringify(block)}`).toBe(slow(block, liveComponents));
      if (result === undefined) continue;
      fastCount++;
      expect(result, JSON.stringify(block)).toBe(slow(block));
    }
    // The generator must exercise the fast path, not only its refusals.
    expect(fastCount).toBeGreaterThan(cases * 0.2);
  }, 60_000);
});
