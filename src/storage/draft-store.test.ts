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

  it('works without storage: nothing kept, nothing thrown', () => {
    const drafts = webDraftStore(() => memoryStorage(true));
    expect(drafts.save('a', 'text')).toBe(false);
    expect(drafts.load('a')).toBe('');
  });
});
