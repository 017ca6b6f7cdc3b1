// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownDocument, MarkdownView } from './markdown-view.tsx';
import { comparableHtml } from './test-html.ts';

afterEach(cleanup);

const REPLY = ['# Title', '', 'Intro with **bold**.', '', '```ts', 'const a = 1;', 'const b = 2;', '```', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', 'The end.'].join('\n');


describe('MarkdownView', () => {
  it('never loads an image a reply names: it is a link to open in a tab, with its description and host', () => {
    const text = 'A chart ![sales by month](https://evil.example/c.png?q=secret) and ![](/local.png), ![x](javascript:alert(1)).\n\nDone.';
    // Settled while the reply streams, settled at its end, and the streaming tail.
    const cases: Array<[string, boolean]> = [
      [text, true],
      [text, false],
      [text.split('\n\n')[0]!, true],
    ];
    for (const [shown, streaming] of cases) {
      const { container, unmount } = render(<MarkdownView text={shown} streaming={streaming} />);
      expect(container.querySelector('img')).toBeNull();
      const links = screen.getAllByRole('link');
      expect(links.map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')])).toEqual([
        ['Image: sales by month (evil.example)', 'https://evil.example/c.png?q=secret', '_blank', 'noopener noreferrer nofollow'],
        ['Image: no description', '/local.png', '_blank', 'noopener noreferrer nofollow'],
      ]);
      expect(container.querySelector('p')?.textContent).toBe('A chart Image: sales by month (evil.example) and Image: no description, Image: x.');
      unmount();
    }
  });

  it("names a task list's boxes, read-only with their state, and lets a keyboard reach what scrolls sideways", () => {
    const text = ['- [x] Ship it', '- [ ] Tell people', '', '```ts', 'const a = 1;', '```', '', '| a |', '|---|', '| 1 |', '', '$$', 'x^2', '$$'].join('\n');
    // Streamed, then settled: the live and the settled maps both.
    for (const streaming of [true, false]) {
      const { container, unmount } = render(<MarkdownView text={text} streaming={streaming} />);
      const boxes = screen.getAllByRole<HTMLInputElement>('checkbox', { name: 'Task' });
      expect(boxes.map((box) => [box.checked, box.disabled])).toEqual([
        [true, true],
        [false, true],
      ]);
      for (const selector of ['pre', '.md-table-wrap', '.math-display']) expect(container.querySelector<HTMLElement>(selector)?.tabIndex).toBe(0);
      unmount();
    }
    // A table still coming in (the live table), and a fence still open.
    for (const tail of ['| a |\n|---|\n| 1 |\n| 2', '```ts\nconst a']) {
      const { container, unmount } = render(<MarkdownView text={tail} streaming />);
      expect(container.querySelector<HTMLElement>('.md-table-wrap, pre')?.tabIndex).toBe(0);
      unmount();
    }
  });

  it('keeps the DOM of finished blocks while the tail streams', () => {
    const { container, rerender } = render(<MarkdownView text={REPLY.slice(0, 30)} streaming />);
    const heading = container.querySelector('h1');
    expect(heading?.textContent).toBe('Title');
    for (let end = 31; end <= REPLY.length; end += 7) rerender(<MarkdownView text={REPLY.slice(0, end)} streaming />);
    rerender(<MarkdownView text={REPLY} streaming={false} />);
    expect(container.querySelector('h1')).toBe(heading);
  });

  it('keeps a paragraph and its inline elements when it moves between the fast path and the parser', () => {
    const { container, rerender } = render(<MarkdownView text="Hello **world** and" streaming />);
    const paragraph = container.querySelector('p');
    const strong = container.querySelector('strong');
    // An underscore sends the block to the parser; an HTML tag too.
    rerender(<MarkdownView text="Hello **world** and _more_ <b>" streaming />);
    expect(container.querySelector('em')?.textContent).toBe('more');
    expect(container.querySelector('p')).toBe(paragraph);
    expect(container.querySelector('strong')).toBe(strong);
    rerender(<MarkdownView text={'Hello **world** and _more_ <b>\n\nNext.'} streaming={false} />);
    expect(container.querySelector('p')).toBe(paragraph);
  });

  it('keeps links and tables when the reply settles', () => {
    // Each is the live tail when the stream ends.
    for (const text of ['See [the docs](https://example.com/docs) and _this_ now.', 'See [the docs](https://example.com/docs) now.', '| a | b |\n|---|---|\n| [x](https://e.com) | 2 |\n']) {
      const { container, rerender, unmount } = render(<MarkdownView text={text} streaming />);
      const link = container.querySelector('a');
      const table = container.querySelector('table');
      expect(link).not.toBeNull();
      rerender(<MarkdownView text={text} streaming={false} />);
      expect(container.querySelector('a'), text).toBe(link);
      expect(container.querySelector('table')).toBe(table);
      unmount();
    }
  });

  it('never paints raw markers in the live tail', () => {
    const { container, rerender } = render(<MarkdownView text="Some **bol" streaming />);
    expect(container.textContent).toBe('Some bol');
    expect(container.querySelector('strong')?.textContent).toBe('bol');
    rerender(<MarkdownView text={'Some **bold** and a [link](https://exa'} streaming />);
    expect(container.textContent).toBe('Some bold and a link');
    rerender(<MarkdownView text={'Table:\n\n| a | b |\n|--'} streaming />);
    expect(container.textContent).toBe('Table:');
  });

  it('shows an open fence as plain code, line by line, without the half-typed closing fence', () => {
    const { container, rerender } = render(<MarkdownView text={'```py\nprint(1)\n'} streaming />);
    expect(container.querySelector('pre code')?.textContent).toBe('print(1)\n');
    rerender(<MarkdownView text={'```py\nprint(1)\n``'} streaming />);
    expect(container.querySelector('pre code')?.textContent).toBe('print(1)\n');
  });

  it('settles into exactly what a one-shot render of the final text gives', () => {
    const { container, rerender } = render(<MarkdownView text="" streaming />);
    for (let end = 1; end <= REPLY.length; end += 3) rerender(<MarkdownView text={REPLY.slice(0, end)} streaming />);
    rerender(<MarkdownView text={REPLY} streaming={false} />);
    const oneShot = render(<MarkdownView text={REPLY} streaming={false} />).container;
    expect(comparableHtml(container)).toBe(comparableHtml(oneShot));
  });

  it('keeps every paragraph of a long reply in place across runs of blocks, streaming and settled', () => {
    const LONG = Array.from({ length: 80 }, (_, i) => `Paragraph ${i} with **bold** text.`).join('\n\n');
    const { container, rerender } = render(<MarkdownView text="" streaming />);
    const seen = new Map<number, Element>();
    for (let end = 1; end <= LONG.length; end += 11) {
      rerender(<MarkdownView text={LONG.slice(0, end)} streaming />);
      container.querySelectorAll('p').forEach((p, i) => {
        // A paragraph's node never changes once it is there (the tail's first node is new only while it is one word).
        if (!seen.has(i) && p.textContent.includes('with')) seen.set(i, p);
        if (seen.has(i)) expect(p, `paragraph ${i}`).toBe(seen.get(i));
      });
    }
    rerender(<MarkdownView text={LONG} streaming={false} />);
    const paragraphs = [...container.querySelectorAll('p')];
    expect(paragraphs).toHaveLength(80);
    paragraphs.forEach((p, i) => expect(p, `paragraph ${i}`).toBe(seen.get(i)));
    // Runs of 32 blocks, each in one element: 80 paragraphs make three.
    expect([...container.querySelectorAll('.md-run')].map((run) => run.children.length)).toEqual([32, 32, 16]);
    expect(comparableHtml(container)).toBe(comparableHtml(render(<MarkdownDocument text={LONG} />).container));
  });

  it('renders afresh when the text is replaced, not extended', () => {
    const first = Array.from({ length: 40 }, (_, i) => `First ${i}.`).join('\n\n');
    const second = Array.from({ length: 40 }, (_, i) => `Second ${i}.`).join('\n\n');
    const { container, rerender } = render(<MarkdownView text={first} streaming={false} />);
    rerender(<MarkdownView text={second} streaming={false} />);
    expect(container.textContent).toBe(Array.from({ length: 40 }, (_, i) => `Second ${i}.`).join(''));
  });

  it('keeps the text a code fence streamed when the fence closes and the reply settles', () => {
    const code = Array.from({ length: 90 }, (_, i) => `line(${i});`).join('\n');
    const text = `Intro.\n\n\`\`\`js\n${code}\n\`\`\`\n\nAfter.`;
    const fenceStart = text.indexOf('```');
    const { container, rerender } = render(<MarkdownView text={text.slice(0, fenceStart + 40)} streaming />);
    const pre = container.querySelector('pre');
    const codeElement = container.querySelector('pre code');
    let firstLines: Node | null = null;
    for (let end = fenceStart + 41; end <= text.length; end += 5) {
      rerender(<MarkdownView text={text.slice(0, end)} streaming />);
      firstLines ??= codeElement?.childNodes.length && codeElement.childNodes.length > 1 ? codeElement.firstChild : null;
      // Never the half-typed closing fence.
      expect(container.querySelector('pre code')?.textContent).not.toMatch(/`/);
    }
    rerender(<MarkdownView text={text} streaming={false} />);
    expect(container.querySelector('pre')).toBe(pre);
    expect(container.querySelector('pre code')).toBe(codeElement);
    // The first 40 lines froze as one text node while streaming, and are that node still.
    expect(firstLines?.textContent).toBe(`${code.split('\n').slice(0, 40).join('\n')}\n`);
    expect(codeElement?.firstChild).toBe(firstLines);
    expect(codeElement?.textContent).toBe(code);
  });

  it('renders a reply with reference links whole once it settles', () => {
    const text = 'See [the spec][s].\n\n[s]: https://spec.commonmark.org\n';
    const { container, rerender } = render(<MarkdownView text={text} streaming />);
    rerender(<MarkdownView text={text} streaming={false} />);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://spec.commonmark.org');
  });
});

describe('closed fences', () => {
  const cases = [
    '```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n',
    '~~~\nplain\n~~~~\n',
    '```\n```\n',
    '````md\n```\ninner\n```\n````\n\n',
    '```python title="x"\nprint(1)\n```\n',
  ];
  it.each(cases)('renders %j without the parser exactly as the parser would', (text) => {
    const fast = render(<MarkdownDocument text={text} />).container;
    // A trailing link definition renders nothing but makes the block more than a fence: parsed.
    const parsed = render(<MarkdownDocument text={`${text}\n[unused]: https://example.com\n`} />).container;
    expect(fast.querySelector('pre')).not.toBeNull();
    expect(comparableHtml(fast)).toBe(comparableHtml(parsed));
  });
});
