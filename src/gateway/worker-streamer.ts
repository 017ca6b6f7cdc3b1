// The page's side of reading replies: each stream is read in one dedicated
// worker (stream.worker.ts), which posts its events back in batches. The page
// keeps the worker for every stream after, and a new one replaces a worker
// that failed to load or stopped.
import type { ChatStreamer, TimedStreamEvent } from './client.ts';
import { GatewayError } from './errors.ts';
import type { FromStreamHost, ToStreamHost } from './stream-host.ts';
import type { WireChatRequest } from './wire-types.ts';

/** What the streamer needs of a Worker; tests give it one that runs the host in the page. */
export interface WorkerLike {
  postMessage(message: ToStreamHost): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromStreamHost>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export const WORKER_LOAD_FAILED = 'The page could not load the part that reads replies. Check the connection and reload the page.';
export const WORKER_STOPPED = 'The part of the page that reads replies stopped. Send again, or reload the page.';

type StreamMessage = Exclude<FromStreamHost, { type: 'ready' }>;

interface Connection {
  worker: WorkerLike;
  ready: boolean;
  /** Whether the worker loaded: true once it says so, false if it failed first. */
  loaded: Promise<boolean>;
  streams: Map<number, (message: StreamMessage) => void>;
}

export interface WorkerStreamerOptions {
  /** Headers sent with every chat request, read as each starts. */
  headers?: () => Record<string, string>;
}

export interface WorkerStreamer {
  streamChat: ChatStreamer;
  /** Starts the worker before the first stream needs it; resolves once it has loaded (true) or failed (false). */
  warm(): Promise<boolean>;
}

export function createWorkerStreamer(makeWorker: () => WorkerLike, { headers }: WorkerStreamerOptions = {}): WorkerStreamer {
  let current: Connection | undefined;
  let nextId = 1;

  function connect(): Connection {
    if (current) return current;
    let worker: WorkerLike;
    try {
      worker = makeWorker();
    } catch {
      throw new GatewayError('network', WORKER_LOAD_FAILED);
    }
    let settleLoad!: (loaded: boolean) => void;
    const loaded = new Promise<boolean>((resolve) => {
      settleLoad = resolve;
    });
    const connection: Connection = { worker, ready: false, loaded, streams: new Map() };
    worker.addEventListener('message', ({ data }) => {
      if (data.type === 'ready') {
        connection.ready = true;
        settleLoad(true);
      } else connection.streams.get(data.id)?.(data);
    });
    // A script that did not load, or an error nothing in the worker caught:
    // its streams fail in words, and the next stream starts a new worker.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (current === connection) current = undefined;
      worker.terminate();
      settleLoad(false);
      const message = connection.ready ? WORKER_STOPPED : WORKER_LOAD_FAILED;
      for (const [id, deliver] of connection.streams) deliver({ type: 'failed', id, error: { kind: 'network', message } });
    });
    current = connection;
    return connection;
  }

  async function* streamChat(request: WireChatRequest, { signal }: { signal?: AbortSignal } = {}): AsyncGenerator<TimedStreamEvent[], void, undefined> {
    signal?.throwIfAborted();
    const { worker, streams } = connect();
    const id = nextId++;
    const queue: StreamMessage[] = [];
    let wake: (() => void) | undefined;
    streams.set(id, (message) => {
      queue.push(message);
      wake?.();
    });
    const onAbort = (): void => wake?.();
    signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker's postMessage takes no origin
    worker.postMessage({ type: 'start', id, request, headers: headers?.() });
    try {
      for (;;) {
        signal?.throwIfAborted();
        const message = queue.shift();
        if (!message) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if (message.type === 'events') {
          yield message.events;
          continue;
        }
        settled = true;
        if (message.type === 'ended') return;
        const { kind, message: text, status } = message.error;
        throw kind ? new GatewayError(kind, text, status) : new Error(text);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      streams.delete(id);
      // Stopped, or the reader left early: the worker stops reading too.
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker's postMessage takes no origin
      if (!settled) worker.postMessage({ type: 'abort', id });
    }
  }

  return {
    streamChat,
    warm() {
      try {
        return connect().loaded;
      } catch {
        // The first stream says so, in words.
        return Promise.resolve(false);
      }
    },
  };
}
