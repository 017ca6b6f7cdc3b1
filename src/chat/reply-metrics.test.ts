import { describe, expect, it } from 'vitest';
import { liveTokensPerSecond, replyMetrics } from './reply-metrics.ts';
import { assistantReply } from './test-messages.ts';

/** A reply streaming since 1000, its first token at 1500 and its latest at `lastTokenAt`. */
const streaming = (content: string, lastTokenAt: number, reasoning = '') =>
  assistantReply({ status: 'streaming', content, reasoning, usage: undefined, timing: { startedAt: 1000, firstTokenAt: 1500, lastTokenAt, endedAt: undefined } });

describe('liveTokensPerSecond', () => {
  it('estimates the rate from the text so far over the time from the first token to the latest', () => {
    // 400 characters ≈ 100 tokens, over 2 s.
    expect(liveTokensPerSecond(streaming('x'.repeat(400), 3500))).toBe(50);
  });

  it('counts reasoning as generated text too', () => {
    expect(liveTokensPerSecond(streaming('x'.repeat(200), 3500, 'y'.repeat(200)))).toBe(50);
  });

  it('says nothing before the first token, or in the first quarter second after it', () => {
    expect(liveTokensPerSecond(assistantReply({ status: 'waiting', content: '', timing: { startedAt: 1000, firstTokenAt: undefined, endedAt: undefined } }))).toBeUndefined();
    expect(liveTokensPerSecond(streaming('x'.repeat(40), 1700))).toBeUndefined();
  });
});

describe('replyMetrics', () => {
  it('uses the reported completion tokens over the time from first token to end', () => {
    const reply = assistantReply({ usage: { promptTokens: 10, completionTokens: 100, totalTokens: 110 }, timing: { startedAt: 0, firstTokenAt: 250, endedAt: 2250 } });
    expect(replyMetrics(reply)).toEqual({ timeToFirstTokenMs: 250, totalMs: 2250, tokensPerSecond: 50, tokensEstimated: false });
  });
});
