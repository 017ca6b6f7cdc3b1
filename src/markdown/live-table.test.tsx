// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLiveTable, splitRow } from './live-table.tsx';
import { MarkdownView } from './markdown-view.tsx';
import { comparableHtml } from './test-html.ts';

afterEach(cleanup);

describe('live tables', () => {
  it('splits rows on unescaped pipes only', () => {
    expect(splitRow('| a | `b` | c \\| d |')).toEqual(['a', '`b`', 'c \\| d']);
    expect(splitRow('a | b')).toEqual(['a', 'b']);
  });

  it('reads header, alignment, finished rows and the row being typed', () => {
    expect(parseLiveTable('| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 | **4')).toEqual({
      header: ['a', 'b'],
      align: ['left', 'right'],
      rows: ['| 1 | 2 |'],
      partial: '| 3 | **4',
    });
    expect(parseLiveTable('| a |\n|---|')).toBeUndefined();
    expect(parseLiveTable('Text\n| a |\n|---|\n')).toBeUndefined();
  });

  it('keeps finished rows in the DOM while the next row streams, and repairs the live one', () => {
    const { container, rerender } = render(<MarkdownView text={'| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | **fo'} streaming />);
    const firstRow = container.querySelector('tbody tr');
    expect(firstRow?.textContent).toBe('12');
    expect(container.querySelector('tbody tr:last-child strong')?.textContent).toBe('fo');
    expect(container.textContent).not.toContain('**');
    rerender(<MarkdownView text={'| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | **four** |\n| 5'} streaming />);
    expect(container.querySelector('tbody tr')).toBe(firstRow);
    expect(container.querySelectorAll('tbody tr')).toHaveLength(3);
  });

  it('keeps the row being typed as the same DOM row once it finishes', () => {
    const { container, rerender } = render(<MarkdownView text={'| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | fo'} streaming />);
    const typing = container.querySelector('tbody tr:last-child');
    expect(typing?.textContent).toBe('3fo');
    rerender(<MarkdownView text={'| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | four |\n| 5 | six |\n| 7'} streaming />);
    expect(container.querySelectorAll('tbody tr')[1]).toBe(typing);
    expect(typing?.textContent).toBe('3four');
  });
});

describe('a long table', () => {
  const head = '| n | square |\n|---|--:|\n';
  const body = Array.from({ length: 80 }, (_, i) => `| ${i} | **${i * i}** |`).join('\n');

  it('keeps every row it streamed, across runs of rows, through the end of the reply', () => {
    const text = `${head}${body}\n\nAfter.`;
    const { container, rerender } = render(<MarkdownView text="" streaming />);
    const seen = new Map<number, Element>();
    for (let end = head.length + 4; end <= text.length; end += 9) {
      rerender(<MarkdownView text={text.slice(0, end)} streaming />);
      container.querySelectorAll('tbody tr').forEach((tr, i) => {
        if (!seen.has(i)) seen.set(i, tr);
        expect(tr, `row ${i}`).toBe(seen.get(i));
      });
    }
    rerender(<MarkdownView text={text} streaming={false} />);
    const rows = [...container.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(80);
    rows.forEach((tr, i) => {
      expect(tr, `row ${i}`).toBe(seen.get(i));
      expect(tr.textContent).toBe(`${i}${i * i}`);
    });
    expect(container.querySelectorAll('tbody td:nth-child(2)')[79]?.getAttribute('style')).toBe('text-align: right;');
  });

  it('re-renders its rows when the same rows come with another alignment', () => {
    const { container, rerender } = render(<MarkdownView text={`${head}${body}\n`} streaming={false} />);
    expect(container.querySelector('tbody td:nth-child(2)')?.getAttribute('style')).toBe('text-align: right;');
    rerender(<MarkdownView text={`${head.replace('--:', ':--')}${body}\n`} streaming={false} />);
    expect(container.querySelector('tbody td:nth-child(2)')?.getAttribute('style')).toBe('text-align: left;');
  });
});

describe('a table that finishes', () => {
  it('keeps the DOM of its rows when the next block starts', () => {
    const table = '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |';
    const { container, rerender } = render(<MarkdownView text={table} streaming />);
    const firstRow = container.querySelector('tbody tr');
    rerender(<MarkdownView text={`${table}\n\nAfter the table.`} streaming />);
    expect(container.querySelector('tbody tr')).toBe(firstRow);
    rerender(<MarkdownView text={`${table}\n\nAfter the table.`} streaming={false} />);
    expect(container.querySelector('tbody tr')).toBe(firstRow);
  });
});

describe('settled tables', () => {
  it.each([
    '| a | b |\n|:-:|---|\n| - dash | # hash |\n| 1. one | > quote |\n| `x` | [l](https://e.com) |\n\n',
    '| h |\n|---|\n| <b>raw</b> |\n| --- |\n',
  ])('render %j as a one-shot parse would', (text) => {
    const settled = render(<MarkdownView text={text} streaming={false} />).container;
    const parsed = render(<MarkdownView text={`${text}\n[unused]: https://example.com\n`} streaming={false} />).container;
    expect(comparableHtml(settled)).toBe(comparableHtml(parsed));
  });
});

describe('table cells through the fast inline path', () => {
  it('render generated inline markdown exactly as the table parser does', () => {
    const pieces = ['a', 'word', ' ', ' ', '*', '**', '`', '``', '[x](u)', '[y](https://e.com/p)', '.', '!', '(', ')', '#', '1.', '-', '✓', '_', '~', '<', '&', '\\|'];
    let state = 3;
    const random = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const cell = (): string => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    for (let n = 0; n < 150; n++) {
      const rows = Array.from({ length: 3 }, () => `| ${cell()} | ${cell()} | ${cell()} |`);
      const text = `| h1 | h2 | h3 |\n|---|:-:|--:|\n${rows.join('\n')}\n\n`;
      const settled = renderToStaticMarkup(<MarkdownView text={text} streaming={false} />);
      // A reference definition makes the view parse the text whole, through the real table parser.
      const parsed = renderToStaticMarkup(<MarkdownView text={`${text}[unused]: https://example.com\n`} streaming={false} />);
      expect(comparableHtml(settled), text).toBe(comparableHtml(parsed));
    }
    // 300 full parses: about 3 s here alone, more on a busy machine; the default 5 s is too tight.
  }, 30_000);
});
