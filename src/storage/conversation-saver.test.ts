import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../chat/conversations.ts';
import { assistantReply } from '../chat/test-messages.ts';
import type { AssistantMessage } from '../chat/types.ts';
import { createConversationSaver, type SaverTimers } from './conversation-saver.ts';
import { LIST_KEPT, LOAD_BATCH, openConversationStore, withKeptInFlight } from './conversation-store.ts';
import { emptyConversationStore, memoryStorage } from './test-storage.ts';

const reply = (status: AssistantMessage['status'], content: string): AssistantMessage => assistantReply({ id: 'r', status, content });
const conversation = (id: string, status: AssistantMessage['status'], content: string): Conversation => ({
  id,
  title: id,
  createdAt: 0,
  updatedAt: 0,
  messages: [{ id: 'u', role: 'user', content: 'q' }, reply(status, content)],
});

function manualTimers() {
  const queue = new Map<number, () => void>();
  let next = 0;
  const timers: SaverTimers = {
    set: (run) => {
      queue.set(++next, run);
      return next;
    },
    clear: (handle) => queue.delete(handle as number),
  };
  const fire = (): void => {
    const runs = [...queue.values()];
    queue.clear();
    for (const run of runs) run();
  };
  return { timers, fire, pending: () => queue.size };
}

function recordingStore() {
  const saved: Array<{ id: string; content: string }> = [];
  const batches: number[] = [];
  const removed: string[] = [];
  const store = emptyConversationStore({
    save: async (conversations) => {
      batches.push(conversations.length);
      for (const c of conversations) saved.push({ id: c.id, content: c.messages[1]?.content ?? '' });
    },
    remove: async (id) => {
      removed.push(id);
    },
  });
  return { store, saved, batches, removed };
}

describe('createConversationSaver', () => {
  it('writes a settled conversation at once', () => {
    const { store, saved } = recordingStore();
    const { timers, pending } = manualTimers();
    createConversationSaver(store, { timers }).changed([conversation('a', 'done', 'all')]);
    expect(saved).toEqual([{ id: 'a', content: 'all' }]);
    expect(pending()).toBe(0);
  });

  it('writes the settled conversations of one change in one write, and says once it has landed', async () => {
    const writes: Array<{ ids: string[]; land: () => void }> = [];
    const store = emptyConversationStore({
      save: (conversations) => new Promise<void>((land) => writes.push({ ids: conversations.map((c) => c.id), land })),
    });
    const { timers } = manualTimers();
    const written: string[] = [];
    const saver = createConversationSaver(store, { timers, onWritten: (id) => written.push(id) });
    saver.changed([conversation('a', 'done', 'x'), conversation('b', 'stopped', 'y'), conversation('c', 'streaming', 'z')]);
    expect(writes.map((w) => w.ids)).toEqual([['a', 'b']]);
    let landed: boolean | undefined;
    void saver.written().then((ok) => (landed = ok));
    await Promise.resolve();
    expect(landed).toBeUndefined();
    writes[0]?.land();
    await expect.poll(() => landed).toBe(true);
    expect(written).toEqual(['a', 'b']);
    // Nothing in flight: settles at once.
    await expect(saver.written()).resolves.toBe(true);
  });

  it('writes a streaming conversation once per interval, its latest version', () => {
    const { store, saved } = recordingStore();
    const { timers, fire, pending } = manualTimers();
    const saver = createConversationSaver(store, { timers });
    saver.changed([conversation('a', 'streaming', 'H')]);
    saver.changed([conversation('a', 'streaming', 'He')]);
    saver.changed([conversation('a', 'streaming', 'Hel')]);
    expect(saved).toEqual([]);
    expect(pending()).toBe(1);
    fire();
    expect(saved).toEqual([{ id: 'a', content: 'Hel' }]);
    saver.changed([conversation('a', 'done', 'Hello')]);
    expect(saved.at(-1)).toEqual({ id: 'a', content: 'Hello' });
    expect(pending()).toBe(0);
  });

  it('writes what is pending when the page is hidden, and nothing twice', () => {
    const { store, saved } = recordingStore();
    const { timers, fire } = manualTimers();
    const saver = createConversationSaver(store, { timers });
    saver.changed([conversation('a', 'streaming', 'part')]);
    saver.changed([conversation('b', 'streaming', 'other')]);
    saver.flushAll();
    expect(saved).toEqual([
      { id: 'a', content: 'part' },
      { id: 'b', content: 'other' },
    ]);
    fire();
    saver.flushAll();
    expect(saved).toHaveLength(2);
  });

  it('deletes a conversation and drops its write still waiting', () => {
    const { store, saved, removed } = recordingStore();
    const { timers, fire, pending } = manualTimers();
    const saver = createConversationSaver(store, { timers });
    saver.changed([conversation('a', 'streaming', 'part')]);
    saver.removed('a');
    expect(removed).toEqual(['a']);
    expect(pending()).toBe(0);
    fire();
    saver.flushAll();
    expect(saved).toEqual([]);
  });

  it('reports a failed write', async () => {
    const errors: unknown[] = [];
    const store = emptyConversationStore({ save: () => Promise.reject(new Error('QuotaExceededError')) });
    const saver = createConversationSaver(store, { onError: (e) => errors.push(e) });
    saver.changed([conversation('a', 'done', 'x')]);
    await expect(saver.written()).resolves.toBe(false);
    expect(errors).toHaveLength(1);
  });
});

describe('openConversationStore (IndexedDB)', () => {
  it('saves, replaces and reads back conversations', async () => {
    const store = openConversationStore('test-store');
    await store.save([conversation('a', 'streaming', 'part')]);
    await store.save([conversation('b', 'done', 'b'), conversation('a', 'done', 'whole')]);
    const again = openConversationStore('test-store');
    const all = await again.loadAll();
    expect(all.map((c) => [c.id, c.messages[1]?.content]).toSorted()).toEqual([
      ['a', 'whole'],
      ['b', 'b'],
    ]);
    await again.remove('a');
    expect((await store.loadAll()).map((c) => c.id)).toEqual(['b']);
  });

  it('reads the whole history in batches, each one and a half or exactly two of them', async () => {
    for (const size of [LOAD_BATCH * 1.5, LOAD_BATCH * 2]) {
      const store = openConversationStore(`batches-${size}`);
      const ids = Array.from({ length: size }, (_, i) => `c${String(i).padStart(4, '0')}`);
      await store.save(ids.map((id) => conversation(id, 'done', id)));
      const all = await openConversationStore(`batches-${size}`).loadAll();
      expect(all.map((c) => c.id)).toEqual(ids);
    }
  });
});

describe('the kept list (localStorage beside IndexedDB)', () => {
  it('keeps the newest conversations’ ids, titles and times, and reads them back as not streaming', () => {
    const lists = memoryStorage();
    const store = openConversationStore('list-store', memoryStorage, () => lists);
    // None kept yet (a first visit): not known to be empty.
    expect(store.readList()).toBeUndefined();
    store.keepList([]);
    expect(openConversationStore('list-store', memoryStorage, () => lists).readList()).toEqual([]);
    const summaries = Array.from({ length: LIST_KEPT + 5 }, (_, i) => ({ id: `c${i}`, title: `T${i}`, updatedAt: 1000 - i, streaming: i === 0 }));
    store.keepList(summaries);
    const again = openConversationStore('list-store', memoryStorage, () => lists).readList();
    expect(again).toHaveLength(LIST_KEPT);
    expect(again?.[0]).toEqual({ id: 'c0', title: 'T0', updatedAt: 1000, streaming: false });
    expect(again?.at(-1)?.id).toBe(`c${LIST_KEPT - 1}`);
  });

  it('reads past what is not a list, and keeps none, throwing nothing, where storage refuses', () => {
    const lists = memoryStorage();
    lists.setItem('odd-list.list', JSON.stringify([{ id: 'x' }, 'text', { id: 'y', title: 'Y', updatedAt: 2 }]));
    expect(openConversationStore('odd-list', memoryStorage, () => lists).readList()?.map((s) => s.id)).toEqual(['y']);
    lists.setItem('odd-list.list', '{not json');
    expect(openConversationStore('odd-list', memoryStorage, () => lists).readList()).toBeUndefined();
    lists.setItem('odd-list.list', '{"a": 1}');
    expect(openConversationStore('odd-list', memoryStorage, () => lists).readList()).toBeUndefined();
    const refusing = openConversationStore('refusing-list', memoryStorage, () => memoryStorage(true));
    expect(() => refusing.keepList([{ id: 'a', title: 'A', updatedAt: 1, streaming: false }])).not.toThrow();
    expect(refusing.readList()).toBeUndefined();
  });

  it('reads one conversation ahead of the rest as loadAll would: a copy kept in flight over an older saved one', async () => {
    const inFlight = memoryStorage();
    const store = openConversationStore('one-store', () => inFlight);
    await store.save([conversation('a', 'streaming', 'Once upon'), conversation('b', 'done', 'b')]);
    store.keepInFlight([conversation('a', 'streaming', 'Once upon a time')]);
    expect((await store.loadOne('a'))?.messages[1]?.content).toBe('Once upon a time');
    expect((await store.loadOne('b'))?.messages[1]?.content).toBe('b');
    expect(await store.loadOne('none')).toBeUndefined();
  });
});

const at = (c: Conversation, updatedAt: number): Conversation => ({ ...c, updatedAt });

describe('conversations kept in flight (sessionStorage beside IndexedDB)', () => {

  it('reads a reply kept as the page went away in place of the copy saved a second before, and a conversation never saved', async () => {
    const storage = memoryStorage();
    const store = openConversationStore('kept-store', () => storage);
    await store.save([conversation('a', 'streaming', 'Once upon')]);
    await store.save([conversation('b', 'done', 'b')]);
    store.keepInFlight([conversation('a', 'streaming', 'Once upon a time'), conversation('new', 'streaming', 'Hel')]);
    // The next page: sessionStorage survived the reload, the last IndexedDB write did not land.
    const again = openConversationStore('kept-store', () => storage);
    expect((await again.loadAll()).map((c) => [c.id, c.messages[1]?.content]).toSorted()).toEqual([
      ['a', 'Once upon a time'],
      ['b', 'b'],
      ['new', 'Hel'],
    ]);
    // An empty list keeps none.
    store.keepInFlight([]);
    expect((await again.loadAll()).map((c) => [c.id, c.messages[1]?.content]).toSorted()).toEqual([
      ['a', 'Once upon'],
      ['b', 'b'],
    ]);
  });

  it('leaves a saved copy written after the keeping: settled, or with a later message', () => {
    const kept = conversation('a', 'streaming', 'Once upon');
    expect(withKeptInFlight([conversation('a', 'done', 'Once upon a time.')], [kept])[0]?.messages[1]?.content).toBe('Once upon a time.');
    const later = at({ ...conversation('a', 'streaming', 'Sec'), messages: [...kept.messages, { id: 'u2', role: 'user', content: 'more' }, reply('streaming', 'Sec')] }, 5);
    expect(withKeptInFlight([later], [at(kept, 1)])).toEqual([later]);
    expect(withKeptInFlight([at(conversation('a', 'streaming', 'x'), 1)], [at(kept, 1)])).toEqual([at(kept, 1)]);
  });

  it('keeps none, and throws nothing, where the browser refuses storage; reads past what is not conversations', async () => {
    const refusing = openConversationStore('refused-store', () => memoryStorage(true));
    expect(() => refusing.keepInFlight([conversation('a', 'streaming', 'x')])).not.toThrow();
    expect(await refusing.loadAll()).toEqual([]);
    const storage = memoryStorage();
    storage.setItem('odd-store.in-flight', JSON.stringify([{ id: 'x' }, 'text', { id: 'y', messages: [] }]));
    expect((await openConversationStore('odd-store', () => storage).loadAll()).map((c) => c.id)).toEqual(['y']);
    storage.setItem('odd-store.in-flight', '{not json');
    expect(await openConversationStore('odd-store', () => storage).loadAll()).toEqual([]);
  });
});
