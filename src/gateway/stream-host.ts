// The worker's side of reading replies (stream.worker.ts runs it): reads each
// chat completion the page asks for with readChatStream and posts its events
// back, stamped as they were read. Off the page's main thread, the bytes, the
// SSE framing and the JSON of every token cost the page nothing; it gets one
// message per POST_GAP_MS at most, whatever the network's cadence.
import { arrivalTime, isToken, readChatStream, type FetchLike, type TimedStreamEvent } from './client.ts';
import { GatewayError, type GatewayErrorKind } from './errors.ts';
import type { WireChatRequest } from './wire-types.ts';

/** The page to the worker. `headers` go with the request (the benchmark names its fixture so). */
export type ToStreamHost =
  | { type: 'start'; id: number; request: WireChatRequest; headers?: Record<string, string> | undefined }
  | { type: 'abort'; id: number };

/** An error as it crosses to the page: a GatewayError's parts, or any other error's message. */
export interface PostedError {
  kind?: GatewayErrorKind | undefined;
  message: string;
  status?: number | undefined;
}

/** The worker to the page. A stream ends with `ended` or `failed`, after its last events. */
export type FromStreamHost =
  | { type: 'ready' }
  | { type: 'events'; id: number; events: TimedStreamEvent[] }
  | { type: 'ended'; id: number }
  | { type: 'failed'; id: number; error: PostedError };

/**
 * The least time between two posts of one stream. The page commits at most
 * every 33 ms (COMMIT_GAP_MS), so holding events up to 8 ms costs a frame
 * rarely, and a stream read every 2 ms reaches the page 4 times less often.
 * The first event and the first token go at once, and the end.
 */
export const POST_GAP_MS = 8;

export interface StreamHostOptions {
  fetch: FetchLike;
  post(message: FromStreamHost): void;
  gapMs?: number;
  now?: () => number;
}

export function postedError(error: unknown): PostedError {
  if (error instanceof GatewayError) return { kind: error.kind, message: error.message, status: error.status };
  return { message: error instanceof Error && error.message ? error.message : 'Something went wrong while streaming the reply.' };
}

export function createStreamHost({ fetch, post, gapMs = POST_GAP_MS, now = arrivalTime }: StreamHostOptions): { receive(message: ToStreamHost): void } {
  const running = new Map<number, AbortController>();

  async function pump(id: number, request: WireChatRequest, headers: Record<string, string> | undefined, controller: AbortController): Promise<void> {
    let pending: TimedStreamEvent[] = [];
    let lastPost = -Infinity;
    let sawToken = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const postNow = (): void => {
      clearTimeout(timer);
      timer = undefined;
      if (pending.length === 0) return;
      post({ type: 'events', id, events: pending });
      pending = [];
      lastPost = now();
    };
    try {
      for await (const event of readChatStream(fetch, request, { signal: controller.signal, headers })) {
        const at = now();
        pending.push({ event, at });
        const firstToken = !sawToken && isToken(event);
        if (isToken(event)) sawToken = true;
        if (firstToken || at - lastPost >= gapMs) postNow();
        else timer ??= setTimeout(postNow, lastPost + gapMs - at);
      }
      postNow();
      post({ type: 'ended', id });
    } catch (error) {
      postNow();
      // The page has stopped this stream itself: it waits for nothing more.
      if (controller.signal.aborted) post({ type: 'ended', id });
      else post({ type: 'failed', id, error: postedError(error) });
    }
  }

  return {
    receive(message) {
      if (message.type === 'abort') {
        running.get(message.id)?.abort(new DOMException('Stopped by the page', 'AbortError'));
        return;
      }
      const controller = new AbortController();
      running.set(message.id, controller);
      void pump(message.id, message.request, message.headers, controller).finally(() => running.delete(message.id));
    },
  };
}
