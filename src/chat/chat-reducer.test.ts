import { describe, expect, it } from 'vitest';
import type { StreamEvent, ToolCallPiece } from '../gateway/client.ts';
import { chatReducer, initialChatState, LIVE_SAMPLE_MS, streamingReply, type ChatAction, type ChatState } from './chat-reducer.ts';
import { messageVersionIds, replyVersions, type AssistantMessage, type Message, type ReplyTrace, type UserMessage } from './types.ts';

const send: ChatAction = {
  type: 'sendRequested',
  user: { id: 'u1', role: 'user', content: 'hi' },
  replyId: 'r1',
  model: 'groq/llama',
  at: 1000,
};

function events(...list: Array<[StreamEvent, number]>): ChatAction {
  return { type: 'streamEventsReceived', replyId: 'r1', events: list.map(([event, at]) => ({ event, at })) };
}

function reply(state: ChatState): AssistantMessage {
  const last = state.messages.at(-1);
  if (last?.role !== 'assistant') throw new Error('no reply');
  return last;
}

const run = (...actions: ChatAction[]): ChatState => actions.reduce(chatReducer, initialChatState);

/** A settled reply with this text, asked for at `at`. */
const settledReply = (id: string, content: string, at: number): AssistantMessage => ({ ...reply(run(send)), id, content, status: 'done', timing: { startedAt: at, firstTokenAt: at, endedAt: at } });

/** Reply r1 gets `text` at `at` and is stopped, with `trace` recorded for it. */
function stopAt(state: ChatState, text: string, at: number, trace: ReplyTrace | undefined): ChatState {
  const stopped = chatReducer(chatReducer(state, events([{ type: 'delta', text }, at])), { type: 'stopRequested', replyId: 'r1', at: at + 100 });
  return trace ? chatReducer(stopped, { type: 'traceRecorded', replyId: 'r1', trace }) : stopped;
}

describe('chatReducer', () => {
  it('keeps the prices the model had when the reply was asked for', () => {
    const pricing = { currency: 'USD', inputPerToken: 1e-6, outputPerToken: 2e-6 };
    expect(reply(run({ ...send, pricing })).pricing).toEqual(pricing);
    // And the estimate of the system prompt it was sent with, for the next prompt's estimate.
    expect(reply(run({ ...send, systemTokens: 7 })).systemTokens).toBe(7);
    expect('systemTokens' in reply(run(send))).toBe(false);
  });

  it('keeps the replies a regenerated one takes the place of, and shows another version in its place on request', () => {
    const first = reply(run(send, events([{ type: 'delta', text: 'One' }, 1100], [{ type: 'done' }, 1200])));
    const second = reply(
      run(
        { type: 'sendRequested', user: { id: 'u1', role: 'user', content: 'hi' }, replyId: 'r2', model: 'groq/llama', at: 2000, earlier: [first] },
        { type: 'streamEventsReceived', replyId: 'r2', events: [{ event: { type: 'delta', text: 'Two' }, at: 2100 }, { event: { type: 'done' }, at: 2200 }] },
      ),
    );
    expect(second.earlier).toEqual([first]);
    const state: ChatState = { messages: [{ id: 'u1', role: 'user', content: 'hi' }, second] };
    // Back to the first: it takes the place, the second is kept (without versions of its own), in the order asked.
    const back = reply(chatReducer(state, { type: 'replyVersionShown', replyId: 'r2', versionId: 'r1' }));
    expect(back).toMatchObject({ id: 'r1', content: 'One' });
    expect(back.earlier?.map((version) => [version.id, version.content, 'earlier' in version])).toEqual([['r2', 'Two', false]]);
    expect(replyVersions(back).map((version) => version.id)).toEqual(['r1', 'r2']);
    // And forth again.
    expect(reply(chatReducer({ messages: [state.messages[0]!, back] }, { type: 'replyVersionShown', replyId: 'r1', versionId: 'r2' }))).toMatchObject({ id: 'r2', earlier: [first] });
    // Nothing happens for a version it does not have, or while the reply streams.
    expect(chatReducer(state, { type: 'replyVersionShown', replyId: 'r2', versionId: 'nope' })).toBe(state);
    const streaming: ChatState = { messages: [state.messages[0]!, { ...second, status: 'streaming' }] };
    expect(chatReducer(streaming, { type: 'replyVersionShown', replyId: 'r2', versionId: 'r1' })).toBe(streaming);
  });

  it('stamps a message with when it was sent, unless it has a time (a regenerated one keeps its own)', () => {
    expect(run(send).messages[0]).toEqual({ id: 'u1', role: 'user', content: 'hi', sentAt: 1000 });
    const again: ChatAction = { ...send, user: { id: 'u1', role: 'user', content: 'hi', sentAt: 400 }, at: 2000 };
    expect(run(again).messages[0]).toMatchObject({ sentAt: 400 });
  });

  it('shows an edited message\'s earlier version with what followed it, and keeps the one it replaces as a branch', () => {
    const hello: UserMessage = { id: 'u1', role: 'user', content: 'hello', sentAt: 1000 };
    const oldTail: Message[] = [hello, settledReply('r1', 'Hi!', 1000), { id: 'u2', role: 'user', content: 'thanks', sentAt: 2000 }, settledReply('r2', 'Welcome.', 2000)];
    const edited: UserMessage = { id: 'u3', role: 'user', content: 'Compare providers', sentAt: 3000, branches: [oldTail] };
    const before: Message = { id: 'u0', role: 'user', content: 'first', sentAt: 500 };
    const state: ChatState = { messages: [before, settledReply('r0', 'ok', 500), edited, settledReply('r3', 'A table', 3000)] };
    expect(messageVersionIds(edited)).toEqual(['u1', 'u3']);
    // A message saved before messages had a time was sent before any that has one.
    expect(messageVersionIds({ ...edited, sentAt: 9, branches: [[{ id: 'old', role: 'user', content: 'y' }]] })).toEqual(['old', 'u3']);

    const back = chatReducer(state, { type: 'messageVersionShown', messageId: 'u3', versionId: 'u1' });
    // What came before the message stays; from it on, the earlier branch.
    expect(back.messages.map((m) => m.content)).toEqual(['first', 'ok', 'hello', 'Hi!', 'thanks', 'Welcome.']);
    const shown = back.messages[2] as UserMessage;
    expect(shown.branches).toEqual([[{ id: 'u3', role: 'user', content: 'Compare providers', sentAt: 3000 }, state.messages[3]]]);
    expect(messageVersionIds(shown)).toEqual(['u1', 'u3']);
    // And forth again: the same conversation as before.
    expect(chatReducer(back, { type: 'messageVersionShown', messageId: 'u1', versionId: 'u3' })).toEqual(state);

    // Nothing happens for a version it does not have, its own, a reply's id, or while a reply streams.
    expect(chatReducer(state, { type: 'messageVersionShown', messageId: 'u3', versionId: 'nope' })).toBe(state);
    expect(chatReducer(state, { type: 'messageVersionShown', messageId: 'u3', versionId: 'u3' })).toBe(state);
    expect(chatReducer(state, { type: 'messageVersionShown', messageId: 'r3', versionId: 'u1' })).toBe(state);
    const streaming: ChatState = { messages: [...state.messages.slice(0, -1), { ...settledReply('r3', 'A', 3000), status: 'streaming' }] };
    expect(chatReducer(streaming, { type: 'messageVersionShown', messageId: 'u3', versionId: 'u1' })).toBe(streaming);
  });

  it('adds the user message and a waiting reply on send', () => {
    const state = run(send);
    expect(state.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(reply(state)).toMatchObject({ status: 'waiting', content: '', model: 'groq/llama', timing: { startedAt: 1000 } });
    // Without prices from the gateway the reply keeps none.
    expect('pricing' in reply(state)).toBe(false);
    expect(streamingReply(state)?.id).toBe('r1');
  });

  it('keeps the trace recorded for a reply once it has settled, and not before', () => {
    const trace = { at: [200], content: [5], reasoning: [0], end: 300 };
    const streaming = run(send, events([{ type: 'delta', text: 'Hello' }, 1200]));
    expect(chatReducer(streaming, { type: 'traceRecorded', replyId: 'r1', trace })).toBe(streaming);
    const done = chatReducer(streaming, events([{ type: 'done' }, 1300]));
    expect(reply(chatReducer(done, { type: 'traceRecorded', replyId: 'r1', trace }))).toMatchObject({ status: 'done', content: 'Hello', trace });
    // Or with the events that end the stream, in one step: one commit ends a reply.
    const ended = reply(chatReducer(streaming, { ...events([{ type: 'delta', text: '!' }, 1250], [{ type: 'done' }, 1300]), trace } as ChatAction));
    expect(ended).toMatchObject({ status: 'done', content: 'Hello!', trace });
    // A trace handed over with events that leave the reply open is not kept.
    expect('trace' in reply(chatReducer(streaming, { ...events([{ type: 'delta', text: '!' }, 1250]), trace } as ChatAction))).toBe(false);
  });

  it('continues a reply that ended before its end: it streams on from its text, with usage, timing and trace started over', () => {
    const trace = { at: [200], content: [5], reasoning: [0], end: 300 };
    const stopped = chatReducer(run(send, events([{ type: 'delta', text: 'Hello' }, 1200])), { type: 'stopRequested', replyId: 'r1', at: 1300 });
    const withTrace = chatReducer(stopped, { type: 'traceRecorded', replyId: 'r1', trace });
    const asked = chatReducer(withTrace, { type: 'continueRequested', replyId: 'r1', at: 5000, systemTokens: 3 });
    expect(reply(asked)).toMatchObject({ status: 'waiting', content: 'Hello', continuedFrom: { content: 5, reasoning: 0 }, usage: undefined, systemTokens: 3 });
    expect(reply(asked).timing).toEqual({ startedAt: 5000, firstTokenAt: undefined, endedAt: undefined });
    expect(reply(asked)).not.toHaveProperty('trace');
    const going = chatReducer(asked, events([{ type: 'delta', text: ', world' }, 5400]));
    // The live rate counts the continuation's text only.
    expect(reply(going)).toMatchObject({ status: 'streaming', content: 'Hello, world', timing: { firstTokenAt: 5400, pieces: 1, liveSample: { at: 5400, length: 7, tokens: 2 } } });
    const usage = { promptTokens: 20, completionTokens: 2, totalTokens: 22 };
    expect(reply(chatReducer(going, events([{ type: 'usage', usage }, 5500], [{ type: 'done' }, 5500])))).toMatchObject({ status: 'done', usage, content: 'Hello, world' });
    // Only a settled reply with text that ended before its end.
    expect(chatReducer(run(send, events([{ type: 'delta', text: 'Hi' }, 1200])), { type: 'continueRequested', replyId: 'r1', at: 2 }).messages.at(-1)).toMatchObject({ status: 'streaming' });
    const complete = run(send, events([{ type: 'delta', text: 'Hi' }, 1200], [{ type: 'finish', reason: 'stop' }, 1250], [{ type: 'done' }, 1300]));
    expect(chatReducer(complete, { type: 'continueRequested', replyId: 'r1', at: 2 })).toBe(complete);
  });

  it('keeps what the parts before Continue reported: their usage summed, and its cost at their prices, only when every part had them', () => {
    const pricing = { currency: 'USD', inputPerToken: 0.000001, outputPerToken: 0.000002 };
    const cutAtLength = (state: ChatState, text: string, usage: { promptTokens: number; completionTokens: number; totalTokens: number }, at: number): ChatState =>
      chatReducer(state, events([{ type: 'delta', text }, at], [{ type: 'usage', usage }, at], [{ type: 'finish', reason: 'length' }, at], [{ type: 'done' }, at]));
    const first = cutAtLength(run({ ...send, pricing } as ChatAction), 'Hello', { promptTokens: 10, completionTokens: 5, totalTokens: 15 }, 1200);
    const once = chatReducer(first, { type: 'continueRequested', replyId: 'r1', at: 2000, pricing });
    expect(reply(once).continuedFrom).toEqual({ content: 5, reasoning: 0, usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 }, cost: { amount: expect.closeTo(0.00002, 12), currency: 'USD' } });
    const second = cutAtLength(once, ', world', { promptTokens: 20, completionTokens: 3, totalTokens: 23 }, 2200);
    const twice = chatReducer(second, { type: 'continueRequested', replyId: 'r1', at: 3000, pricing });
    expect(reply(twice).continuedFrom).toMatchObject({ content: 12, usage: { promptTokens: 30, completionTokens: 8, totalTokens: 38 } });
    expect(reply(twice).continuedFrom?.cost?.amount).toBeCloseTo(0.00002 + 0.000026, 12);
    // A first part stopped before its usage came: nothing to add up, then or after.
    const stopped = chatReducer(run(send, events([{ type: 'delta', text: 'Hello' }, 1200])), { type: 'stopRequested', replyId: 'r1', at: 1300 });
    const fromStopped = chatReducer(stopped, { type: 'continueRequested', replyId: 'r1', at: 2000 });
    expect(reply(fromStopped).continuedFrom).toEqual({ content: 5, reasoning: 0 });
    const later = chatReducer(cutAtLength(fromStopped, '!', { promptTokens: 20, completionTokens: 1, totalTokens: 21 }, 2200), { type: 'continueRequested', replyId: 'r1', at: 3000 });
    expect(reply(later).continuedFrom).toEqual({ content: 6, reasoning: 0 });
  });

  it('keeps how the text before Continue arrived, every part\'s trace chained, and none once a part had no trace', () => {
    const first: ReplyTrace = { at: [200], content: [5], reasoning: [0], end: 300 };
    const once = chatReducer(stopAt(run(send), 'Hello', 1200, first), { type: 'continueRequested', replyId: 'r1', at: 5000 });
    expect(reply(once).continuedFrom?.trace).toEqual(first);
    // The second part's trace counts from where it was continued, and starts when the first ended.
    const second: ReplyTrace = { at: [400, 600], content: [2, 7], reasoning: [0, 0], end: 700 };
    const twice = chatReducer(stopAt(once, ', world', 5400, second), { type: 'continueRequested', replyId: 'r1', at: 9000 });
    expect(reply(twice).continuedFrom).toMatchObject({ content: 12, trace: { at: [200, 700, 900], content: [5, 7, 12], reasoning: [0, 0, 0], end: 1000 } });
    // A part without a trace (none was recorded) breaks the chain for good.
    const untraced = chatReducer(stopAt(once, ', world', 5400, undefined), { type: 'continueRequested', replyId: 'r1', at: 9000 });
    expect(reply(untraced).continuedFrom).not.toHaveProperty('trace');
    const after = chatReducer(stopAt(untraced, '!', 9400, { at: [100], content: [1], reasoning: [0], end: 200 }), { type: 'continueRequested', replyId: 'r1', at: 12000 });
    expect(reply(after).continuedFrom).not.toHaveProperty('trace');
  });

  it('appends deltas and stamps the first token time once', () => {
    const state = run(send, events([{ type: 'delta', text: 'Hel' }, 1200]), events([{ type: 'delta', text: 'lo' }, 1300]));
    expect(reply(state)).toMatchObject({ status: 'streaming', content: 'Hello', timing: { firstTokenAt: 1200 } });
  });

  it('applies a batch to a new reply and leaves the previous state as it was', () => {
    const before = run(send, events([{ type: 'delta', text: 'Hel' }, 1200]));
    const beforeReply = reply(before);
    const after = chatReducer(before, events([{ type: 'delta', text: 'lo' }, 1300], [{ type: 'delta', text: '!' }, 1310]));
    expect(reply(after).content).toBe('Hello!');
    expect(beforeReply).toMatchObject({ content: 'Hel', timing: { firstTokenAt: 1200, liveSample: { at: 1200, length: 3 } } });
    expect(reply(after).timing).not.toBe(beforeReply.timing);
  });

  it('takes the live sample at the first token, then again only once LIVE_SAMPLE_MS have passed', () => {
    const first = run(send, events([{ type: 'reasoning', text: 'Th' }, 1200], [{ type: 'delta', text: 'ink' }, 1210]));
    // One sample per batch, at its last token, counting reasoning and answer:
    // 5 characters in 2 pieces are 2 tokens (a token a piece beats 4 characters a token).
    expect(reply(first).timing.liveSample).toEqual({ at: 1210, length: 5, tokens: 2 });
    const soon = chatReducer(first, events([{ type: 'delta', text: 'ing' }, 1210 + LIVE_SAMPLE_MS - 1]));
    // The same object: a view memoised on it does not recompute.
    expect(reply(soon).timing.liveSample).toBe(reply(first).timing.liveSample);
    const later = chatReducer(soon, events([{ type: 'delta', text: '!' }, 1210 + LIVE_SAMPLE_MS]));
    expect(reply(later).timing.liveSample).toEqual({ at: 1210 + LIVE_SAMPLE_MS, length: 9, tokens: 4 });
    // Usage and finish are not tokens: they take no sample.
    const usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3 };
    const ended = chatReducer(later, events([{ type: 'usage', usage }, 1210 + 3 * LIVE_SAMPLE_MS]));
    expect(reply(ended).timing.liveSample).toBe(reply(later).timing.liveSample);
  });

  it('counts the pieces streamed (text, reasoning and tool-call parts, not usage or finish) and estimates the sample\'s tokens from them, or from 4 characters a token where pieces held more', () => {
    const call: ToolCallPiece = { index: 0, id: 'c1', name: 'lookup', arguments: '{}' };
    const pieces = run(send, events([{ type: 'reasoning', text: 'ab' }, 1200], [{ type: 'delta', text: 'cd' }, 1201], [{ type: 'toolCall', piece: call }, 1202], [{ type: 'finish', reason: 'stop' }, 1203]));
    expect(reply(pieces).timing).toMatchObject({ pieces: 3, liveSample: { at: 1202, length: 4, tokens: 3 } });
    // A provider that streams a sentence a chunk: 3 pieces of 120 characters are 90 tokens, not 3.
    const sentence = 'x'.repeat(120);
    const long = run(send, events([{ type: 'delta', text: sentence }, 1200], [{ type: 'delta', text: sentence }, 1300], [{ type: 'delta', text: sentence }, 1400]));
    expect(reply(long).timing).toMatchObject({ pieces: 3, liveSample: { length: 360, tokens: 90 } });
  });

  it('ignores the events of a batch that come after its [DONE]', () => {
    const state = run(send, events([{ type: 'delta', text: 'x' }, 1100], [{ type: 'done' }, 1170], [{ type: 'delta', text: 'late' }, 1180]));
    expect(reply(state)).toMatchObject({ status: 'done', content: 'x', timing: { endedAt: 1170 } });
  });

  it('counts reasoning as the first token and keeps it apart from the answer', () => {
    const state = run(send, events([{ type: 'reasoning', text: 'Think' }, 1100], [{ type: 'delta', text: 'Answer' }, 1500]));
    expect(reply(state)).toMatchObject({ reasoning: 'Think', content: 'Answer', timing: { firstTokenAt: 1100 } });
  });

  it('keeps usage and finish reason and settles as done on [DONE]', () => {
    const usage = { promptTokens: 3, completionTokens: 5, totalTokens: 8 };
    const state = run(
      send,
      events([{ type: 'delta', text: 'x' }, 1100], [{ type: 'finish', reason: 'length' }, 1150], [{ type: 'usage', usage }, 1160], [{ type: 'done' }, 1170]),
    );
    expect(reply(state)).toMatchObject({ status: 'done', usage, finishReason: 'length', timing: { endedAt: 1170 } });
    expect(streamingReply(state)).toBeUndefined();
  });

  it('keeps partial text when the stream is stopped, and ignores events that arrive after', () => {
    const state = run(
      send,
      events([{ type: 'delta', text: 'Part' }, 1100]),
      { type: 'stopRequested', replyId: 'r1', at: 1200 },
      events([{ type: 'delta', text: 'late' }, 1250], [{ type: 'done' }, 1300]),
    );
    expect(reply(state)).toMatchObject({ status: 'stopped', content: 'Part', timing: { endedAt: 1200 } });
  });

  it('marks a cut stream interrupted and keeps its text', () => {
    const state = run(send, events([{ type: 'delta', text: 'Half' }, 1100], [{ type: 'interrupted' }, 1200]));
    expect(reply(state)).toMatchObject({ status: 'interrupted', content: 'Half' });
  });

  it('keeps partial text and the message when the stream fails', () => {
    const state = run(send, events([{ type: 'delta', text: 'Half' }, 1100]), { type: 'streamFailed', replyId: 'r1', message: 'Overloaded', at: 1200 });
    expect(reply(state)).toMatchObject({ status: 'failed', content: 'Half', error: 'Overloaded' });
  });

  it('does not let a failure overwrite a reply that already settled', () => {
    const state = run(send, events([{ type: 'done' }, 1100]), { type: 'streamFailed', replyId: 'r1', message: 'late', at: 1200 });
    expect(reply(state)).toMatchObject({ status: 'done', error: undefined });
  });

  it('merges tool-call pieces by index, each call kept with where in the text it came', () => {
    const state = run(
      send,
      events(
        [{ type: 'toolCall', piece: { index: 0, id: 't', name: 'search', arguments: '{"q":' } }, 1100],
        [{ type: 'toolCall', piece: { index: 0, arguments: '"go"}' } }, 1110],
        [{ type: 'delta', text: 'Found it.' }, 1115],
        [{ type: 'toolCall', piece: { index: 1, name: 'fetch' } }, 1120],
      ),
    );
    expect(reply(state).toolCalls).toEqual([
      { index: 0, id: 't', name: 'search', arguments: '{"q":"go"}', at: 0 },
      { index: 1, id: undefined, name: 'fetch', arguments: '', at: 9 },
    ]);
  });

  it('returns the same state for actions about an unknown reply', () => {
    const state = run(send);
    expect(chatReducer(state, { type: 'stopRequested', replyId: 'nope', at: 1 })).toBe(state);
  });

  it('starts over on a new chat', () => {
    expect(run(send, { type: 'conversationCleared' })).toEqual(initialChatState);
  });

  it('rewinds to before a message, dropping it and everything after; an unknown id changes nothing', () => {
    const second: ChatAction = { ...send, user: { id: 'u2', role: 'user', content: 'again' }, replyId: 'r2', at: 2000 };
    const state = run(send, events([{ type: 'delta', text: 'Hi' }, 1100], [{ type: 'done' }, 1200]), second);
    expect(chatReducer(state, { type: 'historyRewound', messageId: 'u2' }).messages.map((m) => m.id)).toEqual(['u1', 'r1']);
    expect(chatReducer(state, { type: 'historyRewound', messageId: 'u1' }).messages).toEqual([]);
    expect(chatReducer(state, { type: 'historyRewound', messageId: 'nope' })).toBe(state);
  });
});
