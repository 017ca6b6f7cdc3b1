// The built-in demo gateway: speaks the Inference Gateway's protocol
// (PROTOCOL.md) with canned replies, real token counts (o200k tokenizer) and
// provider-shaped streams. The app, the unit tests, the e2e tests and the
// benchmark all use this one fake.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeGenerator, encode } from 'gpt-tokenizer';
import { DEMO_MODELS, PROVIDERS, type DemoModel } from './catalog.ts';
import { imagesReply, pickReply } from './replies.ts';

export type StreamOutcome = 'streaming' | 'completed' | 'client-closed' | 'cut' | 'errored';

export interface StreamRecord {
  id: string;
  model: string;
  outcome: StreamOutcome;
  chunksSent: number;
  /** What the request carried, so tests can check the history went back. */
  messages: RequestMessage[];
  /** The request's sampling fields, as sent (absent when not sent). */
  temperature?: unknown;
  max_tokens?: unknown;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

export interface DemoGateway {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Every chat stream this gateway served, newest last (tests read it at GET /demo/streams). */
  readonly streams: StreamRecord[];
}

interface ChatBody {
  model?: unknown;
  messages?: unknown;
  stream?: unknown;
  temperature?: unknown;
  max_tokens?: unknown;
}

// Room for a conversation that sent images: each goes again with every later request (4 of 5 MB are 27 MB as data URLs).
const MAX_BODY = 64 * 1024 * 1024;
const created = Math.floor(Date.UTC(2026, 0, 1) / 1000);

function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, message: string, contentType?: string): void {
  sendJson(res, status, { error: message }, contentType);
}

function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size <= MAX_BODY) parts.push(part);
    });
    req.on('end', () => resolve(size > MAX_BODY ? 'too-large' : Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function wireModel(model: DemoModel, include: Set<string>): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    id: model.id,
    object: 'model',
    created,
    owned_by: model.ownedBy,
    served_by: model.servedBy,
  };
  // The shapes of the gateway's spec (components Pricing and ContextWindow).
  if (include.has('pricing')) {
    wire.pricing = { currency: 'USD', input_per_token: model.pricing.prompt, output_per_token: model.pricing.completion, source: 'provider', updated_at: '2026-01-01T00:00:00Z' };
  }
  if (include.has('context_window')) wire.context_window = { tokens: model.contextWindow, source: 'provider' };
  if (include.has('modalities')) wire.modalities = model.modalities ?? { input: ['text'], output: ['text'] };
  return wire;
}

/** An image a message carried: its media type and size, from its data URL. */
export interface SentImage {
  type: string;
  bytes: number;
}

export interface RequestMessage {
  role: string;
  /** Its text: the content, or its text parts joined. */
  content: string;
  /** The images among its parts, if it had any. */
  images?: SentImage[];
}

const DATA_URL = /^data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/;

/** A message's content: text, or parts of text and images (data URLs, as the app sends them). */
function contentOf(content: unknown): Pick<RequestMessage, 'content' | 'images'> | undefined {
  if (typeof content === 'string') return { content };
  if (!Array.isArray(content)) return undefined;
  const texts: string[] = [];
  const images: SentImage[] = [];
  for (const part of content as unknown[]) {
    const { type, text, image_url: image } = (part ?? {}) as Record<string, unknown>;
    if (type === 'text' && typeof text === 'string') texts.push(text);
    else if (type === 'image_url' && image !== null && typeof image === 'object') {
      const match = DATA_URL.exec(String((image as Record<string, unknown>)['url']));
      if (!match) return undefined;
      const data = match[2]!;
      images.push({ type: match[1]!, bytes: (data.length * 3) / 4 - (data.length - data.replace(/=+$/, '').length) });
    } else return undefined;
  }
  return { content: texts.join('\n'), ...(images.length > 0 ? { images } : {}) };
}

function messagesOf(body: ChatBody): RequestMessage[] | undefined {
  if (!Array.isArray(body.messages)) return undefined;
  const out: RequestMessage[] = [];
  for (const m of body.messages as unknown[]) {
    if (m == null || typeof m !== 'object') return undefined;
    const { role, content } = m as Record<string, unknown>;
    const read = contentOf(content);
    if (typeof role !== 'string' || !read) return undefined;
    out.push({ role, ...read });
  }
  return out;
}

/** What an image costs in the prompt: OpenAI's figure for one at low detail. */
const IMAGE_TOKENS = 85;

/** Prompt tokens the way OpenAI counts chat input: content plus a few per message, and a fixed count per image. */
function countPromptTokens(messages: readonly RequestMessage[]): number {
  return messages.reduce((sum, m) => sum + encode(m.content).length + 4 + IMAGE_TOKENS * (m.images?.length ?? 0), 3);
}

function tokenPieces(text: string): string[] {
  return text ? [...decodeGenerator(encode(text))] : [];
}

function listModels(url: URL, res: ServerResponse): void {
  const provider = url.searchParams.get('provider');
  const include = new Set((url.searchParams.get('include') ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  if (provider !== null && !(PROVIDERS as readonly string[]).includes(provider)) {
    sendError(res, 400, `provider "${provider}" is not supported`);
    return;
  }
  const models = DEMO_MODELS.filter((m) => provider === null || m.servedBy === provider);
  sendJson(res, 200, { object: 'list', data: models.map((m) => wireModel(m, include)) });
}

export interface DemoGatewayOptions {
  /** Multiplies every wait: 0.01 makes a typical reply stream in tens of milliseconds (tests). */
  timeScale?: number;
  /**
   * Named texts a request can ask for with `X-Demo-Fixture: name`, streamed at
   * `X-Demo-Rate` tokens a second from the first millisecond (the benchmark).
   */
  fixtures?: Readonly<Record<string, string>>;
}

/** What `openai/demo-mcp-tools` says and calls before its answer, a completion each (the gateway's MCP mode). */
const MCP_ROUNDS = [
  { text: 'Let me look that up.', call: { id: 'call_demo_1', name: 'web_search', arguments: '{"query": "inference gateway streaming"}' } },
  { text: 'One more source to check:', call: { id: 'call_demo_2', name: 'fetch_page', arguments: '{"url": "https://github.com/inference-gateway/inference-gateway"}' } },
] as const;

/** How long `mistral/demo-stall` goes silent a third of the way into its answer. */
export const STALL_MS = 7000;

export function createDemoGateway({ timeScale = 1, fixtures = {} }: DemoGatewayOptions = {}): DemoGateway {
  const fixturePieces = new Map<string, string[]>();
  const piecesOf = (name: string, text: string): string[] => {
    let pieces = fixturePieces.get(name);
    if (!pieces) fixturePieces.set(name, (pieces = tokenPieces(text)));
    return pieces;
  };
  const streams: StreamRecord[] = [];
  let counter = 0;

  async function chat(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const raw = await readBody(req);
    if (raw === 'too-large') return sendError(res, 413, 'request body too large');
    let body: ChatBody;
    try {
      body = JSON.parse(raw) as ChatBody;
    } catch {
      return sendError(res, 400, 'failed to decode request body');
    }
    if (typeof body.model !== 'string' || body.model === '') return sendError(res, 400, 'model is required');
    if (url.searchParams.has('provider')) {
      return sendError(res, 400, `model "${body.model}" with ?provider= names the provider twice; send the full model id only`);
    }
    const slash = body.model.indexOf('/');
    if (slash <= 0) {
      return sendError(res, 400, `unable to determine provider for model "${body.model}": use the provider/model id from /v1/models`);
    }
    const model = DEMO_MODELS.find((m) => m.id === body.model);
    if (!model) return sendError(res, 404, `model "${body.model}" not found`);
    const messages = messagesOf(body);
    if (!messages || messages.length === 0) return sendError(res, 400, 'messages must be a non-empty list of {role, content}');

    const lastUser = messages.toReversed().find((m) => m.role === 'user');
    if (lastUser?.images && !(model.modalities?.input ?? ['text']).includes('image')) {
      // As a provider without vision answers, passed through by the gateway.
      return sendError(res, 400, `model "${body.model}" does not support image input`);
    }
    const reply = lastUser?.images ? imagesReply(lastUser.images, lastUser.content) : pickReply(lastUser?.content ?? '');
    const upstreamModel = model.id.slice(slash + 1);

    if (model.failure === 'rate-limit') {
      // Upstream JSON wrapped as a string, and labelled as a stream: both real (PROTOCOL.md, Errors).
      const upstream = JSON.stringify({ error: { message: 'Rate limit exceeded: 30 requests per minute. Please retry in 12s.', type: 'rate_limit_error' } });
      return sendError(res, 429, upstream, 'text/event-stream');
    }
    if (model.failure === 'not-chat') {
      // OpenAI's words for a model that has no chat endpoint, passed through by the gateway.
      const upstream = JSON.stringify({ error: { message: 'This is not a chat model and thus not supported in the v1/chat/completions endpoint.', type: 'invalid_request_error' } });
      return sendError(res, 404, upstream);
    }
    if (model.failure === 'timeout') {
      return sendError(res, 400, `Post "http://localhost:11434/v1/chat/completions": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`);
    }

    const fixtureName = req.headers['x-demo-fixture'];
    const fixture = typeof fixtureName === 'string' ? fixtures[fixtureName] : undefined;
    if (typeof fixtureName === 'string' && fixture === undefined) return sendError(res, 400, `no demo fixture named "${fixtureName}"`);
    const rateHeader = Number(req.headers['x-demo-rate']);
    const timing = fixture === undefined ? model.timing : { firstTokenMs: 0, tokensPerSecond: rateHeader > 0 ? rateHeader : 400 };

    // A reply sent back as the last message is one to continue (Continue): the
    // rest of its answer, as a model that takes a prefill goes on; one the
    // demo did not write gets the whole answer, as a model that starts over.
    const last = messages.at(-1);
    const rest = last?.role === 'assistant' && reply.content.startsWith(last.content) ? reply.content.slice(last.content.length) : undefined;
    const reasoningText = model.reasoning === 'none' || fixture !== undefined || rest !== undefined ? '' : reply.reasoning;
    const answer = rest ?? (model.reasoning === 'inline-think' ? `<think>\n${reasoningText}\n</think>\n\n${reply.content}` : reply.content);
    let reasoningPieces = model.reasoning === 'inline-think' ? [] : tokenPieces(reasoningText);
    let contentPieces = fixture !== undefined && typeof fixtureName === 'string' ? piecesOf(fixtureName, fixture) : tokenPieces(answer);
    // A reply longer than max_tokens stops there, with finish_reason "length", as providers do.
    let finishReason = 'stop';
    const maxTokens = typeof body.max_tokens === 'number' && body.max_tokens >= 1 ? Math.floor(body.max_tokens) : undefined;
    if (maxTokens !== undefined && reasoningPieces.length + contentPieces.length > maxTokens) {
      finishReason = 'length';
      reasoningPieces = reasoningPieces.slice(0, maxTokens);
      contentPieces = contentPieces.slice(0, maxTokens - reasoningPieces.length);
    }
    const usage = {
      prompt_tokens: countPromptTokens(messages),
      completion_tokens: reasoningPieces.length + contentPieces.length,
      total_tokens: 0,
    };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;

    if (body.stream !== true) {
      return sendJson(res, 200, {
        id: `chatcmpl-demo-${++counter}`,
        object: 'chat.completion',
        created,
        model: upstreamModel,
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
        usage,
      });
    }

    const record: StreamRecord = { id: `chatcmpl-demo-${++counter}`, model: model.id, outcome: 'streaming', chunksSent: 0, messages, usage };
    if (body.temperature !== undefined) record.temperature = body.temperature;
    if (body.max_tokens !== undefined) record.max_tokens = body.max_tokens;
    streams.push(record);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'X-Demo-Gateway': 'true',
    });
    res.flushHeaders();
    res.socket?.setNoDelay(true);

    const eol = model.lineEnding;
    const frame = (payload: string): string => `${model.dataPrefix}${payload}${eol}${eol}`;
    const chunk = (delta: Record<string, unknown>, finish: string | null = null, withUsage = false): string =>
      frame(
        JSON.stringify({
          id: record.id,
          object: 'chat.completion.chunk',
          created,
          model: upstreamModel,
          choices: [{ index: 0, delta, finish_reason: finish }],
          usage: withUsage ? usage : null,
        }),
      );

    const frames: string[] = [];
    let first = true;
    const role = (): Record<string, unknown> => (first ? ((first = false), { role: 'assistant' }) : {});
    if (model.mcp && fixture === undefined && rest === undefined) {
      for (const { text, call } of MCP_ROUNDS) {
        for (const piece of tokenPieces(text)) frames.push(chunk({ ...role(), content: piece }));
        // Each completion numbers its calls from 0; the arguments come in pieces after the name.
        frames.push(chunk({ tool_calls: [{ index: 0, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
        for (const piece of tokenPieces(call.arguments)) frames.push(chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }));
        frames.push(chunk({}, 'tool_calls'));
      }
    }
    for (const piece of reasoningPieces) {
      if (model.reasoning === 'reasoning_content') frames.push(chunk({ ...role(), content: null, reasoning_content: piece }));
      else frames.push(chunk({ ...role(), content: '', reasoning: piece }));
    }
    for (const piece of contentPieces) {
      if (model.reasoning === 'reasoning_content') frames.push(chunk({ ...role(), content: piece, reasoning_content: null }));
      else frames.push(chunk({ ...role(), content: piece }));
    }
    const tokenFrames = frames.length;
    frames.push(chunk({}, finishReason, model.usage === 'finish-chunk'));
    if (model.usage === 'final-chunk') {
      frames.push(frame(JSON.stringify({ id: record.id, object: 'chat.completion.chunk', created, model: upstreamModel, choices: [], usage })));
    }
    frames.push(frame('[DONE]'));

    // Failures cut in after the reasoning and a third of the answer.
    const failAt = model.failure ? reasoningPieces.length + Math.floor(contentPieces.length / 3) : Infinity;
    // A stall is a silence there, then the rest of the answer, as a provider that hangs for a while.
    let stalled = false;

    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const firstTokenMs = timing.firstTokenMs * timeScale;
    const tokensPerSecond = timing.tokensPerSecond / timeScale;
    let startedAt = Date.now() + firstTokenMs;
    // Scheduled against absolute time, so the rate does not drift with timer jitter.
    const tickMs = Math.min(20, Math.max(2, 1000 / tokensPerSecond));

    res.on('close', () => {
      if (timer) clearTimeout(timer);
      if (record.outcome === 'streaming') record.outcome = 'client-closed';
    });

    const tick = (): void => {
      if (res.destroyed) return;
      const elapsed = Date.now() - startedAt;
      const due = Math.min(frames.length, Math.floor((elapsed * tokensPerSecond) / 1000) + 1);
      // Everything after the last token goes out at once, as providers do.
      const upTo = due >= tokenFrames ? frames.length : due;
      let out = '';
      while (sent < upTo) {
        if (sent === failAt && model.failure === 'stall') {
          if (!stalled) {
            stalled = true;
            if (out) res.write(out);
            record.chunksSent = sent;
            // The clock restarts after the silence, so the rest keeps its rate.
            const silence = STALL_MS * timeScale;
            startedAt += silence;
            timer = setTimeout(tick, silence);
            return;
          }
        } else if (sent === failAt) {
          res.write(out);
          record.chunksSent = sent;
          if (model.failure === 'mid-stream-error') {
            record.outcome = 'errored';
            res.end(frame(JSON.stringify({ error: { message: 'Overloaded: the provider is at capacity, please retry in a moment.', type: 'overloaded_error' } })));
          } else {
            record.outcome = 'cut';
            res.end();
          }
          return;
        }
        out += frames[sent];
        sent++;
        if (model.comments && sent % 25 === 0) out += `: keep-alive${eol}${eol}`;
      }
      if (out) res.write(out);
      record.chunksSent = sent;
      if (sent >= frames.length) {
        record.outcome = 'completed';
        res.end();
        return;
      }
      timer = setTimeout(tick, tickMs);
    };
    timer = setTimeout(tick, firstTokenMs);
  }

  return {
    streams,
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://demo.invalid');
      const path = url.pathname.replace(/\/+$/, '');
      if (req.method === 'GET' && path === '/health') return sendJson(res, 200, { message: 'OK' });
      if (req.method === 'GET' && path === '/v1/models') return listModels(url, res);
      if (req.method === 'POST' && path === '/v1/chat/completions') {
        chat(req, res, url).catch((error: unknown) => {
          if (!res.headersSent) sendError(res, 500, error instanceof Error ? error.message : 'demo gateway failure');
          else res.destroy();
        });
        return;
      }
      if (req.method === 'GET' && path === '/demo/streams') return sendJson(res, 200, streams);
      sendError(res, 404, 'not found');
    },
  };
}

export interface RunningDemoGateway {
  gateway: DemoGateway;
  /** Base URL with `/v1`, as INFERENCE_GATEWAY_URL expects. */
  url: string;
  close(): Promise<void>;
}

export async function startDemoGateway(port = 0, host = '127.0.0.1', options: DemoGatewayOptions = {}): Promise<RunningDemoGateway> {
  const gateway = createDemoGateway(options);
  const server = createServer((req, res) => gateway.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    gateway,
    url: `http://${host}:${address.port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
