import { describe, expect, it } from 'vitest';
import { sendRequested } from './test-messages.ts';
import { comparePath, lanesFromSearch } from './compare-path.ts';
import { blindPicks, compareReducer, initialCompareState, isComparing, laneHistory } from './compare.ts';
import type { Message } from './types.ts';

const send = sendRequested;

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

  it('keeps a blind test’s pick: one lane’s reply to a message, moved by another pick, taken back by the same one', () => {
    const lanes = ['a/x', 'b/y', 'c/z'];
    let state = initialCompareState(lanes);
    // One message to every lane, as the view sends it (the same message in each), and each reply done.
    const ask = (question: string, n: number): void => {
      for (const model of lanes) {
        const replyId = `${model}-${n}`;
        state = compareReducer(state, { type: 'laneAction', model, action: { type: 'sendRequested', user: { id: question, role: 'user', content: question }, replyId, model, at: 1 } });
        state = compareReducer(state, { type: 'laneAction', model, action: { type: 'streamEventsReceived', replyId, events: [{ event: { type: 'delta', text: 'ok' }, at: 2 }, { event: { type: 'done' }, at: 3 }] } });
      }
    };
    const picks = (): string[] => lanes.flatMap((model) => state.chats[model]!.messages.flatMap((m) => (m.role === 'assistant' && m.preferred ? [m.id] : [])));
    ask('q1', 1);
    ask('q2', 2);
    state = compareReducer(state, { type: 'replyPreferred', model: 'b/y', replyId: 'b/y-2' });
    expect(picks()).toEqual(['b/y-2']);
    // Another lane's reply to the same message takes the pick; a pick for the first message stands beside it.
    state = compareReducer(state, { type: 'replyPreferred', model: 'c/z', replyId: 'c/z-2' });
    state = compareReducer(state, { type: 'replyPreferred', model: 'a/x', replyId: 'a/x-1' });
    expect(picks()).toEqual(['a/x-1', 'c/z-2']);
    // Picked again, it is taken back; the other message's pick stays.
    state = compareReducer(state, { type: 'replyPreferred', model: 'c/z', replyId: 'c/z-2' });
    expect(picks()).toEqual(['a/x-1']);
    expect(state.chats['c/z']!.messages.at(-1)).not.toHaveProperty('preferred');
    state = compareReducer(state, { type: 'replyPreferred', model: 'c/z', replyId: 'c/z-2' });
    expect(blindPicks(lanes.map((model) => ({ model, messages: state.chats[model]!.messages })))).toEqual({
      messages: 2,
      lanes: [
        { model: 'a/x', picks: 1 },
        { model: 'c/z', picks: 1 },
      ],
    });
    // Not a reply still streaming, nor one that is not there.
    state = compareReducer(state, { type: 'laneAction', model: 'a/x', action: { type: 'sendRequested', user: { id: 'q3', role: 'user', content: 'q3' }, replyId: 'a/x-3', model: 'a/x', at: 4 } });
    expect(compareReducer(state, { type: 'replyPreferred', model: 'a/x', replyId: 'a/x-3' })).toBe(state);
    expect(compareReducer(state, { type: 'replyPreferred', model: 'a/x', replyId: 'nope' })).toBe(state);
    expect(compareReducer(state, { type: 'replyPreferred', model: 'gone/model', replyId: 'a/x-1' })).toBe(state);
  });

  it('reads and writes lanes in the URL', () => {
    expect(lanesFromSearch('?lanes=groq/llama-3.3-70b-versatile,openai/gpt-4o-mini')).toEqual(['groq/llama-3.3-70b-versatile', 'openai/gpt-4o-mini']);
    expect(lanesFromSearch('')).toEqual([]);
    expect(comparePath(['groq/llama-3.3-70b-versatile', 'ollama/qwen3:8b'])).toBe('/compare?lanes=groq/llama-3.3-70b-versatile,ollama/qwen3:8b');
    expect(lanesFromSearch(comparePath(['a/b c', 'x/y']).split('?')[1]!)).toEqual(['a/b c', 'x/y']);
    expect(comparePath([])).toBe('/compare');
  });
});

describe('laneHistory', () => {
  const messages: Message[] = [
    { id: 'u1', role: 'user', content: 'first' },
    { id: 'u2', role: 'user', content: 'second' },
    { id: 'u3', role: 'user', content: 'third' },
  ];

  it('sends a new message after the whole history', () => {
    expect(laneHistory(messages, undefined)).toEqual({ history: messages, rewound: false });
  });

  it('sends an edited or regenerated message after what came before the one it replaces', () => {
    expect(laneHistory(messages, 'u2')).toEqual({ history: messages.slice(0, 1), rewound: true });
    expect(laneHistory(messages, 'u1')).toEqual({ history: [], rewound: true });
  });

  it('sends after the whole history of a lane that never had that message (added later)', () => {
    expect(laneHistory(messages, 'elsewhere')).toEqual({ history: messages, rewound: false });
  });
});
