// The worker's side: what it posts for each stream, and when.
import { describe, expect, it } from 'vitest';
import type { FetchLike } from './client.ts';
import { createStreamHost, type FromStreamHost } from './stream-host.ts';
import { sseResponse } from './test-streams.ts';

const request = { model: 'groq/llama-3.3-70b-versatile', messages: [{ role: 'user' as const, content: 'hi' }], stream: true as const };
const chunk = (content: string): string => `data: ${JSON.stringify({ id: 'c1', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
const DONE = 'data: [DONE]\n\n';

/** A host over `fetch`, what it posted, and a wait for a stream to end or fail. */
function host(fetch: FetchLike, options: { gapMs?: number; now?: () => number } = {}) {
  const posted: FromStreamHost[] = [];
  const streamHost = createStreamHost({ fetch, post: (message) => posted.push(message), ...options });
  const settled = () => expect.poll(() => posted.some((message) => message.type === 'ended' || message.type === 'failed')).toBe(true);
  return { posted, settled, receive: streamHost.receive };
}

const texts = (message: FromStreamHost): string[] =>
  message.type === 'events' ? message.events.map(({ event }) => (event.type === 'delta' ? event.text : event.type)) : [message.type];

describe('the stream host', () => {
  it('posts the first token at once and holds the rest to one post a gap, then says the stream ended', async () => {
    const { posted, settled, receive } = host(async () => sseResponse([chunk('A'), chunk('B'), chunk('C'), DONE]), { now: () => 1000 });
    receive({ type: 'start', id: 1, request });
    await settled();
    expect(posted.map(texts)).toEqual([['A'], ['B', 'C', 'done'], ['ended']]);
    expect(posted.every((message) => !('id' in message) || message.id === 1)).toBe(true);
  });

  it('posts the first token at once even when an event went just before it', async () => {
    const headers = { 'Content-Type': 'text/event-stream', 'X-Selected-Provider': 'groq' };
    const { posted, settled, receive } = host(async () => sseResponse([chunk('A'), chunk('B'), DONE], { headers }), { now: () => 1000 });
    receive({ type: 'start', id: 1, request });
    await settled();
    expect(posted.map(texts)).toEqual([['routed'], ['A'], ['B', 'done'], ['ended']]);
  });

  it('stamps each event with the time it was read', async () => {
    let clock = 0;
    const { posted, settled, receive } = host(async () => sseResponse([chunk('A'), chunk('B'), DONE]), { now: () => (clock += 10), gapMs: 0 });
    receive({ type: 'start', id: 1, request });
    await settled();
    const stamps = posted.flatMap((message) => (message.type === 'events' ? message.events.map(({ at }) => at) : []));
    // One now() per event read, one per post after it.
    expect(stamps).toEqual([10, 30, 50]);
  });

  it('posts every event as it comes when the gap has passed', async () => {
    const { posted, settled, receive } = host(async () => sseResponse([chunk('A'), chunk('B'), DONE]), { gapMs: 0 });
    receive({ type: 'start', id: 1, request });
    await settled();
    expect(posted.map(texts)).toEqual([['A'], ['B'], ['done'], ['ended']]);
  });

  it('sends the request with the headers the page gave', async () => {
    let init: RequestInit | undefined;
    const { settled, receive } = host(async (_url, given) => {
      init = given;
      return sseResponse([DONE]);
    });
    receive({ type: 'start', id: 1, request, headers: { 'X-Demo-Fixture': 'mixed-28k' } });
    await settled();
    expect(init?.headers).toMatchObject({ 'X-Demo-Fixture': 'mixed-28k', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual(request);
  });

  it('posts what arrived before a mid-stream error, then the error in words with its kind', async () => {
    const error = `data: ${JSON.stringify({ error: { message: 'Overloaded' } })}\n\n`;
    const { posted, settled, receive } = host(async () => sseResponse([chunk('A'), error]));
    receive({ type: 'start', id: 1, request });
    await settled();
    expect(posted).toEqual([
      { type: 'events', id: 1, events: [expect.objectContaining({ event: { type: 'delta', text: 'A' } })] },
      { type: 'failed', id: 1, error: { kind: 'upstream', message: 'Overloaded', status: undefined } },
    ]);
  });

  it('posts an HTTP error with its status', async () => {
    const { posted, settled, receive } = host(async () => new Response(JSON.stringify({ error: 'model not found' }), { status: 404 }));
    receive({ type: 'start', id: 1, request });
    await settled();
    expect(posted).toEqual([{ type: 'failed', id: 1, error: { kind: 'http', message: 'model not found', status: 404 } }]);
  });

  it('stops reading a stream the page aborts, and says it ended, not that it failed', async () => {
    let signal: AbortSignal | undefined;
    const encoder = new TextEncoder();
    const { posted, settled, receive } = host(async (_url, init) => {
      signal = init?.signal ?? undefined;
      // A body that sends one token, then nothing until it is cancelled.
      return new Response(new ReadableStream({ start: (c) => c.enqueue(encoder.encode(chunk('A'))) }), { status: 200 });
    });
    receive({ type: 'start', id: 1, request });
    await expect.poll(() => posted.length).toBe(1);
    receive({ type: 'abort', id: 1 });
    await settled();
    expect(signal?.aborted).toBe(true);
    expect(posted.map(texts)).toEqual([['A'], ['ended']]);
  });

  it('reads two streams at once, each under its own id', async () => {
    const { posted, receive } = host(async (_url, init) => {
      const { messages } = JSON.parse(String(init?.body)) as { messages: Array<{ content: string }> };
      return sseResponse([chunk(messages[0]!.content), DONE]);
    });
    receive({ type: 'start', id: 1, request: { ...request, messages: [{ role: 'user', content: 'one' }] } });
    receive({ type: 'start', id: 2, request: { ...request, messages: [{ role: 'user', content: 'two' }] } });
    await expect.poll(() => posted.filter((message) => message.type === 'ended').length).toBe(2);
    const of = (id: number) => posted.filter((message) => 'id' in message && message.id === id).flatMap(texts);
    expect(of(1)).toEqual(['one', 'done', 'ended']);
    expect(of(2)).toEqual(['two', 'done', 'ended']);
  });
});
