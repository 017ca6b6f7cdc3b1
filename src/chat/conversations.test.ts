import { describe, expect, it } from 'vitest';
import type { ChatAction } from './chat-reducer.ts';
import { assistantReply, sendRequested } from './test-messages.ts';
import { editedInPlace, type UserMessage } from './types.ts';
import {
  conversationsReducer,
  initialConversationsState,
  lastReplyModel,
  matchingIds,
  openMessages,
  sameSummaries,
  searchConversations,
  summarize,
  titleFrom,
  type Conversation,
  type ConversationsAction,
  type ConversationsState,
} from './conversations.ts';

const send = (text: string, replyId: string, at: number, model = 'groq/llama'): ChatAction => sendRequested(replyId, model, at, text);
const delta = (replyId: string, text: string): ChatAction => ({
  type: 'streamEventsReceived',
  replyId,
  events: [{ event: { type: 'delta', text }, at: 1 }],
});
const done = (replyId: string): ChatAction => ({ type: 'streamEventsReceived', replyId, events: [{ event: { type: 'done' }, at: 2 }] });
const inConversation = (conversationId: string, action: ChatAction): ConversationsAction => ({ type: 'chatAction', conversationId, action });
const run = (state: ConversationsState, ...actions: ConversationsAction[]): ConversationsState => actions.reduce(conversationsReducer, state);

describe('conversationsReducer', () => {
  it('shows the kept list until the history is read, the open conversation read ahead of it in its place', () => {
    const preview = [
      { id: 'a', title: 'Kept a', updatedAt: 3, streaming: false },
      { id: 'b', title: 'Kept b', updatedAt: 1, streaming: false },
    ];
    const a: Conversation = { id: 'a', title: 'Read a', createdAt: 0, updatedAt: 3, messages: [{ id: 'u', role: 'user', content: 'hi' }] };
    let state = initialConversationsState('a', preview);
    expect(summarize(state.byId, state.preview).map((c) => c.title)).toEqual(['Kept a', 'Kept b']);
    state = run(state, { type: 'conversationRead', conversation: a });
    expect(openMessages(state)).toEqual(a.messages);
    // A conversation started meanwhile joins the list, newest first.
    state = run(state, inConversation('c', send('new', 'r1', 5)));
    expect(summarize(state.byId, state.preview).map((c) => c.title)).toEqual(['new', 'Read a', 'Kept b']);
    // The history read: the list is what it holds (b was deleted elsewhere), the preview gone.
    state = run(state, { type: 'conversationsLoaded', conversations: [{ ...a, title: 'Stored a' }] });
    expect(state.preview).toBeUndefined();
    expect(summarize(state.byId, state.preview).map((c) => c.title)).toEqual(['new', 'Read a']);
    // Read ahead once the history is in, or over a copy here already: nothing changes.
    expect(run(state, { type: 'conversationRead', conversation: { ...a, id: 'z' } })).toBe(state);
    const early = run(initialConversationsState('a'), { type: 'conversationRead', conversation: a });
    expect(run(early, { type: 'conversationRead', conversation: { ...a, title: 'Other' } })).toBe(early);
    // A send into one of the kept list not read yet changes nothing: it would start it afresh under its id.
    const unread = initialConversationsState('b', preview);
    expect(run(unread, inConversation('b', send('lost?', 'r2', 6)))).toBe(unread);
    // An empty kept list says the list was empty (none kept says nothing).
    expect(initialConversationsState('a', []).preview).toEqual([]);
    expect(initialConversationsState('a').preview).toBeUndefined();
  });

  it('saves a new conversation with its first message, titled by it', () => {
    const empty = initialConversationsState('a');
    expect(openMessages(empty)).toEqual([]);
    const state = run(empty, inConversation('a', send('  Explain goroutines\nin detail', 'r1', 500)));
    expect(state.byId['a']).toMatchObject({ id: 'a', title: 'Explain goroutines', createdAt: 500, updatedAt: 500 });
    expect(openMessages(state).map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('streams a reply into its own conversation while another one is open', () => {
    let state = run(initialConversationsState('a'), inConversation('a', send('first', 'r1', 1)));
    state = run(state, { type: 'conversationOpened', id: 'b' }, inConversation('b', send('second', 'r2', 2)));
    const bMessages = openMessages(state);
    state = run(state, inConversation('a', delta('r1', 'Hello')), inConversation('a', done('r1')));
    expect(state.openId).toBe('b');
    expect(openMessages(state)).toBe(bMessages);
    expect(state.byId['a']!.messages[1]).toMatchObject({ content: 'Hello', status: 'done' });
  });

  it('ignores stream events for a conversation it does not know', () => {
    const state = initialConversationsState('a');
    expect(run(state, inConversation('zzz', delta('r1', 'x')))).toBe(state);
  });

  it('keeps conversations started before storage answered, and restores cut replies as interrupted', () => {
    const started = run(initialConversationsState('new'), inConversation('new', send('typed fast', 'r9', 9)));
    const saved: Conversation = {
      id: 'old',
      title: 'Old',
      createdAt: 1,
      updatedAt: 1,
      messages: [
        { id: 'u', role: 'user', content: 'q' },
        { ...started.byId['new']!.messages[1]!, id: 'r0', status: 'streaming', content: 'partial' } as Conversation['messages'][number],
      ],
    };
    const state = run(started, { type: 'conversationsLoaded', conversations: [saved, { ...saved, id: 'new', title: 'stale copy' }] });
    expect(state.loaded).toBe(true);
    expect(state.byId['new']!.title).toBe('typed fast');
    expect(state.byId['old']!.messages[1]).toMatchObject({ status: 'interrupted', content: 'partial' });
    // One whose reply another tab still streams stays as it was saved: that tab writes it on.
    const elsewhere = run(started, { type: 'conversationsLoaded', conversations: [saved], streamingElsewhere: new Set(['old']) });
    expect(elsewhere.byId['old']).toBe(saved);
  });

  it('lists newest first, and the summaries only change when the list would', () => {
    let state = run(initialConversationsState('a'), inConversation('a', send('older', 'r1', 1)), inConversation('b', send('newer', 'r2', 2)));
    const before = summarize(state.byId);
    expect(before.map((c) => [c.title, c.streaming])).toEqual([
      ['newer', true],
      ['older', true],
    ]);
    state = run(state, inConversation('a', delta('r1', 'more text')));
    expect(sameSummaries(summarize(state.byId), before)).toBe(true);
    state = run(state, inConversation('a', done('r1')));
    expect(sameSummaries(summarize(state.byId), before)).toBe(false);
  });
});

describe('titleFrom', () => {
  it('takes the first line, squeezes spaces and cuts long ones with an ellipsis', () => {
    expect(titleFrom('a   b\nc')).toBe('a b');
    const title = titleFrom('x'.repeat(100));
    expect(title).toHaveLength(60);
    expect(title.endsWith('…')).toBe(true);
    expect(titleFrom('   ')).toBe('New chat');
  });
});

const conversation = (id: string, title: string, reply: string): Conversation => ({
  id,
  title,
  createdAt: 0,
  updatedAt: 0,
  messages: [
    { id: `${id}-u`, role: 'user', content: title },
    assistantReply({ id: `${id}-r`, content: reply }),
  ],
});

describe('lastReplyModel', () => {
  it('is the model of the last reply, which a regenerate with another model changes', () => {
    const first = run(initialConversationsState('c'), inConversation('c', send('hi', 'r1', 10)), inConversation('c', done('r1')));
    expect(lastReplyModel(first.byId['c'])).toBe('groq/llama');
    const again = run(first, inConversation('c', send('hi', 'r2', 20, 'openai/gpt-4o-mini')));
    expect(lastReplyModel(again.byId['c'])).toBe('openai/gpt-4o-mini');
  });

  it('is nothing for a conversation with no reply, or none at all', () => {
    expect(lastReplyModel(undefined)).toBeUndefined();
    expect(lastReplyModel({ id: 'x', title: 'x', createdAt: 0, updatedAt: 0, messages: [{ id: 'u', role: 'user', content: 'hi' }] })).toBeUndefined();
  });
});

describe('searchConversations', () => {
  const list = [conversation('a', 'Goroutines', 'Threads are heavier'), conversation('b', 'Debounce in TypeScript', 'Use setTimeout')];

  it('matches titles and message text, every word, any case', () => {
    expect(searchConversations(list, 'goroutines').map((c) => c.id)).toEqual(['a']);
    expect(searchConversations(list, 'SETTIMEOUT').map((c) => c.id)).toEqual(['b']);
    expect(searchConversations(list, 'threads goroutines').map((c) => c.id)).toEqual(['a']);
    expect(searchConversations(list, 'threads typescript')).toEqual([]);
    expect(searchConversations(list, '  ')).toHaveLength(2);
  });

  it('finds a reply regenerated away: its earlier versions are kept, and searched', () => {
    const [a, b] = list;
    const regenerated: Conversation = {
      ...b!,
      messages: [b!.messages[0]!, assistantReply({ id: 'b-r2', content: 'Use a timer', earlier: [assistantReply({ id: 'b-r', content: 'Use lodash.debounce' })] })],
    };
    expect(searchConversations([a!, regenerated], 'lodash').map((c) => c.id)).toEqual(['b']);
    expect(searchConversations([a!, regenerated], 'timer').map((c) => c.id)).toEqual(['b']);
  });

  it('finds a message edited away, and the replies that followed it', () => {
    const [a, b] = list;
    const edited: Conversation = {
      ...b!,
      messages: [{ id: 'b-u2', role: 'user', content: 'Throttle in Go', branches: [[...b!.messages, { id: 'b-u3', role: 'user', content: 'And in Rust?' }]] }, assistantReply({ id: 'b-r2', content: 'Use time.Tick' })],
    };
    expect(searchConversations([a!, edited], 'setTimeout').map((c) => c.id)).toEqual(['b']);
    expect(searchConversations([a!, edited], 'rust').map((c) => c.id)).toEqual(['b']);
    expect(searchConversations([a!, edited], 'tick').map((c) => c.id)).toEqual(['b']);
  });
});

describe('matchingIds', () => {
  const preview = [
    { id: 'a', title: 'Goroutines', updatedAt: 3, streaming: false },
    { id: 'b', title: 'Debounce in TypeScript', updatedAt: 2, streaming: false },
    { id: 'c', title: 'Threads in Java', updatedAt: 1, streaming: false },
  ];

  it('before the history is read, finds the kept list\'s conversations by title, and those read ahead by their text too', () => {
    const state = run(initialConversationsState('b', preview), { type: 'conversationRead', conversation: conversation('b', 'Debounce in TypeScript', 'Use setTimeout') });
    expect([...matchingIds(state, 'goroutines')]).toEqual(['a']);
    expect([...matchingIds(state, 'settimeout')]).toEqual(['b']);
    expect([...matchingIds(state, 'threads')]).toEqual(['c']);
    expect([...matchingIds(state, 'threads java')]).toEqual(['c']);
    expect([...matchingIds(state, 'threads typescript')]).toEqual([]);
  });

  it('once the history is read, searches it alone: a kept title that changed since no longer matches', () => {
    const state = run(initialConversationsState('a', preview), {
      type: 'conversationsLoaded',
      conversations: [conversation('a', 'Green threads', 'Goroutines are cheap'), conversation('c', 'Concurrency in Java', 'Use an executor')],
    });
    expect([...matchingIds(state, 'goroutines')]).toEqual(['a']);
    expect([...matchingIds(state, 'threads')]).toEqual(['a']);
    expect([...matchingIds(state, 'debounce')]).toEqual([]);
  });
});

describe('renaming', () => {
  it('gives a conversation the reader’s title, squeezed, without moving it up the list', () => {
    const state = run(initialConversationsState('a'), inConversation('a', send('first', 'r1', 1)), inConversation('b', send('second', 'r2', 2)));
    const renamed = run(state, { type: 'conversationRenamed', id: 'a', title: '  Goroutines   notes ' });
    expect(renamed.byId['a']!.title).toBe('Goroutines notes');
    expect(renamed.byId['a']!.messages).toBe(state.byId['a']!.messages);
    expect(summarize(renamed.byId).map((c) => c.title)).toEqual(['second', 'Goroutines notes']);
  });

  it('changes nothing for an empty title, the same title, or a conversation it does not know', () => {
    const state = run(initialConversationsState('a'), inConversation('a', send('first', 'r1', 1)));
    expect(run(state, { type: 'conversationRenamed', id: 'a', title: '   ' })).toBe(state);
    expect(run(state, { type: 'conversationRenamed', id: 'a', title: 'first' })).toBe(state);
    expect(run(state, { type: 'conversationRenamed', id: 'zz', title: 'x' })).toBe(state);
  });
});

/** Edits message `messageId` of conversation 'a' the way the chat session does: rewind, then send the edited message with the old one as a branch. */
const editIn = (state: ConversationsState, messageId: string, text: string, replyId: string, at: number): ConversationsState => {
  const edited = editedInPlace(state.byId['a']!.messages, messageId, { id: `e-${replyId}`, role: 'user', content: text });
  return run(
    state,
    inConversation('a', { type: 'historyRewound', messageId }),
    inConversation('a', { type: 'sendRequested', user: edited, replyId, model: 'groq/llama', at }),
  );
};
const firstId = (state: ConversationsState): string => state.byId['a']!.messages[0]!.id;
const started = (): ConversationsState =>
  run(
    initialConversationsState('a'),
    inConversation('a', send('Explain goroutines', 'r1', 1)),
    inConversation('a', done('r1')),
    inConversation('a', send('And channels?', 'r2', 2)),
    inConversation('a', done('r2')),
  );

describe('the title follows the first message', () => {
  it('names the conversation anew when its first message is edited, and back when the earlier version is shown', () => {
    const before = started();
    const original = before.byId['a']!.messages[0] as UserMessage;
    const edited = editIn(before, original.id, 'Explain Rust ownership\nwith examples', 'r3', 3);
    expect(edited.byId['a']!.title).toBe('Explain Rust ownership');
    const back = run(edited, inConversation('a', done('r3')), inConversation('a', { type: 'messageVersionShown', messageId: firstId(edited), versionId: original.id }));
    expect(firstId(back)).toBe(original.id);
    expect(back.byId['a']!.title).toBe('Explain goroutines');
  });

  it('keeps a title the reader gave, and is not moved by a later message edited or a reply streaming', () => {
    const state = started();
    const second = state.byId['a']!.messages[2]!;
    expect(editIn(state, second.id, 'And mutexes?', 'r3', 3).byId['a']!.title).toBe('Explain goroutines');
    const renamed = run(state, { type: 'conversationRenamed', id: 'a', title: 'Go notes' });
    expect(editIn(renamed, firstId(renamed), 'Explain Rust', 'r3', 3).byId['a']!.title).toBe('Go notes');
    const streaming = run(state, inConversation('a', send('More?', 'r4', 4)), inConversation('a', delta('r4', 'Sure')));
    expect(streaming.byId['a']!.title).toBe('Explain goroutines');
  });
});

describe('deleting', () => {
  it('drops a conversation, opens the new one given when it was open, and Undo puts it back', () => {
    const state = run(initialConversationsState('a'), inConversation('a', send('mine', 'r1', 1)), inConversation('b', send('other', 'r2', 2)));
    const deleted = state.byId['a']!;
    const next = run(state, { type: 'conversationDeleted', id: 'a', nextOpenId: 'fresh' });
    expect(Object.keys(next.byId)).toEqual(['b']);
    expect(next.openId).toBe('fresh');
    expect(run(state, { type: 'conversationDeleted', id: 'b', nextOpenId: 'fresh' }).openId).toBe('a');
    expect(run(next, { type: 'conversationDeleted', id: 'zz', nextOpenId: 'x' })).toBe(next);
    // Deleted while its reply streamed: it comes back interrupted, not streaming.
    const back = run(next, { type: 'conversationRestored', conversation: deleted });
    expect(back.byId['a']!.messages[1]).toMatchObject({ status: 'interrupted' });
    expect(back.openId).toBe('fresh');
  });
});

describe('conversationChangedElsewhere', () => {
  it('takes another tab’s version as it is, and a deletion there deletes here', () => {
    const state = run(initialConversationsState('a'), inConversation('a', send('mine', 'r1', 1)));
    const theirs: Conversation = { ...state.byId['a']!, title: 'theirs', messages: [] };
    const taken = run(state, { type: 'conversationChangedElsewhere', id: 'a', conversation: theirs, nextOpenId: 'x' });
    expect(taken.byId['a']).toBe(theirs);
    const gone = run(state, { type: 'conversationChangedElsewhere', id: 'a', conversation: undefined, nextOpenId: 'x' });
    expect(gone.byId).toEqual({});
    expect(gone.openId).toBe('x');
  });
});

describe('conversationsImported', () => {
  it('adds imported conversations, replaces one of the same id, and opens the first', () => {
    const state = run(initialConversationsState('a'), inConversation('a', send('mine', 'r1', 1)));
    const imported: Conversation = { ...state.byId['a']!, title: 'from the file', messages: [] };
    const other: Conversation = { id: 'b', title: 'other', createdAt: 5, updatedAt: 5, messages: [] };
    const next = run(state, { type: 'conversationOpened', id: 'draft' }, { type: 'conversationsImported', conversations: [other, imported] });
    expect(next.openId).toBe('b');
    expect(Object.keys(next.byId).toSorted()).toEqual(['a', 'b']);
    expect(next.byId['a']!.title).toBe('from the file');
    expect(run(next, { type: 'conversationsImported', conversations: [] })).toBe(next);
  });
});
