import { describe, expect, it } from 'vitest';
import type { ChatAction } from './chat-reducer.ts';
import { comparePath, compareReducer, initialCompareState, isComparing, lanesFromSearch, laneSpeeds, type CompareState } from './compare.ts';

const send = (replyId: string, model: string, at = 1): ChatAction => ({
  type: 'sendRequested',
  user: { id: `u-${replyId}`, role: 'user', content: 'hi' },
  replyId,
  model,
  at,
});

describe('compareReducer', () => {
  it('keeps one lane per model, each with its own history', () => {
    let state = initialCompareState(['a/x', 'b/y', 'a/x', '']);
    expect(state.lanes).toEqual(['a/x', 'b/y']);
    state = compareReducer(state, { type: 'laneAdded', model: 'b/y' });
    expect(state.lanes).toEqual(['a/x', 'b/y']);
    state = compareReducer(state, { type: 'laneAction', model: 'a/x', action: send('r1', 'a/x') });
    expect(state.chats['a/x']!.messages).toHaveLength(2);
    expect(state.chats['b/y']!.messages).toHaveLength(0);
    expect(isComparing(state)).toBe(true);
    state = compareReducer(state, { type: 'laneAction', model: 'a/x', action: { type: 'streamEventsReceived', replyId: 'r1', events: [{ event: { type: 'done' }, at: 2 }] } });
    expect(isComparing(state)).toBe(false);
  });

  it('removes a lane and its history; a later lane of that model starts empty', () => {
    let state = compareReducer(initialCompareState(['a/x']), { type: 'laneAction', model: 'a/x', action: send('r1', 'a/x') });
    state = compareReducer(state, { type: 'laneRemoved', model: 'a/x' });
    expect(state).toEqual({ lanes: [], chats: {} });
    state = compareReducer(state, { type: 'laneAdded', model: 'a/x' });
    expect(state.chats['a/x']!.messages).toEqual([]);
  });

  it('ignores actions for a lane that is gone', () => {
    const state = initialCompareState(['a/x']);
    expect(compareReducer(state, { type: 'laneAction', model: 'zz', action: send('r', 'zz') })).toBe(state);
  });

  it('restores saved histories into lanes of the same model that are still empty', () => {
    const saved = { 'a/x': [{ id: 'u1', role: 'user' as const, content: 'old' }], 'z/gone': [{ id: 'u2', role: 'user' as const, content: 'other' }] };
    const state = compareReducer(initialCompareState(['a/x', 'b/y']), { type: 'lanesRestored', chats: saved });
    expect(state.chats['a/x']!.messages).toBe(saved['a/x']);
    expect(state.chats['b/y']!.messages).toEqual([]);
    expect(state.chats['z/gone']).toBeUndefined();
    // A lane already holding a history keeps it.
    const busy = compareReducer(initialCompareState(['a/x']), { type: 'laneAction', model: 'a/x', action: send('r1', 'a/x') });
    expect(compareReducer(busy, { type: 'lanesRestored', chats: saved })).toBe(busy);
  });

  it('reads and writes lanes in the URL', () => {
    expect(lanesFromSearch('?lanes=groq/llama-3.3-70b-versatile,openai/gpt-4o-mini')).toEqual(['groq/llama-3.3-70b-versatile', 'openai/gpt-4o-mini']);
    expect(lanesFromSearch('')).toEqual([]);
    expect(comparePath(['groq/llama-3.3-70b-versatile', 'ollama/qwen3:8b'])).toBe('/compare?lanes=groq/llama-3.3-70b-versatile,ollama/qwen3:8b');
    expect(lanesFromSearch(comparePath(['a/b c', 'x/y']).split('?')[1]!)).toEqual(['a/b c', 'x/y']);
    expect(comparePath([])).toBe('/compare');
  });
});

describe('laneSpeeds', () => {
  type Event = [kind: 'delta' | 'usage' | 'done', at: number, text?: string];
  const at = (model: string, replyId: string, sentAt: number, ...events: Event[]) => ({ model, replyId, sentAt, events });
  /** Lanes with one reply each: sent at `sentAt`, then each event at its time. */
  function race(...lanes: ReturnType<typeof at>[]): CompareState {
    let state = initialCompareState([...lanes.map((l) => l.model), 'c/idle']);
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

  it('estimates a streaming lane’s rate as of its latest token, and marks nothing fastest with only one figure', () => {
    // 400 characters ≈ 100 tokens, the latest 2 s after the first.
    const state = race(at('a/x', 'r1', 0, ['delta', 1000, 'x'.repeat(200)], ['delta', 3000, 'x'.repeat(200)]), at('b/y', 'r2', 0));
    const [a, b] = laneSpeeds(state);
    expect(a).toMatchObject({ status: 'streaming', firstTokenMs: 1000, tokensPerSecond: 50, estimated: true, totalMs: undefined, fastestFirstToken: false, fastestRate: false });
    expect(b).toMatchObject({ status: 'waiting', firstTokenMs: undefined, tokensPerSecond: undefined });
  });
});
