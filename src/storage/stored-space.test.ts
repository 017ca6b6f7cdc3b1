import { describe, expect, it } from 'vitest';
import { askToKeep, readStoredSpace, type SpaceManager } from './stored-space.ts';

const manager = (over: SpaceManager): SpaceManager => ({
  estimate: async () => ({ usage: 2_100_000, quota: 10_000_000_000 }),
  persisted: async () => false,
  persist: async () => true,
  ...over,
});

describe('stored space', () => {
  it('reads what the site keeps and whether the browser may clear it', async () => {
    expect(await readStoredSpace(manager({}))).toEqual({ usedBytes: 2_100_000, persisted: false });
    expect(await readStoredSpace(manager({ persisted: async () => true }))).toEqual({ usedBytes: 2_100_000, persisted: true });
  });

  it('says what it can when the browser says less, and nothing without a StorageManager', async () => {
    expect(await readStoredSpace(manager({ estimate: () => Promise.reject(new Error('SecurityError')) }))).toEqual({ usedBytes: undefined, persisted: false });
    expect(await readStoredSpace({ estimate: async () => ({ usage: 10 }) })).toEqual({ usedBytes: 10, persisted: undefined });
    expect(await readStoredSpace({})).toBeUndefined();
    expect(await readStoredSpace(undefined)).toBeUndefined();
  });

  it('asks the browser to keep it, and hears no when it declines, fails or cannot', async () => {
    expect(await askToKeep(manager({}))).toBe(true);
    expect(await askToKeep(manager({ persist: async () => false }))).toBe(false);
    expect(await askToKeep(manager({ persist: () => Promise.reject(new Error('denied')) }))).toBe(false);
    expect(await askToKeep({})).toBe(false);
  });
});
