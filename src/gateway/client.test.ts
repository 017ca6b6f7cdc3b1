import { describe, expect, it } from 'vitest';
import { createGatewayClient, readChatStream, streamHere, type FetchLike, type StreamEvent } from './client.ts';
import { GatewayError } from './errors.ts';
import { bodyFrom, sseResponse } from './test-streams.ts';
import type { WireChatRequest } from './wire-types.ts';

const request: WireChatRequest = {
  model: 'groq/llama-3.3-70b-versatile',
  messages: [{ role: 'user', content: 'hi' }],
  stream: true,
};

const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}): string =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta, finish_reason: null }], usage: null, ...extra })}\n\n`;
const finish = (reason: string, usage: unknown = null): string =>
  `data: ${JSON.stringify({ id: 'c1', choices: [{ index: 0, delta: {}, finish_reason: reason }], usage })}\n\n`;
const usageChunk = (usage: unknown): string => `data: ${JSON.stringify({ id: 'c1', choices: [], usage })}\n\n`;
const DONE = 'data: [DONE]\n\n';
const USAGE = { prompt_tokens: 34, completion_tokens: 682, total_tokens: 716 };

/** The models list as the app asks for it; a chat stream read event by event, as the worker reads it. */
function clientOver(fetch: FetchLike) {
  const { listModels } = createGatewayClient({ fetch, streamChat: streamHere(fetch) });
  return { listModels, streamChat: (body: typeof request, options?: { signal?: AbortSignal }) => readChatStream(fetch, body, options) };
}

function clientFor(response: Response | ((url: string) => Promise<Response>)) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const client = clientOver(async (url, init) => {
    calls.push({ url, init });
    return typeof response === 'function' ? response(url) : response;
  });
  return { client, calls };
}

async function events(response: Response, signal?: AbortSignal): Promise<StreamEvent[]> {
  const { client } = clientFor(response);
  const out: StreamEvent[] = [];
  for await (const event of client.streamChat(request, signal ? { signal } : {})) out.push(event);
  return out;
}

async function failure(response: Response): Promise<GatewayError> {
  const error = await events(response).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

const text = (list: StreamEvent[], type: 'delta' | 'reasoning'): string =>
  list.flatMap((e) => (e.type === type ? [e.text] : [])).join('');

describe('streamChat', () => {
  it('posts the model id unchanged, streaming, without ?provider=', async () => {
    const { client, calls } = clientFor(sseResponse([DONE]));
    for await (const event of client.streamChat(request)) void event;
    expect(calls[0]?.url).toBe('/v1/chat/completions');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual(request);
    expect(calls[0]?.init?.method).toBe('POST');
  });

  it('yields content, finish, usage from a final empty-choices chunk, then done', async () => {
    const list = await events(sseResponse([chunk({ role: 'assistant', content: 'Go' }), chunk({ content: 'routines' }), finish('stop'), usageChunk(USAGE), DONE]));
    expect(list).toEqual([
      { type: 'delta', text: 'Go' },
      { type: 'delta', text: 'routines' },
      { type: 'finish', reason: 'stop' },
      { type: 'usage', usage: { promptTokens: 34, completionTokens: 682, totalTokens: 716 } },
      { type: 'done' },
    ]);
  });

  it('takes usage attached to the finish chunk (Anthropic, Mistral)', async () => {
    const list = await events(sseResponse([chunk({ content: 'Hi' }), finish('stop', USAGE), DONE]));
    expect(list.filter((e) => e.type === 'usage')).toEqual([{ type: 'usage', usage: { promptTokens: 34, completionTokens: 682, totalTokens: 716 } }]);
  });

  it('reports no usage when the provider sends none', async () => {
    const list = await events(sseResponse([chunk({ content: 'Hi' }), finish('stop'), DONE]));
    expect(list.some((e) => e.type === 'usage')).toBe(false);
    expect(list.at(-1)).toEqual({ type: 'done' });
  });

  it('ignores empty, null and absent content', async () => {
    const list = await events(sseResponse([chunk({ content: '' }), chunk({ content: null }), chunk({}), chunk({ content: 'x' }), DONE]));
    expect(list).toEqual([{ type: 'delta', text: 'x' }, { type: 'done' }]);
  });

  it('reads reasoning_content with an explicit null reasoning key, never the text "null"', async () => {
    const list = await events(
      sseResponse([chunk({ content: null, reasoning_content: 'Think', reasoning: null }), chunk({ content: 'Answer', reasoning_content: null, reasoning: null }), DONE]),
    );
    expect(text(list, 'reasoning')).toBe('Think');
    expect(text(list, 'delta')).toBe('Answer');
  });

  it('reads the reasoning key (Ollama, Groq)', async () => {
    const list = await events(sseResponse([chunk({ content: '', reasoning: 'Hmm' }), chunk({ content: 'Yes' }), DONE]));
    expect(text(list, 'reasoning')).toBe('Hmm');
    expect(text(list, 'delta')).toBe('Yes');
  });

  it('splits inline <think> reasoning out of content', async () => {
    const list = await events(sseResponse([chunk({ content: '<thi' }), chunk({ content: 'nk>plan</th' }), chunk({ content: 'ink>\n\nDone' }), DONE]));
    expect(text(list, 'reasoning')).toBe('plan');
    expect(text(list, 'delta').trim()).toBe('Done');
  });

  it('assembles tool-call pieces keyed by index and keeps going after a tool_calls finish (MCP mode)', async () => {
    const list = await events(
      sseResponse([
        chunk({ tool_calls: [{ index: 0, id: 't1', function: { name: 'search', arguments: '{"q":' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '"go"}' } }] }),
        finish('tool_calls'),
        chunk({ content: 'Found it.' }),
        finish('stop'),
        DONE,
      ]),
    );
    expect(list.filter((e) => e.type === 'toolCall')).toEqual([
      { type: 'toolCall', piece: { index: 0, id: 't1', name: 'search', arguments: '{"q":' } },
      { type: 'toolCall', piece: { index: 0, arguments: '"go"}' } },
    ]);
    expect(text(list, 'delta')).toBe('Found it.');
    expect(list.at(-1)).toEqual({ type: 'done' });
  });

  it('reads an MCP stream of several completions as one reply: each completion a paragraph, its tool calls numbered on', async () => {
    const list = await events(
      sseResponse([
        chunk({ content: 'Let me look.' }),
        chunk({ tool_calls: [{ index: 0, id: 't1', function: { name: 'search', arguments: '{}' } }] }),
        finish('tool_calls'),
        // The next completion numbers its calls from 0 again.
        chunk({ content: 'One more source:\n' }),
        chunk({ tool_calls: [{ index: 0, id: 't2', function: { name: 'fetch', arguments: '{"url":' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '"a"}' } }, { index: 1, id: 't3', function: { name: 'read', arguments: '{}' } }] }),
        finish('tool_calls'),
        chunk({ content: 'Found' }),
        chunk({ content: ' it.' }),
        finish('stop'),
        DONE,
      ]),
    );
    expect(text(list, 'delta')).toBe('Let me look.\n\nOne more source:\n\nFound it.');
    expect(list.filter((e) => e.type === 'toolCall').map((e) => (e.type === 'toolCall' ? e.piece : undefined))).toEqual([
      { index: 0, id: 't1', name: 'search', arguments: '{}' },
      { index: 1, id: 't2', name: 'fetch', arguments: '{"url":' },
      { index: 1, arguments: '"a"}' },
      { index: 2, id: 't3', name: 'read', arguments: '{}' },
    ]);
    expect(list.at(-1)).toEqual({ type: 'done' });
  });

  it('treats a body that ends without [DONE] as interrupted, never as success', async () => {
    const list = await events(sseResponse([chunk({ content: 'Half an ans' })]));
    expect(list).toEqual([{ type: 'delta', text: 'Half an ans' }, { type: 'interrupted' }]);
  });

  it('treats a connection that errors mid-body as interrupted', async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(new TextEncoder().encode(chunk({ content: 'partial' })));
        } else controller.error(new TypeError('network error'));
      },
    });
    const list = await events(new Response(body, { status: 200 }));
    expect(list).toEqual([{ type: 'delta', text: 'partial' }, { type: 'interrupted' }]);
  });

  it('throws the provider message from a mid-stream error chunk, object or string', async () => {
    const object = await failure(sseResponse([chunk({ content: 'Hi' }), 'data: {"error":{"message":"Overloaded","type":"overloaded_error"}}\n\n']));
    expect(object.kind).toBe('upstream');
    expect(object.message).toBe('Overloaded');
    const string = await failure(sseResponse(['data: {"error":"upstream went away"}\n\n']));
    expect(string.message).toBe('upstream went away');
  });

  it('checks the status before reading SSE, and unwraps double-encoded upstream errors', async () => {
    const error = await failure(
      sseResponse(['{"error":"{\\"error\\":{\\"message\\":\\"Rate limit exceeded\\"}}"}'], { status: 429 }),
    );
    expect(error.kind).toBe('http');
    expect(error.status).toBe(429);
    expect(error.message).toBe('Rate limit exceeded');
  });

  it.each([
    [400, '{"error":"Post \\"http://localhost:11434/v1/chat/completions\\": context deadline exceeded"}', 'Post "http://localhost:11434/v1/chat/completions": context deadline exceeded'],
    [401, '{"error":"unauthorized"}', 'unauthorized'],
    [413, '', 'The conversation is too large for the gateway'],
    [502, '<html>Bad gateway</html>', 'The gateway could not reach its provider'],
    [500, 'plain words', 'plain words'],
  ])('turns a %i answer into words', async (status, body, message) => {
    const error = await failure(new Response(body, { status }));
    expect(error.message).toBe(message);
  });

  it('reports a fetch that cannot connect as a network error', async () => {
    const client = clientOver(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await client
      .streamChat(request)
      .next()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).kind).toBe('network');
  });

  it('raises the abort, not an interruption, when the caller aborts mid-stream', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(chunk({ content: 'one' })));
      },
    });
    const { client } = clientFor(new Response(body, { status: 200 }));
    const seen: StreamEvent[] = [];
    const outcome = (async () => {
      for await (const event of client.streamChat(request, { signal: controller.signal })) {
        seen.push(event);
        controller.abort(new DOMException('Stopped', 'AbortError'));
      }
    })();
    await expect(outcome).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([{ type: 'delta', text: 'one' }]);
  });

  it('tolerates data lines not separated by blank lines (one folded event)', async () => {
    const folded = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'a' } }] })}\ndata: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'b' } }] })}\n\n`;
    expect(text(await events(sseResponse([folded, DONE])), 'delta')).toBe('ab');
  });

  it('reports the routed provider and model from the gateway headers', async () => {
    const list = await events(
      new Response(bodyFrom([DONE]), { status: 200, headers: { 'X-Selected-Provider': 'groq', 'X-Selected-Model': 'llama-3.3-70b-versatile' } }),
    );
    expect(list[0]).toEqual({ type: 'routed', provider: 'groq', model: 'llama-3.3-70b-versatile' });
  });
});

const rejected = (): Response => new Response('{"error":"Unsupported include value: \'modalities\'"}', { status: 400 });
const listed = (): Response => new Response(JSON.stringify({ object: 'list', data: [{ id: 'groq/a' }] }), { status: 200 });

describe('listModels', () => {
  it('returns the models, dropping entries without an id', async () => {
    const { client, calls } = clientFor(
      new Response(JSON.stringify({ object: 'list', data: [{ id: 'groq/a', served_by: 'groq' }, { object: 'model' }] }), { status: 200 }),
    );
    expect(await client.listModels()).toEqual([{ id: 'groq/a', served_by: 'groq' }]);
    expect(calls.map((c) => c.url)).toEqual(['/v1/models?include=pricing,context_window,modalities']);
  });

  it('asks with less metadata, then none, while the gateway rejects the include parameter', async () => {
    const older = clientFor(async (url) => (url.includes('modalities') ? rejected() : listed()));
    expect(await older.client.listModels()).toEqual([{ id: 'groq/a' }]);
    expect(older.calls.map((c) => c.url)).toEqual(['/v1/models?include=pricing,context_window,modalities', '/v1/models?include=pricing,context_window']);
    const oldest = clientFor(async (url) => (url.includes('include') ? rejected() : listed()));
    expect(await oldest.client.listModels()).toEqual([{ id: 'groq/a' }]);
    expect(oldest.calls.map((c) => c.url)).toEqual([
      '/v1/models?include=pricing,context_window,modalities',
      '/v1/models?include=pricing,context_window',
      '/v1/models',
    ]);
  });

  it('gives up with the gateway’s words when even the bare list is rejected', async () => {
    const { client, calls } = clientFor(async () => new Response('{"error":"bad request"}', { status: 400 }));
    await expect(client.listModels()).rejects.toThrow('bad request');
    expect(calls).toHaveLength(3);
  });

  it('accepts an empty list (every provider failed and was dropped)', async () => {
    const { client } = clientFor(new Response('{"object":"list","data":[]}', { status: 200 }));
    expect(await client.listModels()).toEqual([]);
  });

  it('throws the gateway message for an error status', async () => {
    const { client } = clientFor(new Response('{"error":"Cannot reach the gateway at http://x/v1 (ECONNREFUSED)."}', { status: 502 }));
    await expect(client.listModels()).rejects.toThrow('Cannot reach the gateway at http://x/v1 (ECONNREFUSED).');
  });
});
