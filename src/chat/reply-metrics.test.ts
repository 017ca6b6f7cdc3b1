import { describe, expect, it } from 'vitest';
import { contextShare, liveTokensPerSecond, nextPromptTokens, replyCost, replyMetrics, streamedTokens, systemPromptTokens } from './reply-metrics.ts';
import { assistantReply } from './test-messages.ts';
import type { Message } from './types.ts';

/** The timing of a reply whose first token came at 1500 and whose live sample saw `length` characters at `at`. */
const sampled = (length: number, at: number, tokens?: number) => ({ firstTokenAt: 1500, liveSample: { at, length, tokens } });

describe('streamedTokens', () => {
  it('counts a token a piece, or 4 characters a token where the pieces held more', () => {
    // Code a token a chunk: 30 characters in 10 pieces.
    expect(streamedTokens(30, 10)).toBe(10);
    // A sentence a chunk: 400 characters in 4 pieces.
    expect(streamedTokens(400, 4)).toBe(100);
    expect(streamedTokens(400)).toBe(100);
  });
});

describe('liveTokensPerSecond', () => {
  it('reads the rate from the sample\'s tokens over the time from the first token to the sample', () => {
    expect(liveTokensPerSecond(sampled(400, 3500, 140))).toBe(70);
  });

  it('takes 4 characters a token for a sample kept before samples counted tokens', () => {
    // 400 characters ≈ 100 tokens, over 2 s.
    expect(liveTokensPerSecond(sampled(400, 3500))).toBe(50);
  });

  it('says nothing before the first token, or in the first quarter second after it', () => {
    expect(liveTokensPerSecond({ firstTokenAt: undefined, liveSample: undefined })).toBeUndefined();
    expect(liveTokensPerSecond(sampled(40, 1700))).toBeUndefined();
  });
});

describe('replyMetrics', () => {
  it('uses the reported completion tokens over the time from first token to end', () => {
    const reply = assistantReply({ usage: { promptTokens: 10, completionTokens: 100, totalTokens: 110 }, timing: { startedAt: 0, firstTokenAt: 250, endedAt: 2250 } });
    expect(replyMetrics(reply)).toEqual({ timeToFirstTokenMs: 250, totalMs: 2250, tokensPerSecond: 50, tokensEstimated: false });
  });

  it('estimates a continued reply\'s rate from the text after Continue only', () => {
    // 400 characters were there; 200 more (50 tokens) came over 2 seconds.
    const reply = assistantReply({ content: 'x'.repeat(600), reasoning: '', usage: undefined, continuedFrom: { content: 400, reasoning: 0 }, timing: { startedAt: 0, firstTokenAt: 250, endedAt: 2250 } });
    expect(replyMetrics(reply)).toMatchObject({ tokensPerSecond: 25, tokensEstimated: true });
  });

  it('without usage, counts a token a streamed piece where that is more than 4 characters a token', () => {
    // 300 characters of Chinese in 200 pieces over 2 s: 100 tokens a second, not 37.5.
    const reply = assistantReply({ content: '字'.repeat(300), reasoning: '', usage: undefined, timing: { startedAt: 0, firstTokenAt: 250, endedAt: 2250, pieces: 200 } });
    expect(replyMetrics(reply)).toMatchObject({ tokensPerSecond: 100, tokensEstimated: true });
  });
});

describe('replyCost and contextShare', () => {
  const usage = { promptTokens: 1000, completionTokens: 500, totalTokens: 1500 };

  it('prices the prompt and the completion at their own rates', () => {
    expect(replyCost(usage, { currency: 'USD', inputPerToken: 0.000002, outputPerToken: 0.000008 })).toBeCloseTo(0.006, 12);
  });

  it('says nothing without prices or without the gateway\'s counts', () => {
    expect(replyCost(undefined, { currency: 'USD', inputPerToken: 1, outputPerToken: 1 })).toBeUndefined();
    expect(replyCost(usage, undefined)).toBeUndefined();
  });

  it('measures the prompt, history included, against the context window', () => {
    expect(contextShare(usage, 8000)).toBe(0.125);
    expect(contextShare(usage, undefined)).toBeUndefined();
    expect(contextShare(undefined, 8000)).toBeUndefined();
  });
});

const user = (content: string) => ({ id: content, role: 'user' as const, content });

/** A history whose reply's prompt the gateway counted at 100 tokens, sent with a system prompt of `systemTokens` (as estimated then). */
const counted = (systemTokens?: number): Message[] => [user('first'), assistantReply({ content: '', usage: { promptTokens: 100, completionTokens: 0, totalTokens: 100 }, systemTokens })];

describe('nextPromptTokens', () => {
  it('estimates a first message with the system prompt: 4 characters a token, 4 more around each message', () => {
    expect(nextPromptTokens([], 'Be brief.', 'Explain goroutines')).toBe(2 + 4 + 5 + 4);
    expect(nextPromptTokens([], '  ', '')).toBe(0);
  });

  it('starts from the gateway’s count of the last prompt and adds what came since: that reply’s text, not its reasoning, and the draft', () => {
    const history = [
      user('first'),
      assistantReply({ content: 'x'.repeat(40), reasoning: 'y'.repeat(4000), usage: { promptTokens: 100, completionTokens: 1100, totalTokens: 1200 } }),
      user('12345678'),
      assistantReply({ content: '', status: 'failed', usage: undefined }),
    ];
    // 100 counted + the reply (10 + 4) + the message after it (2 + 4), the empty failed reply left out + the draft (1 + 4).
    expect(nextPromptTokens(history, 'ignored: counted in the 100', 'ok?')).toBe(100 + 14 + 6 + 5);
  });

  it('adds how much the system prompt has grown or shrunk since the counted prompt, where the reply kept its estimate', () => {
    // Sent with "Be brief." (2 + 4); now 40 characters (10 + 4): 8 more.
    expect(systemPromptTokens('Be brief.')).toBe(2 + 4);
    expect(nextPromptTokens(counted(systemPromptTokens('Be brief.')), 'x'.repeat(40), '')).toBe(100 + 8);
    // Cleared since: the 6 are gone.
    expect(nextPromptTokens(counted(6), '  ', '')).toBe(100 - 6);
    // Unchanged, or a reply saved before the estimate was kept: the gateway's count as it is.
    expect(nextPromptTokens(counted(6), 'Be brief.', '')).toBe(100);
    expect(nextPromptTokens(counted(), 'x'.repeat(400), '')).toBe(100);
  });

  it('counts a continued reply\'s earlier text once: it went out in the prompt the gateway counted', () => {
    const history = [user('first'), assistantReply({ content: 'x'.repeat(400) + 'y'.repeat(40), usage: { promptTokens: 200, completionTokens: 10, totalTokens: 210 }, continuedFrom: { content: 400, reasoning: 0 } })];
    // 200 counted (the partial reply inside) + the 40 characters after Continue (10).
    expect(nextPromptTokens(history, '', '')).toBe(200 + 10);
  });
});
