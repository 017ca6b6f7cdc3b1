import { describe, expect, it } from 'vitest';
import { LineChunker } from './line-chunker.ts';

describe('LineChunker', () => {
  const text = Array.from({ length: 9 }, (_, i) => `line ${i}`).join('\n');

  it('covers every prefix: chunks plus rest equal the text, and chunks only grow', () => {
    const chunker = new LineChunker(3);
    let previous: readonly string[] = [];
    for (let end = 0; end <= text.length; end++) {
      const { chunks, rest } = chunker.update(text.slice(0, end));
      expect(chunks.join('') + rest).toBe(text.slice(0, end));
      expect(chunks.slice(0, previous.length)).toEqual(previous);
      previous = chunks;
    }
    expect(previous).toEqual(['line 0\nline 1\nline 2\n', 'line 3\nline 4\nline 5\n']);
  });
});
