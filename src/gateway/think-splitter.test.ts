import { describe, expect, it } from 'vitest';
import { ThinkSplitter } from './think-splitter.ts';

function run(pieces: string[]): { reasoning: string; content: string } {
  const splitter = new ThinkSplitter();
  const out = { reasoning: '', content: '' };
  for (const piece of [...pieces.map((p) => splitter.push(p)), splitter.flush()]) {
    out.reasoning += piece.reasoning;
    out.content += piece.content;
  }
  return out;
}

describe('ThinkSplitter', () => {
  const text = '<think>\nWeigh the options.\n</think>\n\nThe answer is 42.';

  it('separates inline reasoning from the answer at every split position', () => {
    for (let at = 0; at <= text.length; at++) {
      const out = run([text.slice(0, at), text.slice(at)]);
      expect(out.reasoning, `split at ${at}`).toBe('\nWeigh the options.\n');
      expect(out.content.trim(), `split at ${at}`).toBe('The answer is 42.');
    }
  });

  it('handles one character per chunk', () => {
    const out = run([...text]);
    expect(out.reasoning).toBe('\nWeigh the options.\n');
    expect(out.content.trim()).toBe('The answer is 42.');
  });

  it('leaves content without a leading think tag untouched, even when it mentions the tag later', () => {
    expect(run(['Use ', '<think>', ' tags'])).toEqual({ reasoning: '', content: 'Use <think> tags' });
  });

  it('keeps reasoning that never closes as reasoning', () => {
    expect(run(['<think>still thinking'])).toEqual({ reasoning: 'still thinking', content: '' });
  });

  it('does not hold back content that merely starts with "<"', () => {
    const splitter = new ThinkSplitter();
    expect(splitter.push('<b>bold</b>')).toEqual({ reasoning: '', content: '<b>bold</b>' });
  });
});
