import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../chat/model-catalog.ts';
import { lanesEstimateLine, promptEstimateLine } from './prompt-estimate.ts';

/** A model with a context window and, when given, prices per million prompt tokens. */
const model = (contextWindow: number | undefined, perMillion?: number, currency = 'USD'): ModelInfo =>
  ({ contextWindow, pricing: perMillion === undefined ? undefined : { currency, inputPerToken: perMillion / 1e6, outputPerToken: 0 } }) as ModelInfo;

describe('the next prompt line', () => {
  it('gives the size, the share of the window and the price, as far as the gateway gives them', () => {
    expect(promptEstimateLine(1234, model(128_000, 0.15))).toBe('Next prompt ≈ 1,234 tokens · 1.0% of 128K · ≈ $0.000185');
    expect(promptEstimateLine(1234, undefined)).toBe('Next prompt ≈ 1,234 tokens');
    // What the conversation took so far, once the gateway counted any of it.
    expect(promptEstimateLine(1234, model(128_000, 0.15), { counted: 2, tokens: 2345, cost: { amount: 0.000512, currency: 'USD' } })).toBe(
      'Next prompt ≈ 1,234 tokens · 1.0% of 128K · ≈ $0.000185 · so far 2,345 tokens, $0.000512',
    );
    expect(promptEstimateLine(1234, undefined, { counted: 1, tokens: 99, cost: undefined })).toBe('Next prompt ≈ 1,234 tokens · so far 99 tokens');
    expect(promptEstimateLine(1234, undefined, { counted: 0, tokens: 0, cost: undefined })).toBe('Next prompt ≈ 1,234 tokens');
  });

  it('in the compare view, gives the range over the lanes, the largest share of a window and the cost of sending to all', () => {
    // 400 tokens at $0.15 and 500 at $0.59 per million: $0.000355.
    expect(lanesEstimateLine([{ tokens: 400, info: model(128_000, 0.15) }, { tokens: 500, info: model(100_000, 0.59) }])).toBe(
      'Next prompts ≈ 400–500 tokens · up to 0.5% of a window · ≈ $0.000355 for all 2',
    );
    expect(lanesEstimateLine([{ tokens: 300, info: undefined }, { tokens: 300, info: model(undefined, 1) }, { tokens: 300, info: model(1000, 2) }])).toBe(
      'Next prompts ≈ 300 tokens each · up to 30% of a window · ≈ $0.0009 for 2 of 3 lanes',
    );
  });

  it('names no total across currencies, and one lane reads as the chat does', () => {
    expect(lanesEstimateLine([{ tokens: 10, info: model(undefined, 1, 'USD') }, { tokens: 20, info: model(undefined, 1, 'EUR') }])).toBe('Next prompts ≈ 10–20 tokens');
    expect(lanesEstimateLine([{ tokens: 10, info: undefined }, { tokens: 20, info: undefined }], { counted: 2, tokens: 1500, cost: { amount: 0.25, currency: 'USD' } })).toBe(
      'Next prompts ≈ 10–20 tokens · so far 1,500 tokens, $0.25',
    );
    expect(lanesEstimateLine([{ tokens: 1234, info: model(128_000, 0.15) }])).toBe(promptEstimateLine(1234, model(128_000, 0.15)));
    expect(lanesEstimateLine([])).toBeUndefined();
  });

  it('is shorter for a phone: the figures without their words, and so far the cost alone where there is one', () => {
    const spent = { counted: 2, tokens: 2345, cost: { amount: 0.000512, currency: 'USD' } };
    expect(promptEstimateLine(1234, model(128_000, 0.15), spent, 'short')).toBe('≈ 1,234 tokens · 1.0% · ≈ $0.000185 · so far $0.000512');
    expect(promptEstimateLine(1234, undefined, { counted: 1, tokens: 99, cost: undefined }, 'short')).toBe('≈ 1,234 tokens · so far 99 tokens');
    expect(lanesEstimateLine([{ tokens: 400, info: model(128_000, 0.15) }, { tokens: 500, info: model(100_000, 0.59) }], spent, 'short')).toBe(
      '≈ 400–500 tokens · ≈ $0.000355 · so far $0.000512',
    );
    expect(lanesEstimateLine([{ tokens: 1234, info: model(128_000, 0.15) }], undefined, 'short')).toBe('≈ 1,234 tokens · 1.0% · ≈ $0.000185');
  });
});
