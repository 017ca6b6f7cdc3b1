import { describe, expect, it, vi } from 'vitest';
import { assistantReply } from '../chat/test-messages.ts';
import type { ImageAttachment, Message } from '../chat/types.ts';
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

  it('keeps an image sent to every lane once, writes it only when the images change, and reads histories kept before it did so', () => {
    const storage = memoryStorage();
    const store = webCompareStore(() => storage);
    const chart: ImageAttachment = { name: 'chart.png', type: 'image/png', dataUrl: `data:image/png;base64,${'A'.repeat(4000)}` };
    const asked: Message = { id: 'u2', role: 'user', content: 'What is this?', images: [chart] };
    const writes = vi.spyOn(storage, 'setItem');
    store.save({ 'a/x': [asked, assistantReply({ id: 'r1', status: 'streaming', content: 'It' })], 'b/y': [asked] });
    store.save({ 'a/x': [asked, assistantReply({ id: 'r1', status: 'streaming', content: 'It shows' })], 'b/y': [asked] });
    expect(writes.mock.calls.map(([key]) => key)).toEqual(['gateway-chat.compare.images', 'gateway-chat.compare', 'gateway-chat.compare']);
    expect(storage.getItem('gateway-chat.compare.images')).toBe(JSON.stringify([chart.dataUrl]));
    expect(storage.getItem('gateway-chat.compare')).not.toContain(chart.dataUrl);
    const chats = store.load();
    expect(chats['a/x']?.[0]).toEqual(asked);
    expect(chats['b/y']).toEqual([asked]);
    // Inline, as kept before the images table.
    storage.clear();
    storage.setItem('gateway-chat.compare', JSON.stringify({ 'a/x': [asked] }));
    expect(store.load()).toEqual({ 'a/x': [asked] });
  });

  it('works without storage: nothing kept, nothing thrown, and it says so', () => {
    const store = webCompareStore(() => memoryStorage(true));
    expect(store.save({ 'a/x': [question] })).toBe(false);
    expect(store.load()).toEqual({});
  });
});
