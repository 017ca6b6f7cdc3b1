import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../gateway/client.ts';
import { LIVE_SAMPLE_MS } from './chat-reducer.ts';
import { liveTokensPerSecond, replyMetrics } from './reply-metrics.ts';
import { createTraceRecorder, paceProfile, parseTrace, replayFrame, replaySource, TRACE_SAMPLE_MS, type ReplaySource } from './reply-trace.ts';
import type { AssistantMessage, ReplyTrace } from './types.ts';

const START = 1_000_000;

function record(...items: Array<[StreamEvent, number]>): ReplyTrace | undefined {
  const recorder = createTraceRecorder(START);
  for (const [event, after] of items) recorder.record({ event, at: START + after });
  return recorder.finish(START + 9999);
}

const delta = (text: string): StreamEvent => ({ type: 'delta', text });

describe('createTraceRecorder', () => {
  it('samples the lengths of content and reasoning by their time after the request', () => {
    const trace = record([{ type: 'reasoning', text: 'hmm' }, 300], [delta('Hello'), 500], [delta(', world'), 700], [{ type: 'done' }, 750]);
    expect(trace).toEqual({ at: [300, 500, 700], content: [0, 5, 12], reasoning: [3, 3, 3], end: 750 });
  });

  it('merges tokens closer than a frame into the sample they follow', () => {
    const trace = record([delta('a'), 100], [delta('b'), 100 + TRACE_SAMPLE_MS - 1], [delta('c'), 100 + TRACE_SAMPLE_MS + 5]);
    expect(trace?.at).toEqual([100, 100 + TRACE_SAMPLE_MS + 5]);
    expect(trace?.content).toEqual([2, 3]);
  });

  it('ends where the stream ended, or at the stop when it had no end', () => {
    expect(record([delta('a'), 100], [{ type: 'interrupted' }, 400], [delta('late'), 500])).toEqual({ at: [100], content: [1], reasoning: [0], end: 400 });
    expect(record([delta('a'), 100])?.end).toBe(9999);
  });

  it('gives its trace once: the end of the stream, a stop and the loop’s end may each ask', () => {
    const recorder = createTraceRecorder(START);
    recorder.record({ event: delta('a'), at: START + 100 });
    expect(recorder.finish(START + 200)).toEqual({ at: [100], content: [1], reasoning: [0], end: 200 });
    expect(recorder.finish(START + 300)).toBeUndefined();
  });

  it('records nothing for a reply without text', () => {
    expect(record([{ type: 'usage', usage: { promptTokens: 1, completionTokens: 0, totalTokens: 1 } }, 100], [{ type: 'done' }, 200])).toBeUndefined();
  });
});

describe('parseTrace', () => {
  const good = { at: [10, 20], content: [1, 4], reasoning: [0, 0], end: 30 };
  it('keeps a trace whose arrays agree and grow', () => {
    expect(parseTrace(good)).toEqual(good);
    expect(parseTrace({ ...good, end: 5 })?.end).toBe(20);
  });
  it.each([
    ['not an object', 'trace'],
    ['empty', { at: [], content: [], reasoning: [], end: 0 }],
    ['arrays of other lengths', { ...good, content: [1] }],
    ['text that shrinks', { ...good, content: [4, 1] }],
    ['time that goes back', { ...good, at: [20, 10] }],
    ['negative numbers', { ...good, reasoning: [-1, 0] }],
    ['no end', { at: good.at, content: good.content, reasoning: good.reasoning }],
  ])('drops %s', (_, value) => {
    expect(parseTrace(value)).toBeUndefined();
  });
});

describe('replayFrame', () => {
  const reply: AssistantMessage = {
    id: 'r1',
    role: 'assistant',
    model: 'groq/llama',
    content: 'Hello, world',
    reasoning: 'hmm',
    toolCalls: [],
    status: 'done',
    usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 },
    finishReason: 'stop',
    error: undefined,
    timing: { startedAt: START, firstTokenAt: START + 300, endedAt: START + 2000 },
  };
  const trace: ReplyTrace = { at: [300, 500, 1200], content: [0, 5, 12], reasoning: [3, 3, 3], end: 2000 };
  const source: ReplaySource = replaySource({ ...reply, trace })!;

  it('waits, with nothing shown, until the first token came', () => {
    const frame = replayFrame(reply, source, 299);
    expect(frame).toMatchObject({ status: 'waiting', content: '', reasoning: '', usage: undefined, finishReason: undefined });
    expect(frame.timing).toEqual({ startedAt: START, firstTokenAt: undefined, liveSample: undefined, endedAt: undefined });
  });

  it('shows the text as it was at that moment, streaming, without the end’s usage', () => {
    const frame = replayFrame(reply, source, 600);
    expect(frame).toMatchObject({ status: 'streaming', content: 'Hello', reasoning: 'hmm', usage: undefined });
    expect(frame.timing.firstTokenAt).toBe(START + 300);
    // The live rate's sample is the one the reducer took: on a LIVE_SAMPLE_MS grid from the first token.
    // Its tokens at the reply's own ratio (15 characters, 4 tokens counted): 3 characters 1 token, 8 characters 2.
    expect(frame.timing.liveSample).toEqual({ at: START + 300, length: 3, tokens: 1 });
    expect(replayFrame(reply, source, 300 + LIVE_SAMPLE_MS + 450).timing.liveSample).toEqual({ at: START + 500, length: 8, tokens: 2 });
  });

  it('counts the live rate\'s tokens as the gateway did, so the replayed rate does not jump when the counted one takes its place', () => {
    // 1,200 characters of code the gateway counted as 400 tokens (3 characters a token), 40 characters every 100 ms.
    const at = Array.from({ length: 30 }, (_, i) => 100 * i);
    const code: AssistantMessage = {
      ...reply,
      content: 'x'.repeat(1200),
      reasoning: '',
      usage: { promptTokens: 3, completionTokens: 400, totalTokens: 403 },
      timing: { startedAt: START, firstTokenAt: START, endedAt: START + 2900 },
    };
    const codeTrace: ReplyTrace = { at, content: at.map((_, i) => 40 * (i + 1)), reasoning: at.map(() => 0), end: 2900 };
    // At 2.1 s the sample is the one of 2 s: 840 characters, 280 tokens at 3 characters a token.
    const live = replayFrame(code, replaySource({ ...code, trace: codeTrace })!, 2100).timing;
    expect(liveTokensPerSecond(live)).toBeCloseTo(140, 6);
    // The counted rate at the end: 400 tokens over 2.9 s.
    expect(replyMetrics(code).tokensPerSecond).toBeCloseTo(137.9, 1);
    // Without the gateway's count: 4 characters a token (210 tokens in 2 s).
    const uncounted = { ...code, usage: undefined };
    expect(liveTokensPerSecond(replayFrame(uncounted, replaySource({ ...uncounted, trace: codeTrace })!, 2100).timing)).toBeCloseTo(105, 6);
  });

  it('plays a continued reply from where it was continued: that text is there from the start, the trace is the continuation\'s', () => {
    // "Hello, " was there; the continuation's trace counts "world" from 0.
    const continued: AssistantMessage = { ...reply, reasoning: '', continuedFrom: { content: 7, reasoning: 0 } };
    const own: ReplyTrace = { at: [300, 800], content: [2, 5], reasoning: [0, 0], end: 1000 };
    // No trace of the text before (saved before they were chained): the continuation alone.
    const ownOnly = replaySource({ ...continued, trace: own })!;
    expect(ownOnly).toEqual({ trace: own, from: { content: 7, reasoning: 0 }, tokens: 4 });
    expect(replayFrame(continued, ownOnly, 100)).toMatchObject({ status: 'waiting', content: 'Hello, ' });
    expect(replayFrame(continued, ownOnly, 400)).toMatchObject({ status: 'streaming', content: 'Hello, wo' });
    // The continuation's own ratio: 5 characters, 4 tokens counted.
    expect(replayFrame(continued, ownOnly, 400).timing.liveSample).toEqual({ at: START + 300, length: 2, tokens: 2 });
    expect(replayFrame(continued, ownOnly, 900).content).toBe('Hello, world');
  });

  it('plays a continued reply whole when the text before has its trace: from the start, the continuation following on', () => {
    // "Hello, " came in two samples and ended (stopped) at 500; the continuation waited 300 ms for "wo", then "rld".
    const before: ReplyTrace = { at: [200, 400], content: [3, 7], reasoning: [0, 0], end: 500 };
    const own: ReplyTrace = { at: [300, 800], content: [2, 5], reasoning: [0, 0], end: 1000 };
    const continued: AssistantMessage = { ...reply, reasoning: '', continuedFrom: { content: 7, reasoning: 0, trace: before }, trace: own };
    const whole = replaySource(continued)!;
    expect(whole).toEqual({ trace: { at: [200, 400, 800, 1300], content: [3, 7, 9, 12], reasoning: [0, 0, 0, 0], end: 1500 }, from: { content: 0, reasoning: 0 } });
    expect(replayFrame(continued, whole, 100)).toMatchObject({ status: 'waiting', content: '' });
    expect(replayFrame(continued, whole, 250)).toMatchObject({ status: 'streaming', content: 'Hel' });
    // Between the parts: the text before, still streaming, while the continuation waits for its first token.
    expect(replayFrame(continued, whole, 700)).toMatchObject({ status: 'streaming', content: 'Hello, ' });
    expect(replayFrame(continued, whole, 900)).toMatchObject({ status: 'streaming', content: 'Hello, wo' });
    expect(replayFrame(continued, whole, 1400)).toMatchObject({ status: 'streaming', content: 'Hello, world' });
    expect(replayFrame(continued, whole, 1500)).toBe(continued);
    // The live rate counts the whole text's tokens at their ratio only where every part reported its count.
    expect(whole.tokens).toBeUndefined();
    const counted: AssistantMessage = { ...continued, continuedFrom: { ...continued.continuedFrom!, usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 } } };
    expect(replaySource(counted)?.tokens).toBe(6);
  });

  it('is the reply itself once the trace has ended', () => {
    expect(replayFrame(reply, source, 1999).content).toBe('Hello, world');
    expect(replayFrame(reply, source, 1999).status).toBe('streaming');
    expect(replayFrame(reply, source, 2000)).toBe(reply);
  });
});

describe('paceProfile', () => {
  it('spreads the text over equal slices of the stream as tokens a second, from the first token on', () => {
    // A chunk every 100 ms: 40 characters each for the first second, then 4. Each counts over the 100 ms before it.
    const at = Array.from({ length: 21 }, (_, i) => i * 100);
    const content = at.map((t) => at.filter((s) => s <= t).reduce((sum, s) => sum + (s < 1000 ? 40 : 4), 0));
    const trace: ReplyTrace = { at, content, reasoning: at.map(() => 0), end: 2100 };
    const profile = paceProfile(trace, 4);
    expect(profile?.rates).toEqual([100, 82, 10, 10]);
    expect(profile?.peak).toBe(100);
    expect(profile?.longestPause).toBeUndefined();
  });

  it('counts reasoning, leaves a long wait before a chunk a gap, and names a pause of a second or more', () => {
    const trace: ReplyTrace = { at: [100, 200, 3200], content: [0, 0, 40], reasoning: [40, 80, 80], end: 3300 };
    const profile = paceProfile(trace, 4);
    // Slices of 775 ms: 40 characters in the first, none over the pause, the last 40 in the 250 ms before they came.
    expect(profile?.rates.map((r) => Math.round(r * 100) / 100)).toEqual([12.9, 0, 0, 12.9]);
    expect(profile?.longestPause).toBe(3000);
  });

  it('keeps the text of two samples at one time (a file can hold them)', () => {
    const profile = paceProfile({ at: [0, 500, 500, 1000], content: [0, 20, 40, 60], reasoning: [0, 0, 0, 0], end: 1000 }, 2);
    expect(profile?.rates.reduce((sum, rate) => sum + rate * 0.5 * 4, 0)).toBeCloseTo(60);
  });

  it('turns characters into tokens at the ratio of the count the gateway reported for the text', () => {
    // 120 characters in 1.2 s after the first chunk's 30; the gateway counted 75 tokens for all 150 (2 characters a token, as for code or Chinese).
    const at = [0, 300, 600, 900, 1200];
    const trace: ReplyTrace = { at, content: [30, 60, 90, 120, 150], reasoning: [0, 0, 0, 0, 0], end: 1200 };
    expect(paceProfile(trace, 4, 75)?.rates).toEqual([50, 50, 50, 50]);
    // Without the count, 4 characters a token: half as fast.
    expect(paceProfile(trace, 4)?.rates).toEqual([25, 25, 25, 25]);
    expect(paceProfile(trace, 4, 0)?.rates).toEqual([25, 25, 25, 25]);
  });

  it('has nothing to say of a reply that came in one piece', () => {
    expect(paceProfile({ at: [300], content: [50], reasoning: [0], end: 300 }, 4)).toBeUndefined();
  });
});
