import { describe, expect, it } from 'vitest';
import { webDraftStore } from './draft-store.ts';
import { memoryStorage } from './test-storage.ts';

describe('webDraftStore', () => {
  it('keeps a draft per key, and forgets one emptied', () => {
    const storage = memoryStorage();
    const drafts = webDraftStore(() => storage);
    expect(drafts.save('a', 'half a question')).toBe(true);
    drafts.save('b', 'another');
    expect(drafts.load('a')).toBe('half a question');
    expect(drafts.load('b')).toBe('another');
    expect(drafts.load('c')).toBe('');
    drafts.save('a', '  ');
    expect(drafts.load('a')).toBe('');
    expect(storage.length).toBe(1);
  });

  it('keeps a draft’s images apart from its text, leaves out what is not an image, and forgets them emptied', () => {
    const storage = memoryStorage();
    const drafts = webDraftStore(() => storage);
    const dot = { name: 'dot.png', type: 'image/png', dataUrl: 'data:image/png;base64,iVBORw==' };
    expect(drafts.saveImages('a', [dot])).toBe(true);
    drafts.save('a', 'what is this?');
    expect(drafts.loadImages('a')).toEqual([dot]);
    expect(drafts.load('a')).toBe('what is this?');
    expect(drafts.loadImages('b')).toEqual([]);
    storage.setItem('gateway-chat.draft-images.c', JSON.stringify([dot, { name: 'x', type: 'image/png', dataUrl: 'javascript:alert(1)' }, 'nope']));
    expect(drafts.loadImages('c')).toEqual([dot]);
    storage.setItem('gateway-chat.draft-images.d', '{not json');
    expect(drafts.loadImages('d')).toEqual([]);
    drafts.saveImages('a', []);
    expect(storage.getItem('gateway-chat.draft-images.a')).toBeNull();
  });

  it('works without storage: nothing kept, nothing thrown', () => {
    const drafts = webDraftStore(() => memoryStorage(true));
    expect(drafts.save('a', 'text')).toBe(false);
    expect(drafts.load('a')).toBe('');
    expect(drafts.saveImages('a', [{ name: 'dot.png', type: 'image/png', dataUrl: 'data:image/png;base64,iVBORw==' }])).toBe(false);
    expect(drafts.loadImages('a')).toEqual([]);
  });
});
