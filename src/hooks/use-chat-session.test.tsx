// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { Conversation } from '../chat/conversations.ts';
import { assistantReply } from '../chat/test-messages.ts';
import type { FetchLike } from '../gateway/client.ts';
import { emptyConversationStore } from '../storage/test-storage.ts';
import { testClient } from '../gateway/test-streams.ts';
import { useChatSession, useOpenMessages } from './use-chat-session.ts';

afterEach(cleanup);

const chunk = (content: string): string =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

/** A gateway that sends `pieces` one at a time, `gapMs` apart: each lands in a frame of its own. */
function slowGateway(pieces: readonly string[], gapMs: number): FetchLike {
  const encoder = new TextEncoder();
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const piece of [...pieces.map(chunk), 'data: [DONE]\n\n']) {
            await new Promise((resolve) => setTimeout(resolve, gapMs));
            controller.enqueue(encoder.encode(piece));
          }
          controller.close();
        },
      }),
      { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
    );
}

it('re-renders its caller when a reply starts and ends, and only the open messages per streamed frame', async () => {
  const words = Array.from({ length: 12 }, (_, i) => `word${i} `);
  const client = testClient(slowGateway(words, 40));
  let sessionRenders = 0;
  let messageRenders = 0;
  /** Renders that showed the reply settled but without its trace: a commit the end would have cost on top of its own. */
  let settledWithoutTrace = 0;
  const { result } = renderHook(() => {
    sessionRenders++;
    return useChatSession(client, { model: 'p/m', systemPrompt: '' });
  });
  const messages = renderHook(() => {
    messageRenders++;
    const open = useOpenMessages(result.current);
    const last = open.at(-1);
    if (last?.role === 'assistant' && last.status === 'done' && !last.trace) settledWithoutTrace++;
    return open;
  });
  await waitFor(() => expect(result.current.loaded).toBe(true));
  const sessionBefore = sessionRenders;
  const messagesBefore = messageRenders;

  act(() => result.current.send('Hello'));
  await waitFor(() => expect(result.current.streaming).toBe(false), { timeout: 5000 });

  expect(messages.result.current.at(-1)).toMatchObject({ role: 'assistant', content: words.join(''), status: 'done' });
  // The reply's trace came with its end, in the same commit.
  expect(messages.result.current.at(-1)).toHaveProperty('trace.end');
  expect(settledWithoutTrace).toBe(0);
  // The text arrived over many frames, and the messages' reader saw them.
  expect(messageRenders - messagesBefore).toBeGreaterThanOrEqual(6);
  // The session's caller (the page's header, picker and list) saw the reply start and end.
  expect(sessionRenders - sessionBefore).toBeLessThanOrEqual(3);
});

it('keeps with each reply the prices its model had when it was sent', async () => {
  const client = testClient(slowGateway(['Hi'], 1));
  const prices = { currency: 'USD', inputPerToken: 1e-6, outputPerToken: 2e-6 };
  const asked: string[] = [];
  const pricingOf = (model: string) => {
    asked.push(model);
    return prices;
  };
  const { result } = renderHook(() => useChatSession(client, { model: 'p/m', systemPrompt: '', pricingOf }));
  const messages = renderHook(() => useOpenMessages(result.current));
  await waitFor(() => expect(result.current.loaded).toBe(true));
  act(() => result.current.send('Hello'));
  await waitFor(() => expect(result.current.streaming).toBe(false), { timeout: 5000 });
  expect(asked).toEqual(['p/m']);
  expect(messages.result.current.at(-1)).toMatchObject({ role: 'assistant', pricing: prices });
});

it('keeps an edited message and what followed it as the new one\'s earlier version, which a regenerate keeps too', async () => {
  const sent: string[][] = [];
  const gateway = slowGateway(['Hi'], 1);
  const client = testClient((url, init) => {
    sent.push((JSON.parse(String(init?.body)) as { messages: Array<{ content: string }> }).messages.map((m) => m.content));
    return gateway(url, init);
  });
  const { result } = renderHook(() => useChatSession(client, { model: 'p/m', systemPrompt: '' }));
  const messages = renderHook(() => useOpenMessages(result.current));
  await waitFor(() => expect(result.current.loaded).toBe(true));
  const settle = () => waitFor(() => expect(result.current.streaming).toBe(false), { timeout: 5000 });
  act(() => result.current.send('Hello'));
  await settle();
  act(() => result.current.send('Thanks'));
  await settle();
  const before = messages.result.current;

  act(() => result.current.edit(before[0]!.id, ' Bye '));
  await settle();
  // Sent from the edited message on, without what followed the old one.
  expect(sent.at(-1)).toEqual(['Bye']);
  const [bye] = messages.result.current;
  expect(messages.result.current.map((m) => m.content)).toEqual(['Bye', 'Hi']);
  expect(bye?.role === 'user' && bye.branches).toEqual([before]);

  // A regenerate sends the same message again: its versions stay.
  act(() => result.current.regenerate(messages.result.current[1]!.id));
  await settle();
  expect(messages.result.current[0]).toBe(bye);

  act(() => result.current.showMessageVersion(bye!.id, before[0]!.id));
  expect(messages.result.current.map((m) => m.content)).toEqual(['Hello', 'Hi', 'Thanks', 'Hi']);
});

it('keeps a streaming conversation at once as the page is hidden or goes away, and none once its reply has ended', async () => {
  const client = testClient(slowGateway(['one ', 'two ', 'three ', 'four '], 30));
  const kept: string[][] = [];
  const store = emptyConversationStore({
    keepInFlight: (conversations) => void kept.push(conversations.map((c) => c.messages.map((m) => `${m.role === 'assistant' ? m.status : m.role}:${m.content}`).join('|'))),
  });
  const { result } = renderHook(() => useChatSession(client, { model: 'p/m', systemPrompt: '' }, { store }));
  const messages = renderHook(() => useOpenMessages(result.current));
  await waitFor(() => expect(result.current.loaded).toBe(true));
  act(() => result.current.send('Hello'));
  await waitFor(() => expect(messages.result.current.at(-1)?.content).toContain('two'));
  const shown = messages.result.current.at(-1)?.content ?? '';
  act(() => void window.dispatchEvent(new Event('pagehide')));
  expect(kept).toHaveLength(1);
  expect(kept[0]).toHaveLength(1);
  expect(kept[0]![0]).toMatch(new RegExp(`^user:Hello\\|streaming:${shown}`));
  // Shown again (it was not unloaded after all), it keeps none: they would only be out of date.
  try {
    visibility('visible');
    expect(kept).toEqual([kept[0], []]);
    visibility('hidden');
    expect(kept[2]).toHaveLength(1);
    await waitFor(() => expect(result.current.streaming).toBe(false), { timeout: 5000 });
    visibility('hidden');
    expect(kept[3]).toEqual([]);
  } finally {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  }
});

/** The page hidden or shown, as the browser tells it. */
function visibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  act(() => void document.dispatchEvent(new Event('visibilitychange')));
}

it('shows the list as last kept and the conversation a reload opens before the history is read, and keeps the list once it is', async () => {
  const client = testClient(slowGateway([], 0));
  const open = { id: 'a', title: 'Opened', createdAt: 0, updatedAt: 5, messages: [{ id: 'u', role: 'user' as const, content: 'hi' }] };
  let history: ((conversations: typeof open[]) => void) | undefined;
  const kept: string[][] = [];
  const store = emptyConversationStore({
    readList: () => [
      { id: 'a', title: 'Opened', updatedAt: 5, streaming: false },
      { id: 'b', title: 'Older', updatedAt: 1, streaming: false },
    ],
    loadOne: async (id) => (id === 'a' ? open : undefined),
    loadAll: () => new Promise((resolve) => (history = resolve)),
    keepList: (summaries) => void kept.push(summaries.map((s) => s.title)),
  });
  const { result } = renderHook(() => useChatSession(client, { model: 'p/m', systemPrompt: '' }, { store, initialOpenId: 'a' }));
  const messages = renderHook(() => useOpenMessages(result.current));
  expect(result.current.conversations.map((c) => c.title)).toEqual(['Opened', 'Older']);
  await waitFor(() => expect(messages.result.current.map((m) => m.content)).toEqual(['hi']));
  expect(result.current.loaded).toBe(false);
  // Nothing is kept until the history is read: the list so far is not the history.
  expect(kept).toEqual([]);
  act(() => history?.([open, { ...open, id: 'c', title: 'Newest', updatedAt: 9 }]));
  await waitFor(() => expect(result.current.loaded).toBe(true));
  expect(result.current.conversations.map((c) => c.title)).toEqual(['Newest', 'Opened']);
  expect(kept).toEqual([['Newest', 'Opened']]);
});

/** A saved conversation of one message. */
const oneMessage = (id: string, title: string, updatedAt: number): Conversation => ({
  id,
  title,
  createdAt: 0,
  updatedAt,
  messages: [{ id: `u-${id}`, role: 'user', content: title }],
});

it('renames and deletes conversations of the kept list before the history is read, and the history read after does not undo either', async () => {
  const client = testClient(slowGateway([], 0));
  const stored = [oneMessage('a', 'Open', 9), oneMessage('b', 'Old name', 5), oneMessage('c', 'Unwanted', 1)];
  let history: ((conversations: Conversation[]) => void) | undefined;
  const readOne: string[] = [];
  const store = emptyConversationStore({
    readList: () => stored.map(({ id, title, updatedAt }) => ({ id, title, updatedAt, streaming: false })),
    loadOne: async (id) => {
      readOne.push(id);
      return stored.find((c) => c.id === id);
    },
    loadAll: () => new Promise((resolve) => (history = resolve)),
  });
  const { result } = renderHook(() => useChatSession(client, { model: 'p/m', systemPrompt: '' }, { store, initialOpenId: 'a' }));
  const titles = (): string[] => result.current.conversations.map((c) => c.title);
  act(() => result.current.renameConversation('b', 'New name'));
  await waitFor(() => expect(titles()).toEqual(['Open', 'New name', 'Unwanted']));
  let deleted: Conversation | undefined;
  act(() => void result.current.deleteConversation('c').then((c) => (deleted = c)));
  await waitFor(() => expect(titles()).toEqual(['Open', 'New name']));
  // Each read on its own first: the one to delete is given back whole, for undo.
  expect(readOne.toSorted()).toEqual(['a', 'b', 'c']);
  expect(deleted).toEqual(stored[2]);
  expect(result.current.loaded).toBe(false);
  // The history as read before the rename and the delete were written.
  act(() => history?.(stored));
  await waitFor(() => expect(result.current.loaded).toBe(true));
  expect(titles()).toEqual(['Open', 'New name']);
});

/** A history read that never ends. */
const never = (): Promise<Conversation[]> => new Promise(() => undefined);

it('has a list to show before the history is read when one was kept, even an empty one, and none on a first visit', async () => {
  const client = testClient(slowGateway([], 0));
  const kept = renderHook(() => useChatSession(client, { model: 'p/m', systemPrompt: '' }, { store: emptyConversationStore({ readList: () => [], loadAll: never }) }));
  expect(kept.result.current.listed).toBe(true);
  expect(kept.result.current.loaded).toBe(false);
  const first = renderHook(() => useChatSession(client, { model: 'p/m', systemPrompt: '' }, { store: emptyConversationStore({ loadAll: never }) }));
  expect(first.result.current.listed).toBe(false);
});

it('does not read ahead a conversation that was streaming: whether another tab still streams it is known only with the rest', async () => {
  const client = testClient(slowGateway([], 0));
  const streaming: Conversation = {
    id: 'a',
    title: 'Streaming',
    createdAt: 0,
    updatedAt: 5,
    messages: [{ id: 'u', role: 'user', content: 'hi' }, assistantReply({ id: 'r', status: 'streaming', content: 'Once' })],
  };
  let read = false;
  const store = emptyConversationStore({
    loadOne: async () => {
      read = true;
      return streaming;
    },
    loadAll: () => new Promise(() => undefined),
  });
  const { result } = renderHook(() => useChatSession(client, { model: 'p/m', systemPrompt: '' }, { store, initialOpenId: 'a' }));
  const messages = renderHook(() => useOpenMessages(result.current));
  await waitFor(() => expect(read).toBe(true));
  await act(async () => undefined);
  expect(messages.result.current).toEqual([]);
});

it('says conversations imported before the history is read are saved only once they are written, with it', async () => {
  const client = testClient(slowGateway([], 0));
  let history: ((conversations: Conversation[]) => void) | undefined;
  const writes: Array<{ ids: string[]; land: () => void }> = [];
  const store = emptyConversationStore({
    loadAll: () => new Promise((resolve) => (history = resolve)),
    save: (conversations) => new Promise<void>((land) => writes.push({ ids: conversations.map((c) => c.id), land })),
  });
  const { result } = renderHook(() => useChatSession(client, { model: 'p/m', systemPrompt: '' }, { store }));
  const imported: Conversation = { id: 'i', title: 'Imported', createdAt: 0, updatedAt: 1, messages: [{ id: 'u', role: 'user', content: 'hi' }] };
  let saved: boolean | undefined;
  act(() => void result.current.importConversations([imported]).then((ok) => (saved = ok)));
  await act(async () => undefined);
  expect(writes).toEqual([]);
  expect(saved).toBeUndefined();
  act(() => history?.([]));
  await waitFor(() => expect(writes.map((w) => w.ids)).toEqual([['i']]));
  await act(async () => undefined);
  expect(saved).toBeUndefined();
  act(() => writes[0]?.land());
  await waitFor(() => expect(saved).toBe(true));
});
