// The page's side: streams read through a worker (here one that runs the
// stream host in this thread), its failures, and stopping.
import { describe, expect, it } from 'vitest';
import type { FetchLike, StreamEvent, TimedStreamEvent } from './client.ts';
import { GatewayError } from './errors.ts';
import { inPageWorker, sseResponse, type InPageWorker } from './test-streams.ts';
import { createWorkerStreamer, WORKER_LOAD_FAILED, WORKER_STOPPED } from './worker-streamer.ts';

const request = { model: 'groq/llama-3.3-70b-versatile', messages: [{ role: 'user' as const, content: 'hi' }], stream: true as const };
const chunk = (content: string): string => `data: ${JSON.stringify({ id: 'c1', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
const DONE = 'data: [DONE]\n\n';
const reply = (): Promise<Response> => Promise.resolve(sseResponse([chunk('Hel'), chunk('lo'), DONE]));

async function read(stream: AsyncIterable<TimedStreamEvent[]>): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for await (const batch of stream) events.push(...batch.map(({ event }) => event));
  return events;
}

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

/** Answers each request with its own message, then "!". */
const echoGateway: FetchLike = async (_url, init) => {
  const { messages } = JSON.parse(String(init?.body)) as { messages: Array<{ content: string }> };
  return sseResponse([chunk(messages[0]!.content), chunk('!'), DONE]);
};

/** A body that sends one token, then waits; tells when it is cancelled. */
function hangingGateway() {
  const state = { cancelled: false, signal: undefined as AbortSignal | undefined };
  const fetch: FetchLike = async (_url, init) => {
    state.signal = init?.signal ?? undefined;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(new TextEncoder().encode(chunk('A'))),
      cancel: () => void (state.cancelled = true),
    });
    return new Response(body, { status: 200 });
  };
  return { fetch, state };
}

describe('the worker streamer', () => {
  it('yields the events the worker read, stamped, in order', async () => {
    const { streamChat } = createWorkerStreamer(() => inPageWorker(reply));
    const batches: TimedStreamEvent[][] = [];
    for await (const batch of streamChat(request)) batches.push(batch);
    expect(batches.flat().map(({ event }) => event)).toEqual([{ type: 'delta', text: 'Hel' }, { type: 'delta', text: 'lo' }, { type: 'done' }]);
    expect(batches.flat().every(({ at }) => at > performance.timeOrigin)).toBe(true);
    // The first token came alone, at once; the rest together.
    expect(batches.length).toBe(2);
  });

  it('starts one worker for every stream after, and sends it the headers asked for', async () => {
    const workers: Array<InPageWorker> = [];
    const { streamChat } = createWorkerStreamer(
      () => {
        const worker = inPageWorker(reply);
        workers.push(worker);
        return worker;
      },
      { headers: () => ({ 'X-Demo-Rate': '400' }) },
    );
    await read(streamChat(request));
    await read(streamChat(request));
    expect(workers.length).toBe(1);
    expect(workers[0]!.posted).toEqual([
      { type: 'start', id: 1, request, headers: { 'X-Demo-Rate': '400' } },
      { type: 'start', id: 2, request, headers: { 'X-Demo-Rate': '400' } },
    ]);
  });

  it('throws the gateway error the worker read, as a GatewayError with its kind and status', async () => {
    const { streamChat } = createWorkerStreamer(() => inPageWorker(async () => new Response('{"error":"model not found"}', { status: 404 })));
    const error = await failureOf(read(streamChat(request)));
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ kind: 'http', status: 404, message: 'model not found' });
  });

  it('says in words when the worker cannot load, and starts a new one for the next stream', async () => {
    const workers: Array<InPageWorker> = [];
    const streamer = createWorkerStreamer(() => {
      const worker = inPageWorker(reply, { fail: workers.length === 0 });
      workers.push(worker);
      return worker;
    });
    expect(await streamer.warm()).toBe(false);
    const error = await failureOf(read(streamer.streamChat(request)));
    // The warm-up's worker failed and was let go: this stream started a second one, which loaded.
    expect(workers.length).toBe(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(error).toBeUndefined();

    const failing = createWorkerStreamer(() => inPageWorker(reply, { fail: true }));
    const loadError = await failureOf(read(failing.streamChat(request)));
    expect(loadError).toBeInstanceOf(GatewayError);
    expect(loadError).toMatchObject({ kind: 'network', message: WORKER_LOAD_FAILED });
  });

  it('says so in words when the browser will not start the worker', async () => {
    const { streamChat } = createWorkerStreamer(() => {
      throw new Error('SecurityError');
    });
    await expect(read(streamChat(request))).rejects.toMatchObject({ kind: 'network', message: WORKER_LOAD_FAILED });
  });

  it('fails the streams in flight in words when the worker stops after loading', async () => {
    const { fetch } = hangingGateway();
    let worker: InPageWorker | undefined;
    const { streamChat } = createWorkerStreamer(() => (worker = inPageWorker(fetch)));
    const seen: StreamEvent[] = [];
    const outcome = failureOf(
      (async () => {
        for await (const batch of streamChat(request)) {
          seen.push(...batch.map(({ event }) => event));
          // An error nothing in the worker caught, once it has loaded and sent a token.
          worker!.crash();
        }
      })(),
    );
    expect(await outcome).toMatchObject({ kind: 'network', message: WORKER_STOPPED });
    expect(seen).toEqual([{ type: 'delta', text: 'A' }]);
    expect(worker!.terminated).toBe(true);
  });

  it('stops at once when its signal aborts, and the worker stops reading', async () => {
    const { fetch, state } = hangingGateway();
    let worker: InPageWorker | undefined;
    const { streamChat } = createWorkerStreamer(() => (worker = inPageWorker(fetch)));
    const controller = new AbortController();
    const seen: StreamEvent[] = [];
    const outcome = failureOf(
      (async () => {
        for await (const batch of streamChat(request, { signal: controller.signal })) {
          seen.push(...batch.map(({ event }) => event));
          controller.abort(new DOMException('Stopped by the user', 'AbortError'));
        }
      })(),
    );
    expect(await outcome).toMatchObject({ name: 'AbortError', message: 'Stopped by the user' });
    expect(seen).toEqual([{ type: 'delta', text: 'A' }]);
    expect(worker!.posted.at(-1)).toEqual({ type: 'abort', id: 1 });
    await expect.poll(() => state.cancelled).toBe(true);
    expect(state.signal?.aborted).toBe(true);
  });

  it('tells the worker to stop when the reader leaves early', async () => {
    const { fetch, state } = hangingGateway();
    let worker: InPageWorker | undefined;
    const { streamChat } = createWorkerStreamer(() => (worker = inPageWorker(fetch)));
    for await (const batch of streamChat(request)) {
      expect(batch.map(({ event }) => event)).toEqual([{ type: 'delta', text: 'A' }]);
      break;
    }
    expect(worker!.posted.at(-1)).toEqual({ type: 'abort', id: 1 });
    await expect.poll(() => state.cancelled).toBe(true);
  });

  it('keeps two streams apart in one worker', async () => {
    const { streamChat } = createWorkerStreamer(() => inPageWorker(echoGateway));
    const [one, two] = await Promise.all([
      read(streamChat({ ...request, messages: [{ role: 'user', content: 'one' }] })),
      read(streamChat({ ...request, messages: [{ role: 'user', content: 'two' }] })),
    ]);
    expect(one).toEqual([{ type: 'delta', text: 'one' }, { type: 'delta', text: '!' }, { type: 'done' }]);
    expect(two).toEqual([{ type: 'delta', text: 'two' }, { type: 'delta', text: '!' }, { type: 'done' }]);
  });
});
