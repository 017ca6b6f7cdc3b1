// @vitest-environment jsdom
import { expect, it } from 'vitest';
import type { ChatAction } from '../chat/chat-reducer.ts';
import type { GatewayClient, StreamEvent, TimedStreamEvent } from '../gateway/client.ts';
import { startReply } from './reply-stream.ts';

const timed = (...events: StreamEvent[]): TimedStreamEvent[] => events.map((event) => ({ event, at: 0 }));

/** A client whose worker hands the page these batches, each a message of its own. */
function clientPosting(batches: TimedStreamEvent[][]): GatewayClient {
  return {
    listModels: async () => [],
    async *streamChat() {
      for (const batch of batches) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        yield batch;
      }
    },
  };
}

it('hands the reducer a batch from the worker whole, in one dispatch, never part of it', async () => {
  const client = clientPosting([
    timed({ type: 'delta', text: 'one ' }, { type: 'delta', text: 'two ' }, { type: 'delta', text: 'three' }),
    timed({ type: 'finish', reason: 'stop' }, { type: 'done' }),
  ]);
  const received: StreamEvent[][] = [];
  const dispatch = (action: ChatAction): void => {
    if (action.type === 'streamEventsReceived') received.push(action.events.map((item) => item.event));
  };
  await new Promise<void>((settled) => startReply(client, { model: 'p/m', messages: [], stream: true }, Date.now(), dispatch, () => settled()));
  // The first token is urgent: it goes at once, and the two that came with it go with it.
  expect(received[0]).toEqual([
    { type: 'delta', text: 'one ' },
    { type: 'delta', text: 'two ' },
    { type: 'delta', text: 'three' },
  ]);
  expect(received.at(-1)).toEqual([{ type: 'finish', reason: 'stop' }, { type: 'done' }]);
  expect(received.flat()).toHaveLength(5);
});
