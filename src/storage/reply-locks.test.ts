import { describe, expect, it } from 'vitest';
import { webLocks, type LockApi } from './reply-locks.ts';

/** Exclusive locks as the browser grants them: one holder a name, the others waiting in turn. */
function fakeLocks(): LockApi {
  const holders = new Map<string, Array<() => void>>();
  const run = (name: string, callback: () => unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const start = (): void => {
        Promise.resolve()
          .then(callback)
          .then(resolve, reject)
          .finally(() => {
            const queue = holders.get(name)!;
            queue.shift();
            if (queue.length) queue[0]!();
            else holders.delete(name);
          });
      };
      const queue = holders.get(name);
      if (queue) queue.push(start);
      else {
        holders.set(name, [start]);
        start();
      }
    });
  return {
    request: ((name: string, callback: () => unknown) => run(name, callback)) as LockApi['request'],
    query: async () => ({ held: [...holders.keys()].map((name) => ({ name, mode: 'exclusive' as const, clientId: 'tab' })), pending: [] }),
  };
}

/** Lets the promises queued so far run (the fake grants and frees locks in microtasks). */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('webLocks', () => {
  it('says which conversations a tab streams into, and when it lets go', async () => {
    const locks = webLocks(fakeLocks())!;
    const letGo = locks.hold('c1');
    locks.hold('c2')();
    await tick();
    expect(await locks.held()).toEqual(new Set(['c1']));
    let released = false;
    const waiting = locks.released('c1').then(() => {
      released = true;
    });
    await tick();
    expect(released).toBe(false);
    letGo();
    await waiting;
    expect(released).toBe(true);
    expect(await locks.held()).toEqual(new Set());
  });

  it('reads only its own locks, and is not there without the API', async () => {
    const api = fakeLocks();
    void api.request('another-app', () => new Promise(() => undefined));
    const locks = webLocks(api)!;
    locks.hold('c1');
    expect(await locks.held()).toEqual(new Set(['c1']));
    await locks.released('c9');
    expect(webLocks(undefined)).toBeUndefined();
  });
});
