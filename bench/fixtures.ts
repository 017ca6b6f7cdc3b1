// Deterministic benchmark fixtures (seeded), generated rather than stored:
// a mixed answer of 28 KB and of 80 KB, one 800-line code fence, a 200-row table,
// a list of 50 points (each a paragraph and sub-items).
import { codeAnswer, listAnswer, mixedAnswer, tableAnswer } from '../server/demo-gateway/generated.ts';

export const FIXTURES = {
  'mixed-28k': () => mixedAnswer(28_000, 28),
  'mixed-80k': () => mixedAnswer(80_000, 80),
  'code-800': () => codeAnswer(800, 800),
  'table-200': () => tableAnswer(200, 200),
  'list-50': () => listAnswer(50, 50),
  'small-4k': () => mixedAnswer(4_000, 4),
} as const;

export type FixtureName = keyof typeof FIXTURES;
