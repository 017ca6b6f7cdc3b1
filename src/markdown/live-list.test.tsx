// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { itemContent, parseLiveList } from './live-list.tsx';
import { MarkdownDocument, MarkdownView } from './markdown-view.tsx';
import { remarkPlugins } from './plugins.ts';

// The parser, watched: which texts are parsed, and how often. Every parse in
// the renderer takes these plugins; a mock of react-markdown's entry would not
// reach the deferred chunk, which the test setup has loaded before any mock.
const parsedTexts: string[] = [];
function noteParse() {
  return (_tree: unknown, file: { value: unknown }): void => {
    parsedTexts.push(String(file.value));
  };
}
const plugins = remarkPlugins as unknown[];
beforeAll(() => plugins.push(noteParse));
afterAll(() => plugins.splice(plugins.indexOf(noteParse), 1));
const parsed = (): string[] => parsedTexts;
const parsesOf = (words: string): number => parsedTexts.filter((text) => text.includes(words)).length;

afterEach(cleanup);

/**
 * A rendered reply's HTML with the run wrappers unwrapped, whitespace and all
 * (the line breaks between a list's items too), but for the line breaks a
 * one-pass render puts between top-level blocks, which blocks rendered one by
 * one do not have.
 */
function exactHtml(element: Element): string {
  const holder = element.cloneNode(true) as Element;
  holder.querySelectorAll('.md-run').forEach((run) => run.replaceWith(...run.childNodes));
  holder.querySelectorAll('.markdown').forEach((reply) => {
    const blank = Array.from(reply.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim() === '');
    for (const node of blank) node.remove();
  });
  return holder.innerHTML;
}

const oneShot = (text: string): string => exactHtml(render(<MarkdownDocument text={text} />).container);

const LISTS: Record<string, string> = {
  tight: '- a **b**\n- `c` d\n  - nested *e*\n  - nested f\n- g\n',
  loose: '1. **Point**: the text.\n\n   More *text* here.\n\n   - sub a\n   - sub **b**\n\n2. **Two**: x\n\n   ```ts\n   const a = 1;\n\n   const b = 2;\n   ```\n3. Three\n\nAfter the list.\n',
  'turns loose between items': '- a\n- b\n\n- c\n- d\n',
  'loose by one item of its own': '- a\n- b\n\n  b again\n- c\n',
  'ordered, from 3, with a parenthesis': '3) x\n4) y\n10) z\n\nAfter.\n',
  'a loose list inside a tight item': '- a\n  - b\n\n  - c\n- d\n',
  'a lazy line and another list': '- a\nlazy\n- b\n+ other\n',
  'a rule among the items': '- a\n- - -\n- b\n',
  'a fence left open before the next item': '- ```\n  code\n\n- after\n',
  'empty items': '-\n- a\n-\n\n  foo\n',
  math: '- $$x^2$$ and \\(y\\)\n- z\n',
  'a task list': '- [ ] a\n- [x] b\n',
  'a quote in an item': '- > q\n  > more\n\n- b\n',
  'a paragraph indented too little to stay in its item': '1. a\n\n b\n2. c\n',
  'html and a setext heading in items': '- <b>bold</b> tag\n- Title\n  ---\n- end\n',
  'sub-items indented too little for "10. "': Array.from({ length: 11 }, (_, i) => `${i + 1}. **Item ${i + 1}**\n   - sub *a*\n   - sub b\n`).join('\n'),
  'sub-items indented too little for "1. "': '1. **One**\n  - sub a\n\n2. Two\n  - sub b\n\n3. Three\n',
  'sub-items indented too little, then the next item with no blank line': '1. One\n  - sub a\n2. Two\n  - sub b\n- bullet\n',
  'a paragraph indented too little, loose lists around it': '1. a\n\n2. b\n\n c\n\n3. d\n\n4. e\n',
  'a fence indented too little for "10. "': `${Array.from({ length: 9 }, (_, i) => `${i + 1}. Step`).join('\n')}\n10. Install:\n\n   \`\`\`bash\n   npm i\n   \`\`\`\n\n11. Run it\n`,
  // Found by fuzzing: after an empty item, table rows in an indented code block leave the next item a paragraph.
  'an empty item, then table rows indented as code': '1. a\n\n11. \n\n    | a | b |\n    |---|---|\n    | 1 | 2 |\n\n12. # heading\n',
};

/** A loose item: its title, a paragraph (off the fast path by its strikethrough, so the parser's entry counts it) and three sub-items. */
const pointWithSubItems = (i: number): string =>
  `${i + 1}. **Point ${i}**\n\n   Its ~~paragraph~~ number _${i}_.\n\n   - sub a of ${i}\n   - sub *b* of ${i}\n   - sub c of ${i}\n`;

describe('a list streamed item by item', () => {
  it.each(Object.entries(LISTS))('%s: every prefix, streamed then settled, is what the prefix renders to in one pass', (_name, doc) => {
    for (let end = 1; end <= doc.length; end++) {
      const prefix = doc.slice(0, end);
      const { container, rerender, unmount } = render(<MarkdownView text={prefix} streaming />);
      rerender(<MarkdownView text={prefix} streaming={false} />);
      expect(exactHtml(container), `prefix ending at ${end}: ${JSON.stringify(prefix.slice(-30))}`).toBe(oneShot(prefix));
      unmount();
    }
    // Two renders for each of up to 300 prefixes: seconds on a busy machine.
  }, 60_000);

  it.each(Object.entries(LISTS))('%s: streamed a character at a time, it settles into the one-pass render', (_name, doc) => {
    const { container, rerender } = render(<MarkdownView text="" streaming />);
    for (let end = 1; end <= doc.length; end++) rerender(<MarkdownView text={doc.slice(0, end)} streaming />);
    rerender(<MarkdownView text={doc} streaming={false} />);
    expect(exactHtml(container)).toBe(oneShot(doc));
  });

  it('keeps each finished item, and the list, as the next items stream and the reply settles', () => {
    // Each item's paragraph indented to its text ("10. " is four wide).
    const doc = Array.from({ length: 40 }, (_, i) => `${i + 1}. **Point ${i}**: the gateway streams.\n\n${' '.repeat(`${i + 1}. `.length)}A paragraph of point ${i}.\n`).join('\n');
    const { container, rerender } = render(<MarkdownView text="" streaming />);
    const seen = new Map<number, Element>();
    let list: Element | null = null;
    for (let end = 1; end <= doc.length; end += 7) {
      rerender(<MarkdownView text={doc.slice(0, end)} streaming />);
      list ??= container.querySelector('ol');
      if (list) expect(container.querySelector('ol')).toBe(list);
      const items = [...container.querySelectorAll('ol > li')];
      // Every item but the one being typed is finished: its node stays.
      items.slice(0, -1).forEach((item, i) => {
        if (!seen.has(i)) seen.set(i, item);
        expect(item, `item ${i}`).toBe(seen.get(i));
      });
    }
    rerender(<MarkdownView text={doc} streaming={false} />);
    expect(container.querySelector('ol')).toBe(list);
    const items = [...container.querySelectorAll('ol > li')];
    expect(items).toHaveLength(40);
    items.slice(0, -1).forEach((item, i) => expect(item, `item ${i}`).toBe(seen.get(i)));
    expect(exactHtml(container)).toBe(oneShot(doc));
  });

  it('parses a finished item once: the items after it stream without parsing it again', () => {
    const doc = Array.from({ length: 20 }, (_, i) => `${i + 1}. Point _${i}_ of the list.\n\n${' '.repeat(`${i + 1}. `.length)}Its paragraph.\n`).join('\n');
    const secondItem = doc.indexOf('2. ');
    const { rerender } = render(<MarkdownView text={doc.slice(0, secondItem + 5)} streaming />);
    const before = parsed().filter((text) => text.includes('Point _0_')).length;
    // The watch sees the item's parses (it saw none when it mocked react-markdown's entry).
    expect(before).toBeGreaterThan(0);
    for (let end = secondItem + 6; end <= doc.length; end += 3) rerender(<MarkdownView text={doc.slice(0, end)} streaming />);
    // The first item was parsed (live, then once finished) before the second began; never since.
    expect(parsed().filter((text) => text.includes('Point _0_')).length).toBe(before);
    // And each later item about as often as commits went by while it was typed, not once per commit of the whole list.
    expect(parsed().filter((text) => text.includes('Point _10_')).length).toBeLessThan(30);
  });

  it('parses a finished item once in a list its sub-items are indented too little for, which ends at each item', () => {
    // "1. " wants its sub-items three spaces in: at two, each ends the list and the next item starts another.
    const doc = Array.from({ length: 15 }, (_, i) => `${i + 1}. Item _${i}_\n  - its sub-item\n`).join('\n');
    const third = doc.indexOf('3. ');
    const { container, rerender } = render(<MarkdownView text={doc.slice(0, third + 4)} streaming />);
    const firstList = container.querySelector('ol');
    const before = parsed().filter((text) => text.includes('Item _0_')).length;
    expect(before).toBeGreaterThan(0);
    for (let end = third + 5; end <= doc.length; end += 3) rerender(<MarkdownView text={doc.slice(0, end)} streaming />);
    expect(parsed().filter((text) => text.includes('Item _0_')).length).toBe(before);
    rerender(<MarkdownView text={doc} streaming={false} />);
    expect(container.querySelector('ol')).toBe(firstList);
    expect([...container.querySelectorAll('ol')].map((ol) => ol.getAttribute('start'))).toEqual([null, ...Array.from({ length: 14 }, (_, i) => String(i + 2))]);
    expect(exactHtml(container)).toBe(oneShot(doc));
  });

  it('types an item of a loose list block by block: its finished paragraph is not parsed again while its sub-items stream', () => {
    const doc = Array.from({ length: 6 }, (_, i) => pointWithSubItems(i)).join('\n');
    const start = doc.indexOf('   - sub a of 3');
    const { container, rerender } = render(<MarkdownView text={doc.slice(0, start)} streaming />);
    // Until the sub-list has provably begun, the paragraph is the block being typed.
    const secondSub = doc.indexOf('   - sub *b* of 3');
    for (let end = start + 1; end <= secondSub; end++) rerender(<MarkdownView text={doc.slice(0, end)} streaming />);
    const before = parsesOf('number _3_');
    for (let end = secondSub + 1; end <= doc.indexOf('5. '); end++) rerender(<MarkdownView text={doc.slice(0, end)} streaming />);
    // Not parsed again on any of the later sub-items' commits (the whole item was, on each).
    expect(parsesOf('number _3_')).toBe(before);
    expect(container.querySelectorAll('ol > li')[3]?.querySelectorAll('li')).toHaveLength(3);
    rerender(<MarkdownView text={doc} streaming={false} />);
    expect(exactHtml(container)).toBe(oneShot(doc));
  });

  it('settles an item typed block by block from its blocks: its paragraph is not parsed again when the next item starts, nor when the reply ends', () => {
    const doc = Array.from({ length: 6 }, (_, i) => pointWithSubItems(i)).join('\n');
    const secondSub = doc.indexOf('   - sub *b* of 5');
    const { container, rerender } = render(<MarkdownView text={doc.slice(0, secondSub)} streaming />);
    for (let end = secondSub + 1; end <= doc.length; end++) rerender(<MarkdownView text={doc.slice(0, end)} streaming />);
    const before = parsesOf('number _5_');
    expect(before).toBeGreaterThan(0);
    rerender(<MarkdownView text={doc} streaming={false} />);
    // The last item settles with the reply: only its last block (the sub-list) is parsed again.
    expect(parsesOf('number _5_')).toBe(before);
    expect(exactHtml(container)).toBe(oneShot(doc));
    // And an item in the middle, when the next one starts.
    const third = doc.indexOf('3. ');
    const { rerender: again } = render(<MarkdownView text={doc.slice(0, third - 30)} streaming />);
    for (let end = third - 29; end < third; end++) again(<MarkdownView text={doc.slice(0, end)} streaming />);
    const typed = parsesOf('number _1_');
    for (let end = third; end <= third + 20; end++) again(<MarkdownView text={doc.slice(0, end)} streaming />);
    expect(parsesOf('number _1_')).toBe(typed);
  });

  it('while an item of a loose list is typed block by block, each line it has ended shows as the one-pass render does', () => {
    const doc = [
      '1. **Intro**: plain.\n\n   A paragraph with `code`, a [link](https://e.com) and ~~struck~~ words.\n\n   - sub *a*\n   - sub b\n     - deeper\n',
      '2. **Quote**\n\n   > quoted **text**\n   > more\n\n   ## A heading in an item\n\n   Last paragraph\n   over two lines.\n',
      '3. **Math** $x^2$ and text\n\n   1. ordered sub\n   2. another\n\n   Closing words.\n',
    ].join('\n');
    for (let end = 1; end <= doc.length; end++) {
      if (doc[end - 1] !== '\n') continue;
      const prefix = doc.slice(0, end);
      const { container, unmount } = render(<MarkdownView text={prefix} streaming />);
      expect(exactHtml(container), `prefix ${JSON.stringify(prefix.slice(-40))}`).toBe(oneShot(prefix));
      unmount();
    }
  }, 60_000);

  it('never shows a marker not yet followed by its item, nor raw emphasis, while it streams', () => {
    const { container, rerender } = render(<MarkdownView text={'1. First **bold** item\n2'} streaming />);
    expect(container.querySelector('ol')?.textContent).toBe('\nFirst bold item\n');
    rerender(<MarkdownView text={'1. First **bold** item\n2. Second **bo'} streaming />);
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['First bold item', 'Second bo']);
    expect(container.querySelectorAll('strong')).toHaveLength(2);
  });
});

describe('itemContent', () => {
  it('takes an item\'s marker and indent off its lines, blank lines keeping spaces past the indent', () => {
    expect(itemContent('10. **a**\n\n    para\n    - sub\n      more\n')).toBe('**a**\n\npara\n- sub\n  more\n');
    expect(itemContent('- ```\n  x\n    \n  ```\n')).toBe('```\nx\n  \n```\n');
  });

  it('declines an item it cannot take apart exactly', () => {
    for (const text of ['1. a\n  shallow', '- a\n\tb', '-     code', '1.\n   a', '- [a][r]\n\n  [r]: https://e.com', '- a[^1]'])
      expect(itemContent(text), JSON.stringify(text)).toBeUndefined();
  });
});

describe('parseLiveList', () => {
  it('reads a list into its items, their numbers and how they are parted', () => {
    expect(parseLiveList('- a\n- b\n\n- c', true)).toEqual({ ordered: false, items: ['- a\n', '- b\n\n', '- c'], numbers: [1, 1, 1], blankAfter: [false, true, false] });
    expect(parseLiveList('7. a\n   more\n8. b\n', false)).toEqual({ ordered: true, items: ['7. a\n   more\n', '8. b\n'], numbers: [7, 8], blankAfter: [false, false] });
  });

  it('holds back a last line that is only a marker while the list streams, not once it has settled', () => {
    expect(parseLiveList('1. a\n2.', true)?.items).toEqual(['1. a\n']);
    expect(parseLiveList('1. a\n2.', false)?.items).toEqual(['1. a\n', '2.']);
  });

  it('declines what is not one plain list', () => {
    for (const text of ['Text', '- a\nlazy', '- a\n* b', '1. a\n1) b', '- a\n- - -', '- [ ] task', '- ```\n  x\n\n- y', '- a\r\n- b'])
      expect(parseLiveList(text, false), JSON.stringify(text)).toBeUndefined();
  });
});

/** Lists an LLM might write, from seeded pieces: markers, sub-items, blank lines, paragraphs, code, emphasis. */
function generatedList(seed: number): string {
  let state = seed;
  const pick = <T,>(options: readonly T[]): T => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return options[state % options.length]!;
  };
  const ordered = pick([true, false]);
  const lines: string[] = [];
  const count = 2 + Math.floor(pick([0, 1, 2, 3]));
  for (let i = 0; i < count; i++) {
    const marker = ordered ? `${i + 1}.` : '-';
    const pad = ' '.repeat(marker.length + 1);
    lines.push(`${marker} ${pick(['**Point** one', 'plain *words*', '`code` here', 'a [link](https://e.com) and _under_', 'x'])}`);
    const extra = pick(['none', 'paragraph', 'sub', 'fence', 'lazy', 'none', 'shallow']);
    if (extra === 'paragraph') lines.push('', `${pad}More **text**.`);
    if (extra === 'sub') lines.push(`${pad}- sub ${pick(['a', '*b*'])}`, `${pad}- sub c`);
    if (extra === 'fence') lines.push('', `${pad}\`\`\`js`, `${pad}let a = 1;`, `${pad}\`\`\``);
    if (extra === 'lazy') lines.push('lazy line');
    // Indented one space too little to stay in the item: the list ends there.
    if (extra === 'shallow') lines.push(`${pad.slice(1)}- shallow *sub*`);
    if (pick([true, false, false])) lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

describe('generated lists', () => {
  it('every prefix of 40 seeded lists, streamed then settled, is what the prefix renders to in one pass', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const doc = generatedList(seed);
      for (let end = 1; end <= doc.length; end++) {
        const prefix = doc.slice(0, end);
        const { container, rerender, unmount } = render(<MarkdownView text={prefix} streaming />);
        rerender(<MarkdownView text={prefix} streaming={false} />);
        expect(exactHtml(container), `seed ${seed}, prefix ${JSON.stringify(prefix)}`).toBe(oneShot(prefix));
        unmount();
      }
    }
  }, 120_000);
});
