// The gateway client: lists models and streams chat completions over the
// app's own origin. Owns HTTP status handling, SSE decoding and the mapping
// from provider-specific chunk shapes to a small set of typed events.
import { GatewayError, messageFromErrorBody, messageFromErrorPayload } from './errors.ts';
import { readSseData } from './sse.ts';
import { ThinkSplitter } from './think-splitter.ts';
import type { WireChatChunk, WireChatRequest, WireModel, WireModelList, WireUsage } from './wire-types.ts';

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface ToolCallPiece {
  index: number;
  id?: string;
  name?: string;
  arguments?: string;
}

export type StreamEvent =
  | { type: 'delta'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'toolCall'; piece: ToolCallPiece }
  | { type: 'usage'; usage: TokenUsage }
  | { type: 'finish'; reason: string }
  | { type: 'routed'; provider: string | undefined; model: string | undefined }
  /** `[DONE]` arrived: the stream ended normally. */
  | { type: 'done' }
  /** The body ended without `[DONE]`: a cut connection, never a success. */
  | { type: 'interrupted' };

/** A piece of the reply itself: text, reasoning or a tool call's part. */
export function isToken(event: StreamEvent): boolean {
  return event.type === 'delta' || event.type === 'reasoning' || event.type === 'toolCall';
}

/** The stream's last word: it ended ([DONE]) or was cut. */
export function isStreamEnd(event: StreamEvent): boolean {
  return event.type === 'done' || event.type === 'interrupted';
}

/** A stream event and when it arrived: `performance.timeOrigin + performance.now()` where it was read. */
export interface TimedStreamEvent {
  event: StreamEvent;
  at: number;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Streams one chat completion as batches of events in arrival order, each
 * stamped where its bytes were read. Throws GatewayError for the gateway's
 * errors, and the signal's reason once it aborts.
 */
export type ChatStreamer = (request: WireChatRequest, options?: { signal?: AbortSignal }) => AsyncGenerator<TimedStreamEvent[], void, undefined>;

export interface GatewayClientOptions {
  fetch: FetchLike;
  /** Prefix for the model list's path; '' means the page's own origin. */
  baseUrl?: string;
  /** How replies are read: in a worker in the app (worker-streamer.ts), here in tests. */
  streamChat: ChatStreamer;
}

export interface GatewayClient {
  listModels(options?: { signal?: AbortSignal }): Promise<WireModel[]>;
  streamChat: ChatStreamer;
}

export const arrivalTime = (): number => performance.timeOrigin + performance.now();

function toUsage(wire: WireUsage): TokenUsage {
  return {
    promptTokens: wire.prompt_tokens,
    completionTokens: wire.completion_tokens,
    totalTokens: wire.total_tokens,
  };
}

function isUsage(value: unknown): value is WireUsage {
  if (value == null || typeof value !== 'object') return false;
  const u = value as Record<string, unknown>;
  return typeof u.prompt_tokens === 'number' && typeof u.completion_tokens === 'number' && typeof u.total_tokens === 'number';
}

/** Parses one SSE data payload; tolerates several `data:` lines folded into one event. */
function parseChunks(data: string): WireChatChunk[] {
  try {
    return [JSON.parse(data) as WireChatChunk];
  } catch {
    const lines = data.split('\n').filter((line) => line.trim().length > 0);
    if (lines.length > 1) {
      try {
        return lines.map((line) => JSON.parse(line) as WireChatChunk);
      } catch {
        // fall through to the protocol error below
      }
    }
    throw new GatewayError('protocol', `The gateway sent a chunk that is not JSON: ${data.slice(0, 120)}`);
  }
}

async function fetchOrThrow(fetchFn: FetchLike, url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new GatewayError('network', 'Cannot reach the app server. Check that it is running.');
  }
  if (!response.ok) {
    // A pre-stream error can come back labelled text/event-stream: read it as a body anyway.
    const body = await response.text().catch(() => '');
    throw new GatewayError('http', messageFromErrorBody(body, response.status), response.status);
  }
  return response;
}

/** The model list with its metadata; index.html preloads this same URL. */
export const MODELS_PATH = '/v1/models?include=pricing,context_window,modalities';
/**
 * Asked for in turn when the gateway rejects the one before (400): a gateway
 * from before `modalities` may know the other two.
 */
const MODELS_FALLBACKS = ['/v1/models?include=pricing,context_window', '/v1/models'];

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const base = options.baseUrl ?? '';
  const fetchFn = options.fetch;

  return {
    async listModels({ signal } = {}) {
      const init: RequestInit = signal ? { signal } : {};
      // Prices, context windows and modalities where the gateway knows them.
      // A gateway that rejects the parameter (400) is asked with less.
      let response: Response | undefined;
      for (const path of [MODELS_PATH, ...MODELS_FALLBACKS]) {
        try {
          response = await fetchOrThrow(fetchFn, `${base}${path}`, init);
          break;
        } catch (error) {
          if (!(error instanceof GatewayError && error.status === 400) || path === MODELS_FALLBACKS.at(-1)) throw error;
        }
      }
      if (!response) throw new GatewayError('protocol', 'The gateway sent no model list.');
      const body = (await response.json()) as Partial<WireModelList>;
      if (!Array.isArray(body.data)) throw new GatewayError('protocol', 'The gateway sent a model list without data.');
      return body.data.filter((m): m is WireModel => typeof m?.id === 'string');
    },
    streamChat: options.streamChat,
  };
}

/** A new completion's first text: the break that makes it a paragraph of its own after `end`, the text before it (its last characters). */
function paragraphBreak(end: string): string {
  if (end === '' || end.endsWith('\n\n')) return '';
  return end.endsWith('\n') ? '\n' : '\n\n';
}

/**
 * Reads one chat completion here, event by event: the HTTP status, SSE
 * framing, the chunk shapes of every provider, `<think>` splitting. The app
 * runs it in a worker (stream-host.ts); tests run it directly.
 */
export async function* readChatStream(
  fetchFn: FetchLike,
  request: WireChatRequest,
  { signal, baseUrl = '', headers }: { signal?: AbortSignal | undefined; baseUrl?: string; headers?: Record<string, string> | undefined } = {},
): AsyncGenerator<StreamEvent, void, undefined> {
  const init: RequestInit = {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify(request),
  };
  if (signal) init.signal = signal;
  const response = await fetchOrThrow(fetchFn, `${baseUrl}/v1/chat/completions`, init);
  const routedProvider = response.headers.get('X-Selected-Provider') ?? undefined;
  const routedModel = response.headers.get('X-Selected-Model') ?? undefined;
  if (routedProvider || routedModel) yield { type: 'routed', provider: routedProvider, model: routedModel };
  if (!response.body) throw new GatewayError('protocol', 'The gateway answered without a body.');

  // With the gateway's MCP mode on, one stream holds several completions
  // back to back: a `tool_calls` finish, then the next completion (PROTOCOL.md).
  // Read as one reply, each completion's text starts a paragraph of its own
  // (they would run together: "Let me look.The answer…"), and its tool calls,
  // numbered from 0 again, are numbered on after the ones before.
  const rounds = { toolIndexBase: 0, roundIndexes: 0, contentOpen: false, reasoningOpen: false, contentEnd: '', reasoningEnd: '' };
  function* text(type: 'delta' | 'reasoning', piece: string): Generator<StreamEvent> {
    const open = type === 'delta' ? 'contentOpen' : 'reasoningOpen';
    const end = type === 'delta' ? 'contentEnd' : 'reasoningEnd';
    const lead = rounds[open] ? '' : paragraphBreak(rounds[end]);
    rounds[open] = true;
    const whole = lead + piece;
    rounds[end] = (rounds[end] + whole).slice(-2);
    yield { type, text: whole };
  }
  function endRound(): void {
    rounds.toolIndexBase += rounds.roundIndexes;
    rounds.roundIndexes = 0;
    rounds.contentOpen = false;
    rounds.reasoningOpen = false;
  }

  const think = new ThinkSplitter();
  function* splitContent(piece: string): Generator<StreamEvent> {
    const part = think.push(piece);
    if (part.reasoning) yield* text('reasoning', part.reasoning);
    if (part.content) yield* text('delta', part.content);
  }
  function* flushThink(): Generator<StreamEvent> {
    const rest = think.flush();
    if (rest.reasoning) yield* text('reasoning', rest.reasoning);
    if (rest.content) yield* text('delta', rest.content);
  }

  try {
    for await (const data of readSseData(response.body, signal)) {
      if (data.trim() === '[DONE]') {
        yield* flushThink();
        yield { type: 'done' };
        return;
      }
      for (const chunk of parseChunks(data)) {
        if (chunk.error != null) {
          throw new GatewayError('upstream', messageFromErrorPayload(chunk.error) ?? 'The provider reported an error mid-stream.');
        }
        for (const choice of chunk.choices ?? []) {
          if (choice.index !== 0 && choice.index !== undefined) continue;
          const delta = choice.delta ?? {};
          // Either key may be present with an explicit null: only strings count.
          const reasoning = typeof delta.reasoning_content === 'string' ? delta.reasoning_content : delta.reasoning;
          if (typeof reasoning === 'string' && reasoning.length > 0) yield* text('reasoning', reasoning);
          if (typeof delta.content === 'string' && delta.content.length > 0) yield* splitContent(delta.content);
          for (const call of delta.tool_calls ?? []) {
            rounds.roundIndexes = Math.max(rounds.roundIndexes, call.index + 1);
            const piece: ToolCallPiece = { index: rounds.toolIndexBase + call.index };
            if (call.id) piece.id = call.id;
            if (call.function?.name) piece.name = call.function.name;
            if (call.function?.arguments) piece.arguments = call.function.arguments;
            yield { type: 'toolCall', piece };
          }
          if (choice.finish_reason) {
            yield { type: 'finish', reason: choice.finish_reason };
            if (choice.finish_reason === 'tool_calls') endRound();
          }
        }
        if (isUsage(chunk.usage)) yield { type: 'usage', usage: toUsage(chunk.usage) };
      }
    }
  } catch (error) {
    // A connection dropped mid-body surfaces as a read error: that is an
    // interrupted reply, not a gateway error (PROTOCOL.md, Errors).
    if (error instanceof GatewayError || signal?.aborted) throw error;
  }
  // Cancelling the reader on abort ends the loop quietly: report it as the abort it was.
  signal?.throwIfAborted();
  yield* flushThink();
  yield { type: 'interrupted' };
}

/**
 * A ChatStreamer that reads on the calling thread, one event a batch, stamped
 * as it is read. For tests and tools; the app reads in a worker.
 */
export function streamHere(fetchFn: FetchLike, baseUrl = ''): ChatStreamer {
  return async function* (request, { signal } = {}) {
    for await (const event of readChatStream(fetchFn, request, { signal, baseUrl })) yield [{ event, at: arrivalTime() }];
  };
}
