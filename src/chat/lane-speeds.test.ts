import { describe, expect, it } from 'vitest';
import { sendRequested } from './test-messages.ts';
import type { ChatAction } from './chat-reducer.ts';
import { compareReducer, initialCompareState, type CompareState } from './compare.ts';
import type { StreamEvent } from '../gateway/client.ts';
import { laneSpeeds } from './lane-speeds.ts';
import type { ModelInfo } from './model-catalog.ts';

const send = sendRequested;
/** A model the gateway prices per token in `currency`. */
const priced = (currency: string, input: number, output: number): ModelInfo =>
  ({ pricing: { currency, inputPerToken: input, outputPerToken: output } }) as ModelInfo;

const received = (replyId: string, ...list: StreamEvent[]): ChatAction => ({ type: 'streamEventsReceived', replyId, events: list.map((event) => ({ event, at: 100 })) });
const usage = (completionTokens: number): StreamEvent => ({ type: 'usage', usage: { promptTokens: 5, completionTokens, totalTokens: 5 + completionTokens } });

describe('laneSpeeds', () => {
  type Event = [kind: 'delta' | 'usage' | 'done', at: number, text?: string];
  const at = (model: string, replyId: string, sentAt: number, ...events: Event[]) => ({ model, replyId, sentAt, events });
  /** Lanes with a reply each (a model named again gets another): sent at `sentAt`, then each event at its time. */
  function race(...lanes: ReturnType<typeof at>[]): CompareState {
    let state = initialCompareState([...new Set(lanes.map((l) => l.model)), 'c/idle']);
    for (const lane of lanes) {
      state = compareReducer(state, { type: 'laneAction', model: lane.model, action: send(lane.replyId, lane.model, lane.sentAt) });
      for (const [kind, time, text] of lane.events) {
        const event =
          kind === 'delta'
            ? { type: 'delta' as const, text: text ?? '' }
            : kind === 'usage'
              ? { type: 'usage' as const, usage: { promptTokens: 5, completionTokens: Number(text), totalTokens: 5 + Number(text) } }
              : { type: 'done' as const };
        state = compareReducer(state, { type: 'laneAction', model: lane.model, action: { type: 'streamEventsReceived', replyId: lane.replyId, events: [{ event, at: time }] } });
      }
    }
    return state;
  }

  it('gives each lane its first token, rate and total, and marks the fastest of each', () => {
    const state = race(
      // First token after 200 ms, 100 tokens over 1 s after it.
      at('a/x', 'r1', 0, ['delta', 200, 'Hi'], ['usage', 1200, '100'], ['done', 1200]),
      // First token after 500 ms, 300 tokens over 1 s.
      at('b/y', 'r2', 0, ['delta', 500, 'Hello'], ['usage', 1500, '300'], ['done', 1500]),
    );
    const [a, b, idle] = laneSpeeds(state);
    expect(a).toMatchObject({ model: 'a/x', status: 'done', firstTokenMs: 200, tokensPerSecond: 100, estimated: false, totalMs: 1200, fastestFirstToken: true, fastestRate: false });
    expect(b).toMatchObject({ model: 'b/y', firstTokenMs: 500, tokensPerSecond: 300, totalMs: 1500, fastestFirstToken: false, fastestRate: true });
    expect(idle).toMatchObject({ model: 'c/idle', status: undefined, firstTokenMs: undefined, tokensPerSecond: undefined, fastestFirstToken: false, fastestRate: false });
  });

  it('carries a settled reply’s trace, for its pace beside the others’, with the tokens the gateway counted for it', () => {
    const trace = { at: [200], content: [2], reasoning: [0], end: 1200 };
    let state = race(at('a/x', 'r1', 0, ['delta', 200, 'Hi'], ['usage', 1200, '1'], ['done', 1200]));
    state = compareReducer(state, { type: 'laneAction', model: 'a/x', action: { type: 'traceRecorded', replyId: 'r1', trace } });
    expect(laneSpeeds(state).map((lane) => [lane.trace, lane.traceTokens])).toEqual([
      [trace, 1],
      [undefined, undefined],
    ]);
  });

  it('estimates a streaming lane’s rate as of its latest token, and marks nothing fastest with only one figure', () => {
    // 400 characters ≈ 100 tokens, the latest 2 s after the first.
    const state = race(at('a/x', 'r1', 0, ['delta', 1000, 'x'.repeat(200)], ['delta', 3000, 'x'.repeat(200)]), at('b/y', 'r2', 0));
    const [a, b] = laneSpeeds(state);
    expect(a).toMatchObject({ status: 'streaming', firstTokenMs: 1000, tokensPerSecond: 50, estimated: true, totalMs: undefined, fastestFirstToken: false, fastestRate: false });
    expect(b).toMatchObject({ status: 'waiting', firstTokenMs: undefined, tokensPerSecond: undefined });
  });

  it('prices each settled reply at its model\'s prices and marks the cheapest, only within one currency', () => {
    const state = race(
      at('a/x', 'r1', 0, ['delta', 200, 'Hi'], ['usage', 1200, '100'], ['done', 1200]),
      at('b/y', 'r2', 0, ['delta', 500, 'Hello'], ['usage', 1500, '300'], ['done', 1500]),
    );
    const prices: Record<string, ModelInfo> = { 'a/x': priced('USD', 1e-6, 2e-6), 'b/y': priced('USD', 1e-7, 1e-7) };
    const [a, b, idle] = laneSpeeds(state, (model) => prices[model]);
    // 5 prompt and 100 completion tokens against 5 and 300.
    expect(a?.cost?.amount).toBeCloseTo(0.000205, 12);
    expect(b).toMatchObject({ cost: { currency: 'USD' }, cheapest: true });
    expect(b?.cost?.amount).toBeCloseTo(0.0000305, 12);
    expect(a?.cheapest).toBe(false);
    expect(idle).toMatchObject({ cost: undefined, cheapest: false });
    prices['b/y'] = priced('EUR', 1e-7, 1e-7);
    expect(laneSpeeds(state, (model) => prices[model]).map((lane) => lane.cheapest)).toEqual([false, false, false]);
  });

  it('prices a reply at the prices it kept from when it was asked for, over the gateway\'s prices now', () => {
    const state = race(at('a/x', 'r1', 0, ['delta', 200, 'Hi'], ['usage', 1200, '100'], ['done', 1200]));
    const chat = state.chats['a/x']!;
    const last = chat.messages.at(-1)!;
    if (last.role !== 'assistant') throw new Error('no reply');
    const kept = { ...state, chats: { 'a/x': { ...chat, messages: [...chat.messages.slice(0, -1), { ...last, pricing: { currency: 'USD', inputPerToken: 1e-5, outputPerToken: 1e-5 } }] } } };
    // 5 prompt and 100 completion tokens at $10 a million each, not at today's $1 and $2.
    expect(laneSpeeds(kept, () => priced('USD', 1e-6, 2e-6))[0]?.cost?.amount).toBeCloseTo(0.00105, 12);
  });

  it('says which lanes\' figures are of a continued reply (over all messages, of one among them)', () => {
    let state = race(at('a/x', 'r1', 0, ['delta', 100, 'Hi']), at('b/y', 'r2', 0, ['delta', 100, 'Hi'], ['done', 200]));
    state = compareReducer(state, { type: 'laneAction', model: 'a/x', action: { type: 'stopRequested', replyId: 'r1', at: 150 } });
    expect(laneSpeeds(state).map((lane) => lane.continued)).toEqual([false, false, false]);
    state = compareReducer(state, { type: 'laneAction', model: 'a/x', action: { type: 'continueRequested', replyId: 'r1', at: 1000 } });
    expect(laneSpeeds(state).map((lane) => lane.continued)).toEqual([true, false, false]);
    // Over all messages only settled replies count: once it has settled.
    expect(laneSpeeds(state, undefined, 'all')[0]?.continued).toBe(false);
    const done = { type: 'streamEventsReceived' as const, replyId: 'r1', events: [{ event: { type: 'delta' as const, text: ' there' }, at: 1100 }, { event: { type: 'done' as const }, at: 1200 }] };
    state = compareReducer(state, { type: 'laneAction', model: 'a/x', action: done });
    expect(laneSpeeds(state, undefined, 'all').map((lane) => lane.continued)).toEqual([true, false, false]);
  });

  it('costs a continued reply in all: its part before Continue added, unknown when that part reported no usage', () => {
    const pricing = { currency: 'USD', inputPerToken: 1e-6, outputPerToken: 2e-6 };
    let state = initialCompareState(['a/x', 'b/y']);
    const lane = (model: string, action: ChatAction): void => {
      state = compareReducer(state, { type: 'laneAction', model, action });
    };
    for (const [model, replyId] of [['a/x', 'r1'], ['b/y', 'r2']] as const) lane(model, { ...sendRequested(replyId, model, 0), pricing } as ChatAction);
    // a/x: cut at the token limit with its usage; b/y: stopped, with none.
    lane('a/x', received('r1', { type: 'delta', text: 'Hi' }, { type: 'finish', reason: 'length' }, usage(100), { type: 'done' }));
    lane('b/y', received('r2', { type: 'delta', text: 'Hi' }));
    lane('b/y', { type: 'stopRequested', replyId: 'r2', at: 150 });
    for (const [model, replyId] of [['a/x', 'r1'], ['b/y', 'r2']] as const) {
      lane(model, { type: 'continueRequested', replyId, at: 1000, pricing });
      lane(model, received(replyId, { type: 'delta', text: ' there' }, usage(50), { type: 'done' }));
    }
    const [a, b] = laneSpeeds(state);
    // (5 + 5) prompt tokens at $1 a million, (100 + 50) completion at $2.
    expect(a?.cost?.amount).toBeCloseTo(0.00031, 12);
    expect(b?.cost).toBeUndefined();
    expect(a?.cheapest).toBe(false);
  });

  it('over all messages: each lane\'s medians of first token, rate and total, its cost summed, and the best of each marked', () => {
    const state = race(
      at('a/x', 'r1', 0, ['delta', 100, 'Hi'], ['usage', 1100, '100'], ['done', 1100]),
      at('a/x', 'r2', 5000, ['delta', 5300, 'Hi'], ['usage', 6300, '300'], ['done', 6300]),
      at('a/x', 'r3', 9000, ['delta', 9200, 'Hi'], ['usage', 10200, '200'], ['done', 10200]),
      at('b/y', 'r4', 0, ['delta', 500, 'Hi'], ['usage', 1500, '50'], ['done', 1500]),
      // Still streaming: not counted yet, but the lane says it streams.
      at('b/y', 'r5', 5000, ['delta', 5100, 'Hel']),
    );
    const prices: Record<string, ModelInfo> = { 'a/x': priced('USD', 1e-6, 1e-6), 'b/y': priced('USD', 1e-6, 1e-6) };
    const [a, b, idle] = laneSpeeds(state, (model) => prices[model], 'all');
    // First tokens 100, 300 and 200 ms; rates 100, 300 and 200 tok/s; each took 1.1, 1.3 and 1.2 s.
    expect(a).toMatchObject({ status: 'done', replies: 3, firstTokenMs: 200, tokensPerSecond: 200, totalMs: 1200, estimated: false, trace: undefined });
    // 3 × 5 prompt and 600 completion tokens at $1 a million.
    expect(a?.cost?.amount).toBeCloseTo(0.000615, 12);
    expect(b).toMatchObject({ status: 'streaming', replies: 1, firstTokenMs: 500, tokensPerSecond: 50, totalMs: 1500 });
    expect(a).toMatchObject({ fastestFirstToken: true, fastestRate: true, cheapest: false });
    expect(b?.cheapest).toBe(true);
    expect(idle).toMatchObject({ replies: 0, firstTokenMs: undefined, cost: undefined });
    // A reply the gateway did not price leaves the lane with no total, rather than a part of one.
    delete prices['a/x'];
    expect(laneSpeeds(state, (model) => prices[model], 'all')[0]?.cost).toBeUndefined();
    // The last message alone, as before.
    expect(laneSpeeds(state, (model) => prices[model])[0]).toMatchObject({ firstTokenMs: 200, tokensPerSecond: 200, replies: 1 });
  });
});
