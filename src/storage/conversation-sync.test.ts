import { afterEach, expect, it } from 'vitest';
import { broadcastSync, type SyncKind } from './conversation-sync.ts';

const channels: BroadcastChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
});

it('carries what another tab wrote, deleted or asks to stop, and nothing else on the channel', async () => {
  const name = `sync-test-${Math.random()}`;
  const here = broadcastSync(name)!;
  const there = broadcastSync(name)!;
  const stranger = new BroadcastChannel(name);
  channels.push(stranger);
  const heard: Array<[SyncKind, string]> = [];
  const done = new Promise<void>((resolve) => {
    there.listen((kind, id) => {
      heard.push([kind, id]);
      if (kind === 'stop') resolve();
    });
  });
  here.post('written', 'c1');
  // A BroadcastChannel has no target origin.
  for (const odd of [{ kind: 'burn', id: 'c1' }, { id: 'c1' }, null]) stranger.postMessage(odd); // oxlint-disable-line unicorn/require-post-message-target-origin
  here.post('deleted', 'c2');
  here.post('stop', 'c3');
  await done;
  expect(heard).toEqual([
    ['written', 'c1'],
    ['deleted', 'c2'],
    ['stop', 'c3'],
  ]);
});
