import { describe, expect, it } from 'vitest';
import { holdBackTable, repairTail } from './repair-tail.ts';

describe('repairTail', () => {
  it.each([
    ['Some **bold', 'Some **bold**'],
    ['Some *ital', 'Some *ital*'],
    ['Run `npm', 'Run `npm`'],
    ['~~gone', '~~gone~~'],
    ['See [the docs](https://exa', 'See the docs'],
    ['A picture ![chart](https://ex', 'A picture'],
    ['A picture ![cha', 'A picture'],
    ['Finished **text** here.', 'Finished **text** here.'],
    ['A dangling **', 'A dangling'],
    ['Run `', 'Run'],
    ['| a |\n|---|\n| cell | **', '| a |\n|---|\n| cell |'],
    ['snake_case_', 'snake_case_'],
  ])('repairs %j', (tail, repaired) => {
    expect(repairTail(tail)).toBe(repaired);
  });

  it('leaves an open code fence alone: it already renders as code', () => {
    expect(repairTail('```ts\nconst a = `x')).toBe('```ts\nconst a = `x');
  });
});

describe('holdBackTable', () => {
  it('holds back a header row until its delimiter row is complete', () => {
    expect(holdBackTable('Intro\n\n| a | b |')).toBe('Intro\n\n');
    expect(holdBackTable('Intro\n\n| a | b |\n|---|--')).toBe('Intro\n\n');
    expect(holdBackTable('| a | b |\n')).toBe('');
  });

  it('shows the table once the delimiter row is done, partial body rows included', () => {
    expect(holdBackTable('| a | b |\n|---|---|\n')).toBe('| a | b |\n|---|---|\n');
    expect(holdBackTable('| a | b |\n|---|---|\n| 1 | 2')).toBe('| a | b |\n|---|---|\n| 1 | 2');
  });

  it('leaves text without a table as it is', () => {
    expect(holdBackTable('Just words | with a pipe')).toBe('Just words | with a pipe');
  });
});

describe('repairTail and math', () => {
  it.each([
    // An open inline formula is closed, marked open (it shows as its source).
    ['Roots of $$ax^2 + b', 'Roots of $$ax^2 + b\u2060$$'],
    ['$$a$$ and $$b', '$$a$$ and $$b\u2060$$'],
    ['With $$$x', 'With $$$x\u2060$$$'],
    // Closed ones, and single dollars, are left alone.
    ['$$a$$ costs $5', '$$a$$ costs $5'],
    // A bare opening run waits for what follows it.
    ['so $$', 'so'],
    // A formula on lines of its own runs to the end as its source: no closing.
    ['$$\nx = 1', '$$\nx = 1'],
  ])('%j → %j', (tail, repaired) => {
    expect(repairTail(tail)).toBe(repaired);
  });
});
