import { describe, expect, it, vi } from 'vitest';
import { createConversationsStore } from './conversations-store.ts';
import { initialConversationsState, type ConversationsAction } from './conversations.ts';
import type { TimedStreamEvent } from '../gateway/client.ts';

const at = 1_700_000_000_000;
const send = (conversationId: string, text: string, replyId: string): ConversationsAction => ({
  type: 'chatAction',
  conversationId,
  action: { type: 'sendRequested', user: { id: `u-${replyId}`, role: 'user', content: text }, replyId, model: 'm', at },
});
const stream = (conversationId: string, replyId: string, events: TimedStreamEvent[]): ConversationsAction => ({
  type: 'chatAction',
  conversationId,
  action: { type: 'streamEventsReceived', replyId, events },
});
const delta = (text: string): TimedStreamEvent => ({ event: { type: 'delta', text }, at });

describe('createConversationsStore', () => {
  it('tells its listeners about a change, and not about an action that changes nothing', () => {
    const store = createConversationsStore(initialConversationsState('a'));
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.dispatch({ type: 'conversationOpened', id: 'a' });
    expect(listener).not.toHaveBeenCalled();
    store.dispatch({ type: 'conversationOpened', id: 'b' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().openId).toBe('b');
    unsubscribe();
    store.dispatch({ type: 'conversationOpened', id: 'c' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the same summaries while a reply only grows, and new ones when it starts and ends', () => {
    const store = createConversationsStore(initialConversationsState('a'));
    store.dispatch(send('a', 'Hello there', 'r1'));
    const started = store.summaries();
    expect(started).toEqual([{ id: 'a', title: 'Hello there', updatedAt: at, streaming: true }]);
    store.dispatch(stream('a', 'r1', [delta('Hi')]));
    store.dispatch(stream('a', 'r1', [delta(' again')]));
    expect(store.summaries()).toBe(started);
    store.dispatch(stream('a', 'r1', [{ event: { type: 'done' }, at }]));
    expect(store.summaries()).not.toBe(started);
    expect(store.summaries()[0]?.streaming).toBe(false);
  });

  it('gives new summaries when another conversation is renamed, added or deleted while a reply streams, and the same ones per streamed frame', () => {
    const store = createConversationsStore(initialConversationsState('a'));
    store.dispatch(send('b', 'Other', 'r0'));
    store.dispatch(stream('b', 'r0', [{ event: { type: 'done' }, at }]));
    store.dispatch(send('a', 'Hello there', 'r1'));
    let list = store.summaries();
    const step = (action: ConversationsAction, changes: boolean): void => {
      store.dispatch(action);
      if (changes) expect(store.summaries()).not.toBe(list);
      else expect(store.summaries()).toBe(list);
      list = store.summaries();
    };
    step(stream('a', 'r1', [delta('Hi')]), false);
    step({ type: 'conversationRenamed', id: 'b', title: 'Renamed' }, true);
    expect(list.map((c) => c.title).toSorted()).toEqual(['Hello there', 'Renamed']);
    step(stream('a', 'r1', [delta(' again')]), false);
    step(send('c', 'Third', 'r2'), true);
    step({ type: 'conversationDeleted', id: 'b', nextOpenId: 'n' }, true);
    expect(list.map((c) => c.title).toSorted()).toEqual(['Hello there', 'Third']);
    step(stream('a', 'r1', [delta('!')]), false);
  });

  it('gives the open conversation’s messages, new only when they change, and whether it streams', () => {
    const store = createConversationsStore(initialConversationsState('a'));
    const empty = store.openMessages();
    expect(empty).toEqual([]);
    store.dispatch(send('b', 'elsewhere', 'r0'));
    expect(store.openMessages()).toBe(empty);
    expect(store.openStreaming()).toBe(false);
    store.dispatch(send('a', 'here', 'r1'));
    const sent = store.openMessages();
    expect(sent.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(store.openStreaming()).toBe(true);
    store.dispatch(stream('b', 'r0', [delta('other text')]));
    expect(store.openMessages()).toBe(sent);
    store.dispatch(stream('a', 'r1', [delta('mine')]));
    expect(store.openMessages()).not.toBe(sent);
    expect(store.openMessages()[1]).toMatchObject({ content: 'mine' });
  });

  it('says whether the open conversation is one of the kept list not read yet', () => {
    const preview = [{ id: 'a', title: 'A', updatedAt: 1, streaming: false }];
    const store = createConversationsStore(initialConversationsState('a', preview));
    expect(store.openUnread()).toBe(true);
    store.dispatch({ type: 'conversationRead', conversation: { id: 'a', title: 'A', createdAt: 0, updatedAt: 1, messages: [] } });
    expect(store.openUnread()).toBe(false);
    expect(createConversationsStore(initialConversationsState('new', preview)).openUnread()).toBe(false);
  });
});
