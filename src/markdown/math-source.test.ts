import { describe, expect, it } from 'vitest';
import { texBracketsToDollars } from './math-source.ts';

describe('texBracketsToDollars', () => {
  it.each([
    ['inline \\( … \\)', 'so \\(x^2\\) grows', 'so $$x^2$$ grows'],
    ['\\[ … \\] inside a line, inline', 'so \\[x^2\\] grows', 'so $$x^2$$ grows'],
    ['\\[ … \\] opening a line, on lines of its own', '\\[ x = \\frac{1}{2} \\]', '$$\nx = \\frac{1}{2}\n$$'],
    ['\\[ and \\] on lines of their own', 'Then:\n\\[\nx = 1\n\\]\nso.', 'Then:\n$$\nx = 1\n$$\nso.'],
    ['two formulas', '\\(a\\) and \\(b\\)', '$$a$$ and $$b$$'],
    ['a code span', 'write `\\(x\\)` for \\(x\\)', 'write `\\(x\\)` for $$x$$'],
    ['a fence', '```tex\n\\[x\\]\n```\n\\(y\\)', '```tex\n\\[x\\]\n```\n$$y$$'],
    ['an escaped backslash', 'a \\\\[not math\\\\]', 'a \\\\[not math\\\\]'],
    ['an opener that never closes', 'an array index \\[3', 'an array index \\[3'],
    ['no math at all', 'plain **text**', 'plain **text**'],
  ])('%s', (_name, text, converted) => {
    expect(texBracketsToDollars(text, false)).toBe(converted);
  });

  it('opens the streaming tail’s last formula still coming in, inline or on lines of its own', () => {
    expect(texBracketsToDollars('so \\(a\\) and \\(x^2 +', true)).toBe('so $$a$$ and $$x^2 +');
    expect(texBracketsToDollars('\\[\nx = \\frac{1', true)).toBe('$$\nx = \\frac{1');
    // Only the last opener: an earlier one that never closed is text.
    expect(texBracketsToDollars('an index \\[3 and \\(x', true)).toBe('an index \\[3 and $$x');
  });
});
