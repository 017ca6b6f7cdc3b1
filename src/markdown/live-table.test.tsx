// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLiveTable, splitRow } from './live-table.tsx';
import { MarkdownView } from './markdown-view.tsx';

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
    const settled = render(<MarkdownView text={text} streaming={false} />).container.innerHTML;
    const parsed = render(<MarkdownView text={`${text}\n[unused]: https://example.com\n`} streaming={false} />).container.innerHTML;
    expect(settled.replace(/>\s+</g, '><')).toBe(parsed.replace(/>\s+</g, '><'));
  });
});
