// The real gateway client against the demo gateway over HTTP: every demo
// model's stream shape must come out as the events PROTOCOL.md promises.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChatStream, type FetchLike, type StreamEvent } from '../../src/gateway/client.ts';
import { GatewayError } from '../../src/gateway/errors.ts';
import type { WireChatRequest } from '../../src/gateway/wire-types.ts';
import { DEMO_MODELS } from './catalog.ts';
import { STALL_MS, startDemoGateway, type RunningDemoGateway } from './demo-gateway.ts';

let demo: RunningDemoGateway;
let origin: string;
beforeAll(async () => {
  demo = await startDemoGateway(0, '127.0.0.1', { timeScale: 0.002 });
  origin = demo.url.replace(/\/v1$/, '');
});
afterAll(() => demo.close());

// Read event by event, as the app's worker reads it.
const clientAt = (base: string) => {
  const fetchFn: FetchLike = (path, init) => fetch(base + path, init);
  return { streamChat: (request: WireChatRequest) => readChatStream(fetchFn, request) };
};
const client = () => clientAt(origin);

async function chat(model: string, prompt = 'Explain goroutines vs threads'): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for await (const event of client().streamChat({ model, messages: [{ role: 'user', content: prompt }], stream: true })) events.push(event);
  return events;
}

const joined = (events: StreamEvent[], type: 'delta' | 'reasoning'): string =>
  events.flatMap((e) => (e.type === type ? [e.text] : [])).join('');

describe('demo gateway, read by the real client', () => {
  const healthy = DEMO_MODELS.filter((m) => !m.failure);

  it.each(healthy.map((m) => [m.id, m] as const))('%s streams to [DONE] in its provider’s shape', async (id, model) => {
    const events = await chat(id);
    expect(events.at(-1)).toEqual({ type: 'done' });
    expect(joined(events, 'delta')).toContain('Goroutines vs. threads');
    expect(joined(events, 'delta')).not.toContain('<think>');
    const usage = events.filter((e) => e.type === 'usage');
    const record = demo.gateway.streams.at(-1)!;
    if (model.usage === 'none') expect(usage).toEqual([]);
    else
      expect(usage).toEqual([
        {
          type: 'usage',
          usage: { promptTokens: record.usage.prompt_tokens, completionTokens: record.usage.completion_tokens, totalTokens: record.usage.total_tokens },
        },
      ]);
    if (model.reasoning === 'none') expect(joined(events, 'reasoning')).toBe('');
    else expect(joined(events, 'reasoning')).toContain('goroutines');
  });

  it('streams as the MCP mode does: completions ending in tool calls, then the answer, in one stream', async () => {
    const events = await chat('openai/demo-mcp-tools');
    expect(events.filter((e) => e.type === 'finish')).toEqual([
      { type: 'finish', reason: 'tool_calls' },
      { type: 'finish', reason: 'tool_calls' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(joined(events, 'delta')).toMatch(/^Let me look that up\.\n\nOne more source to check:\n\n## Goroutines vs\. threads/);
    // Each completion numbers its call 0; read as one reply they are 0 and 1.
    const calls = events.flatMap((e) => (e.type === 'toolCall' ? [e.piece] : []));
    expect(calls.filter((piece) => piece.name).map(({ index, id, name }) => ({ index, id, name }))).toEqual([
      { index: 0, id: 'call_demo_1', name: 'web_search' },
      { index: 1, id: 'call_demo_2', name: 'fetch_page' },
    ]);
    expect(calls.filter((piece) => piece.index === 1).map((piece) => piece.arguments ?? '').join('')).toBe('{"url": "https://github.com/inference-gateway/inference-gateway"}');
    expect(events.at(-1)).toEqual({ type: 'done' });
  });

  it('lists models with served_by, and pricing and context windows on request', async () => {
    const plain = (await (await fetch(`${origin}/v1/models`)).json()) as { data: Array<Record<string, unknown>> };
    expect(plain.data[0]).toMatchObject({ id: 'groq/llama-3.3-70b-versatile', object: 'model', served_by: 'groq' });
    expect(plain.data[0]).not.toHaveProperty('pricing');
    const rich = (await (await fetch(`${origin}/v1/models?provider=ollama&include=pricing,context_window`)).json()) as { data: Array<Record<string, unknown>> };
    expect(rich.data.every((m) => m.served_by === 'ollama')).toBe(true);
    expect(rich.data[0]).toMatchObject({ pricing: { currency: 'USD', input_per_token: '0', output_per_token: '0', source: 'provider' }, context_window: { tokens: 40960, source: 'provider' } });
    expect(rich.data[0]).not.toHaveProperty('modalities');
    const openai = (await (await fetch(`${origin}/v1/models?provider=openai&include=modalities`)).json()) as { data: Array<{ id: string; modalities: unknown }> };
    expect(Object.fromEntries(openai.data.map((m) => [m.id, m.modalities]))).toMatchObject({
      'openai/gpt-4o-mini': { input: ['text', 'image'], output: ['text'] },
      'openai/gpt-image-1': { input: ['text', 'image'], output: ['image'] },
    });
  });

  it('answers the gateway’s errors in its envelope', async () => {
    const bare = await fetch(`${origin}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stream: true }) });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: string }).error).toContain('unable to determine provider');
    const unknown = await fetch(`${origin}/v1/models?provider=nope`);
    expect(unknown.status).toBe(400);
    expect(await fetch(`${origin}/v1/models`, { method: 'OPTIONS' }).then((r) => r.status)).toBe(404);
  });

  it('takes images as content parts: a vision model says what came, one without refuses them as a provider does', async () => {
    const dot = 'data:image/png;base64,iVBORw0KGgo=';
    const ask = async (model: string): Promise<StreamEvent[]> => {
      const events: StreamEvent[] = [];
      const content = [{ type: 'text' as const, text: 'What is this?' }, { type: 'image_url' as const, image_url: { url: dot } }];
      for await (const event of client().streamChat({ model, messages: [{ role: 'user', content }], stream: true })) events.push(event);
      return events;
    };
    const seen = await ask('openai/gpt-4o-mini');
    expect(joined(seen, 'delta')).toContain('I received **one image** with your message (PNG, 1 KB)');
    expect(joined(seen, 'delta')).toContain('With it you wrote: *What is this?*');
    expect(demo.gateway.streams.at(-1)!.messages).toEqual([{ role: 'user', content: 'What is this?', images: [{ type: 'image/png', bytes: 8 }] }]);
    const refused = await ask('groq/llama-3.3-70b-versatile').catch((e: unknown) => e);
    expect((refused as GatewayError).message).toBe('model "groq/llama-3.3-70b-versatile" does not support image input');
  });

  it('demonstrates each failure the way a real gateway shows it', async () => {
    const rateLimit = await chat('openai/demo-rate-limit').catch((e: unknown) => e);
    expect(rateLimit).toBeInstanceOf(GatewayError);
    expect((rateLimit as GatewayError).message).toBe('Rate limit exceeded: 30 requests per minute. Please retry in 12s.');

    const midStream = await chat('anthropic/demo-mid-stream-error').catch((e: unknown) => e);
    expect((midStream as GatewayError).kind).toBe('upstream');

    const notChat = await chat('openai/gpt-image-1').catch((e: unknown) => e);
    expect((notChat as GatewayError).message).toBe('This is not a chat model and thus not supported in the v1/chat/completions endpoint.');

    const cut = await chat('ollama/demo-cut-stream');
    expect(cut.at(-1)).toEqual({ type: 'interrupted' });
    expect(joined(cut, 'delta').length).toBeGreaterThan(20);
  });

  it('goes silent a third of the way into a stalling model\'s answer, then sends the rest', async () => {
    // A slower clock than the other tests', so the silence (350 ms) stands far above any delay in reading.
    const slow = await startDemoGateway(0, '127.0.0.1', { timeScale: 0.05 });
    try {
      const slowOrigin = slow.url.replace(/\/v1$/, '');
      const slowClient = clientAt(slowOrigin);
      const arrivals: Array<{ event: StreamEvent; at: number }> = [];
      const request: WireChatRequest = { model: 'mistral/demo-stall', messages: [{ role: 'user', content: 'Explain goroutines vs threads' }], stream: true };
      for await (const event of slowClient.streamChat(request)) arrivals.push({ event, at: performance.now() });
      const events = arrivals.map((a) => a.event);
      expect(events.at(-1)).toEqual({ type: 'done' });
      expect(joined(events, 'delta')).toBe(joined(await chat('mistral/mistral-small-latest'), 'delta'));
      // The longest gap between two deltas is the silence; the stream before and after it runs at 1,400 tokens a second.
      const deltas = arrivals.filter((a) => a.event.type === 'delta');
      const gaps = deltas.slice(1).map((a, k) => a.at - deltas[k]!.at);
      const longest = gaps.indexOf(Math.max(...gaps));
      expect(gaps[longest]).toBeGreaterThanOrEqual(STALL_MS * 0.05 - 5);
      expect(longest / deltas.length).toBeGreaterThan(0.2);
      expect(longest / deltas.length).toBeLessThan(0.5);
    } finally {
      await slow.close();
    }
  });

  it('picks a reply by the prompt', async () => {
    expect(joined(await chat('openai/gpt-4o-mini', 'Write a debounce function in TypeScript'), 'delta')).toContain('```ts');
    expect(joined(await chat('openai/gpt-4o-mini', 'Compare providers in a table'), 'delta')).toContain('| Provider |');
    expect(joined(await chat('openai/gpt-4o-mini', 'Show me the quadratic formula'), 'delta')).toContain('$$\nx = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}\n$$');
    // "very long answer" also holds the detailed answer's "long answer": the earliest keyword wins.
    const stress = joined(await chat('groq/llama-3.3-70b-versatile', 'Give me a very long answer'), 'delta');
    expect(stress.startsWith('# A streamed answer')).toBe(true);
    expect(stress.length).toBeGreaterThan(28_000);
  });

  it('continues a reply sent back as the last message with the rest of its answer; one it did not write, from the start', async () => {
    const full = joined(await chat('openai/gpt-4o-mini', 'Write a debounce function in TypeScript'), 'delta');
    const goOn = async (partial: string): Promise<string> => {
      const events: StreamEvent[] = [];
      const messages = [
        { role: 'user' as const, content: 'Write a debounce function in TypeScript' },
        { role: 'assistant' as const, content: partial },
      ];
      for await (const event of client().streamChat({ model: 'openai/gpt-4o-mini', messages, stream: true })) events.push(event);
      expect(events.at(-1)).toEqual({ type: 'done' });
      return joined(events, 'delta');
    };
    const partial = full.slice(0, 123);
    expect(partial + (await goOn(partial))).toBe(full);
    expect(await goOn('Something else entirely.')).toBe(full);
  });

  it('stops at max_tokens with finish_reason "length", and records the sampling fields it was sent', async () => {
    const events: StreamEvent[] = [];
    const request: WireChatRequest = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }], stream: true, temperature: 0.2, max_tokens: 5 };
    for await (const event of client().streamChat(request)) events.push(event);
    expect(events).toContainEqual({ type: 'finish', reason: 'length' });
    expect(events.at(-1)).toEqual({ type: 'done' });
    const record = demo.gateway.streams.at(-1)!;
    expect(record.usage.completion_tokens).toBe(5);
    expect(record).toMatchObject({ temperature: 0.2, max_tokens: 5 });
    expect(joined(events, 'delta').length).toBeLessThan(40);
  });
});
