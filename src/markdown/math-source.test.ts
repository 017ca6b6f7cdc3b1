import { describe, expect, it } from 'vitest';
import { mathToDollars } from './math-source.ts';

describe('mathToDollars: \\( … \\) and \\[ … \\]', () => {
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
    expect(mathToDollars(text, false)).toBe(converted);
  });

  it('opens the streaming tail’s last formula still coming in, inline or on lines of its own', () => {
    expect(mathToDollars('so \\(a\\) and \\(x^2 +', true)).toBe('so $$a$$ and $$x^2 +');
    expect(mathToDollars('\\[\nx = \\frac{1', true)).toBe('$$\nx = \\frac{1');
    // Only the last opener: an earlier one that never closed is text.
    expect(mathToDollars('an index \\[3 and \\(x', true)).toBe('an index \\[3 and $$x');
  });
});

describe('mathToDollars: single dollars, by Pandoc’s rule', () => {
  it.each([
    ['an inline formula', 'roots of $ax^2 + bx + c = 0$ here', 'roots of $$ax^2 + bx + c = 0$$ here'],
    ['two on a line', '$a$ and $b \\neq 0$.', '$$a$$ and $$b \\neq 0$$.'],
    ['one starting with a digit', 'so $2x$ it is', 'so $$2x$$ it is'],
    ['an escaped dollar inside', 'it is $\\$5 + x$ then', 'it is $$\\$5 + x$$ then'],
    ['beside $$ math', '$$E$$ and $m$', '$$E$$ and $$m$$'],
  ])('%s', (_name, text, converted) => {
    expect(mathToDollars(text, false)).toBe(converted);
  });

  it.each([
    ['two prices', 'from $5 and $10 a month'],
    ['prices on either side of a slash', '$0.15/$0.60 per million'],
    ['a range', '$5-$10'],
    ['one price', 'it costs $5.'],
    ['a space after the opener', 'a $ x$ sign'],
    ['a space before the closer', 'a $x $ sign'],
    ['a digit after the closer', 'pay $x$5'],
    ['an escaped dollar', 'the \\$x\\$ signs'],
    ['a pair across lines', 'a $x\nb$ here'],
    ['a code span', 'run `echo $HOME$` now'],
    ['a fence', '```sh\necho $a$b\n```'],
    ['a $$ run', 'a $$$ sign'],
  ])('leaves text: %s', (_name, text) => {
    expect(mathToDollars(text, false)).toBe(text);
  });

  it('opens the streaming tail’s formula still coming in, but not a price', () => {
    expect(mathToDollars('so $x^2 +', true)).toBe('so $$x^2 +');
    expect(mathToDollars('with $\\frac{1', true)).toBe('with $$\\frac{1');
    // A digit after the dollar: a price until a closer makes it a formula.
    expect(mathToDollars('it costs $5', true)).toBe('it costs $5');
    expect(mathToDollars('so $2x$ is', true)).toBe('so $$2x$$ is');
    // A $ that ends the tail closes nothing yet (a digit may come next): a formula still coming in, or a price.
    expect(mathToDollars('so $x^2$', true)).toBe('so $$x^2');
    expect(mathToDollars('$0.15/$', true)).toBe('$0.15/$');
    // A later $ that did not close it, a line ended, or markdown TeX has no use for: text.
    expect(mathToDollars('a $x and $', true)).toBe('a $x and $');
    expect(mathToDollars('set $x\nto', true)).toBe('set $x\nto');
    // A word in capitals after the dollar: a shell's variable until a closer makes it a formula.
    expect(mathToDollars('set $HOME to', true)).toBe('set $HOME to');
    expect(mathToDollars('add $GO_PATH2/bin', true)).toBe('add $GO_PATH2/bin');
    expect(mathToDollars('set $H', true)).toBe('set $H');
    expect(mathToDollars('so $AB$ is', true)).toBe('so $$AB$$ is');
    // One capital, or capitals running into lower case, is math as before.
    expect(mathToDollars('so $O(n', true)).toBe('so $$O(n');
    expect(mathToDollars('so $Ax', true)).toBe('so $$Ax');
    expect(mathToDollars('so $ABc', true)).toBe('so $$ABc');
    expect(mathToDollars('set $HOME to **your', true)).toBe('set $HOME to **your');
    // Settled, an opener that never closed is text.
    expect(mathToDollars('so $x^2 +', false)).toBe('so $x^2 +');
  });
});
