import { describe, expect, it } from 'vitest';
import { assistantReply } from '../chat/test-messages.ts';
import type { Message } from '../chat/types.ts';
import { webCompareStore } from './compare-store.ts';
import { memoryStorage } from './test-storage.ts';

const question: Message = { id: 'u1', role: 'user', content: 'hello' };

describe('webCompareStore', () => {
  it('keeps each lane’s history, and reads a reply saved while it streamed as interrupted', () => {
    const storage = memoryStorage();
    const store = webCompareStore(() => storage);
    expect(store.save({ 'a/x': [question, assistantReply({ id: 'r1' })], 'b/y': [question, assistantReply({ id: 'r2', status: 'streaming', content: 'Half' })], 'c/z': [] })).toBe(true);
    const chats = store.load();
    expect(Object.keys(chats)).toEqual(['a/x', 'b/y']);
    expect(chats['a/x']?.[1]).toMatchObject({ id: 'r1', status: 'done', content: 'Hello **world**' });
    expect(chats['b/y']?.[1]).toMatchObject({ status: 'interrupted', content: 'Half' });
  });

  it('forgets everything when every lane is empty, and drops what does not read as messages', () => {
    const storage = memoryStorage();
    const store = webCompareStore(() => storage);
    store.save({ 'a/x': [question] });
    store.save({ 'a/x': [] });
    expect(storage.length).toBe(0);
    storage.setItem('gateway-chat.compare', JSON.stringify({ 'a/x': [{ role: 'robot' }], 'b/y': [question], 'c/z': 'nope' }));
    expect(store.load()).toEqual({ 'b/y': [question] });
    storage.setItem('gateway-chat.compare', '{not json');
    expect(store.load()).toEqual({});
  });

  it('works without storage: nothing kept, nothing thrown, and it says so', () => {
    const store = webCompareStore(() => memoryStorage(true));
    expect(store.save({ 'a/x': [question] })).toBe(false);
    expect(store.load()).toEqual({});
  });
});
