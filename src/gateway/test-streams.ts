// Test helpers: bodies and fetches built from exact byte pieces, and a worker
// that runs the stream host in the test's own thread.
import { createGatewayClient, type FetchLike, type GatewayClient } from './client.ts';
import { createStreamHost, type FromStreamHost, type ToStreamHost } from './stream-host.ts';
import { createWorkerStreamer, type WorkerLike } from './worker-streamer.ts';

export function bodyFrom(pieces: ReadonlyArray<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
      controller.close();
    },
  });
}

/** Every way to cut `bytes` into two reads, plus one read per byte. */
export function* splits(bytes: Uint8Array): Generator<Uint8Array[]> {
  for (let at = 0; at <= bytes.length; at++) yield [bytes.slice(0, at), bytes.slice(at)];
  yield [...bytes].map((b) => Uint8Array.of(b));
}

export function sseResponse(pieces: ReadonlyArray<string | Uint8Array>, init: ResponseInit = {}): Response {
  return new Response(bodyFrom(pieces), {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream' },
    ...init,
  });
}

const later = (task: () => void): void => void setTimeout(task, 0);

export interface InPageWorker extends WorkerLike {
  /** What the page posted to it. */
  posted: ToStreamHost[];
  terminated: boolean;
  /** Fires an error as an exception nothing in a worker caught does. */
  crash(): void;
}

/**
 * A Worker that runs the stream host in this thread, its messages delivered
 * in later tasks as a worker's are. `fail` makes it fail as a script that did
 * not load does: an error event, no message.
 */
export function inPageWorker(fetch: FetchLike, { fail = false }: { fail?: boolean } = {}): InPageWorker {
  const listeners = { message: [] as Array<(event: MessageEvent<FromStreamHost>) => void>, error: [] as Array<(event: Event) => void> };
  const fireError = (): void => listeners.error.forEach((listener) => listener(new Event('error', { cancelable: true })));
  const host = createStreamHost({
    fetch,
    post: (message) => later(() => listeners.message.forEach((listener) => listener(new MessageEvent('message', { data: message })))),
  });
  const worker = {
    posted: [] as ToStreamHost[],
    terminated: false,
    postMessage(message: ToStreamHost) {
      worker.posted.push(message);
      if (!fail && !worker.terminated) later(() => host.receive(structuredClone(message)));
    },
    addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
      (listeners[type] as Array<typeof listener>).push(listener);
    },
    terminate() {
      worker.terminated = true;
    },
    crash: fireError,
  };
  later(() => {
    if (fail) fireError();
    else listeners.message.forEach((listener) => listener(new MessageEvent('message', { data: { type: 'ready' } })));
  });
  return worker as InPageWorker;
}

/** A gateway client for tests that reads replies as the app does: through the stream host, in an in-page worker. */
export function testClient(fetch: FetchLike): GatewayClient {
  return createGatewayClient({ fetch, streamChat: createWorkerStreamer(() => inPageWorker(fetch)).streamChat });
}
