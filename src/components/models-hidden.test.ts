import { expect, it } from 'vitest';
import { blindLabel, shuffled } from './models-hidden.ts';

it('calls lanes Model A to Model Z, then by number', () => {
  expect([0, 1, 25, 26].map(blindLabel)).toEqual(['Model A', 'Model B', 'Model Z', 'Model 27']);
});

it('shuffles every order possible, each item once', () => {
  const seen = new Set<string>();
  for (let run = 0; run < 200; run++) {
    const order = shuffled(['a', 'b', 'c']);
    expect(order.toSorted()).toEqual(['a', 'b', 'c']);
    seen.add(order.join(''));
  }
  expect(seen.size).toBe(6);
  // A random source always at its top keeps the order; at its bottom, each item moves.
  expect(shuffled(['a', 'b', 'c'], () => 0.999)).toEqual(['a', 'b', 'c']);
  expect(shuffled(['a', 'b', 'c'], () => 0)).toEqual(['b', 'c', 'a']);
});
