// The stream parser (eventsource-parser) loads apart from the entry script.
// If it cannot load, a send asks the gateway nothing and says why in words;
// the next send tries the load again. Fresh module copies, so the mock holds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sseResponse } from './test-streams.ts';

const request = { model: 'groq/llama-3.3-70b-versatile', messages: [{ role: 'user' as const, content: 'hi' }], stream: true as const };
const REPLY = `data: ${JSON.stringify({ id: 'c1', choices: [{ index: 0, delta: { content: 'Hello' }, finish_reason: null }] })}\n\ndata: [DONE]\n\n`;

async function freshClient(failLoads: number) {
  vi.resetModules();
  let failures = failLoads;
  vi.doMock('eventsource-parser/stream', async (importOriginal) => {
    if (failures-- > 0) throw new Error('Failed to fetch dynamically imported module');
    return importOriginal();
  });
  const { createGatewayClient } = await import('./client.ts');
  const { GatewayError } = await import('./errors.ts');
  const calls: string[] = [];
  const client = createGatewayClient({
    fetch: async (url) => {
      calls.push(url);
      return sseResponse([REPLY]);
    },
  });
  const send = async (): Promise<unknown[]> => {
    const out: unknown[] = [];
    for await (const event of client.streamChat(request)) out.push(event);
    return out;
  };
  return { send, calls, GatewayError };
}

describe('the stream parser, loaded apart from the entry script', () => {
  afterEach(() => {
    vi.doUnmock('eventsource-parser/stream');
    vi.resetModules();
  });

  it('sends nothing and says so in words when the parser cannot load', async () => {
    const { send, calls, GatewayError } = await freshClient(Infinity);
    const error = await send().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as InstanceType<typeof GatewayError>).message).toBe(
      'The page could not load the part that reads replies. Check the connection and reload the page.',
    );
    expect(calls).toEqual([]);
  });

  it('tries the load again on the next send', async () => {
    const { send, calls } = await freshClient(1);
    await expect(send()).rejects.toThrow('could not load the part that reads replies');
    expect(await send()).toEqual([{ type: 'delta', text: 'Hello' }, { type: 'done' }]);
    expect(calls).toEqual(['/v1/chat/completions']);
  });
});
