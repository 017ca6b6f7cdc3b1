import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../chat/model-catalog.ts';
import { assistantReply } from '../chat/test-messages.ts';
import { replyFiguresLine } from './reply-figures.ts';

describe('replyFiguresLine', () => {
  const timing = { startedAt: 1000, firstTokenAt: 1250, endedAt: 2250 };
  const usage = { promptTokens: 1000, completionTokens: 50, totalTokens: 1050 };
  const info = { pricing: { currency: 'USD', inputPerToken: 0.000001, outputPerToken: 0.000002 } } as ModelInfo;

  it('words the first token, the rate, the total time and the cost at the gateway’s prices', () => {
    expect(replyFiguresLine(assistantReply({ timing, usage }), info)).toBe("First token 250 ms · 50.0 tok/s · total 1.3 s · $0.0011 at the gateway's prices");
    // A continued reply's are its continuation's, and the line says so.
    expect(replyFiguresLine(assistantReply({ timing, usage, continuedFrom: { content: 3, reasoning: 0 } }), info)).toBe(
      "After Continue: First token 250 ms · 50.0 tok/s · total 1.3 s · $0.0011 at the gateway's prices",
    );
  });

  it('costs a reply at the prices it kept from when it was asked for, not the gateway’s prices now', () => {
    const kept = { currency: 'EUR', inputPerToken: 0.000002, outputPerToken: 0.000004 };
    expect(replyFiguresLine(assistantReply({ timing, usage, pricing: kept }), info)).toBe("First token 250 ms · 50.0 tok/s · total 1.3 s · €0.0022 at the gateway's prices");
  });

  it('marks an estimated rate, and leaves out what it does not know', () => {
    expect(replyFiguresLine(assistantReply({ timing, usage: undefined, content: 'x'.repeat(200) }), undefined)).toBe('First token 250 ms · ≈ 50.0 tok/s · total 1.3 s');
    expect(replyFiguresLine(assistantReply({ timing: { startedAt: 1000, firstTokenAt: undefined, endedAt: undefined }, usage: undefined }), info)).toBeUndefined();
  });
});
