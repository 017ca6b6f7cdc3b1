// A compare view's blind test: while its models are hidden, a reply says
// nothing that gives its model away (its name, its figures: a price or a
// context window points at one model).
import { createContext } from 'react';

export const ModelsHiddenContext = createContext(false);

/** "Model A" … "Model Z", then "Model 27" on: what a lane is called while the models are hidden. */
export function blindLabel(position: number): string {
  return `Model ${position < 26 ? String.fromCodePoint(65 + position) : position + 1}`;
}

/** The lanes in a new random order (Fisher–Yates), so their order in the link gives none away. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}
