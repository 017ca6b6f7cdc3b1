import { describe, expect, it } from 'vitest';
import { BlockSplitter } from './block-splitter.ts';

const DOC = [
  '# Title',
  '',
  'A paragraph with **bold**',
  'continued on a second line.',
  '',
  '```ts',
  'const a = 1;',
  '',
  'const b = 2;',
  '```',
  '',
  '- item one',
  '',
  '  still item one',
  '- item two',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '~~~',
  '```',
  'not a close',
  '~~~',
  '',
  'Last words.',
].join('\n');

describe('BlockSplitter', () => {
  it('covers every prefix exactly: frozen blocks plus tail equal the text, and frozen blocks never change', () => {
    const splitter = new BlockSplitter();
    let previous: readonly string[] = [];
    for (let end = 0; end <= DOC.length; end++) {
      const prefix = DOC.slice(0, end);
      const { frozen, tail } = splitter.update(prefix);
      expect(frozen.join('') + tail).toBe(prefix);
      expect(frozen.slice(0, previous.length)).toEqual(previous);
      previous = [...frozen];
    }
  });

  it('splits at blank lines outside fences, never inside a fence or before an indented continuation', () => {
    const { frozen, tail } = new BlockSplitter().update(DOC);
    expect(frozen).toEqual([
      '# Title\n\n',
      'A paragraph with **bold**\ncontinued on a second line.\n\n',
      '```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n',
      '- item one\n\n  still item one\n- item two\n\n',
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n',
      '~~~\n```\nnot a close\n~~~\n\n',
    ]);
    expect(tail).toBe('Last words.');
  });

  it('gives the same split fed one character at a time as fed at once', () => {
    const whole = new BlockSplitter().update(DOC);
    const splitter = new BlockSplitter();
    let last = splitter.update('');
    for (let end = 1; end <= DOC.length; end++) last = splitter.update(DOC.slice(0, end));
    expect(last.frozen).toEqual(whole.frozen);
    expect(last.tail).toBe(whole.tail);
    const appending = new BlockSplitter();
    for (let end = 1; end <= DOC.length; end++) last = appending.update(DOC.slice(0, end), true);
    expect(last).toEqual(whole);
  });

  it('starts over when the text is replaced rather than extended, and says so by a new generation', () => {
    const splitter = new BlockSplitter();
    const first = splitter.update('One\n\nTwo\n\nThree');
    expect(splitter.update('One\n\nTwo\n\nThree more').generation).toBe(first.generation);
    const replaced = splitter.update('Other\n\nText');
    expect(replaced).toEqual({ frozen: ['Other\n\n'], tail: 'Text', needsFinalPass: false, inOpenFence: false, generation: first.generation + 1 });
  });

  it('checks only the seam when told the text only grows, and still starts over when the seam differs', () => {
    const splitter = new BlockSplitter();
    const long = `${'Intro words. '.repeat(20)}\n\nSecond`;
    const before = splitter.update(long, true);
    // An earlier character changed far from the seam: trusted, as promised.
    const trusted = splitter.update(`X${long.slice(1)} block`, true);
    expect(trusted.generation).toBe(before.generation);
    expect(trusted.tail).toBe('Second block');
    // A change at the seam, or a shorter text, is caught.
    const seam = splitter.update(`${long.slice(0, -1)}D and more`, true);
    expect(seam.generation).toBe(before.generation + 1);
    expect(seam.tail).toBe('SeconD and more');
    expect(splitter.update('Short', true)).toMatchObject({ frozen: [], tail: 'Short', generation: before.generation + 2 });
  });

  it('handles CRLF line endings', () => {
    expect(new BlockSplitter().update('a\r\n\r\nb')).toEqual({ frozen: ['a\r\n\r\n'], tail: 'b', needsFinalPass: false, inOpenFence: false, generation: 0 });
  });

  it('keeps the items of one loose list in one block, and splits where another list starts', () => {
    const { frozen, tail } = new BlockSplitter().update('- a\n\n- b\n\n* c\n\n1. one\n\n2. two\n\n3) three');
    expect(frozen).toEqual(['- a\n\n- b\n\n', '* c\n\n', '1. one\n\n2. two\n\n']);
    expect(tail).toBe('3) three');
  });

  it('does not split before a partial line that may be the next item of the same list', () => {
    expect(new BlockSplitter().update('- a\n\n-').frozen).toEqual([]);
    expect(new BlockSplitter().update('1. a\n\n2').frozen).toEqual([]);
  });

  it('starts a block at a code fence that opens at the margin, even without a blank line', () => {
    expect(new BlockSplitter().update('Here:\n```js\nx\n```\nAfter').frozen).toEqual(['Here:\n']);
  });

  it('asks for a final pass when reference definitions or footnotes appear', () => {
    expect(new BlockSplitter().update('See [x].\n\n[x]: https://example.com\n').needsFinalPass).toBe(true);
    expect(new BlockSplitter().update('Claim[^1].\n\n[^1]: Source.\n').needsFinalPass).toBe(true);
    expect(new BlockSplitter().update('```\n[x]: not a definition\n```\n').needsFinalPass).toBe(false);
  });
});
