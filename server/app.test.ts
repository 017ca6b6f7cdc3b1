import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MODELS_PATH } from '../src/gateway/client.ts';
import { CONTENT_SECURITY_POLICY, createApp } from './app.ts';
import { startDemoGateway } from './demo-gateway/demo-gateway.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startApp(gatewayUrl: string, token?: string): Promise<string> {
  const app = createApp({
    gatewayUrl,
    token,
    config: { provider: 'groq', model: undefined, demo: false, gatewayUrl },
  });
  return listen((req, res) => app(req, res));
}

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('app server proxy', () => {
  it('passes SSE events through one by one, before the upstream sends the next', async () => {
    // The upstream sends event N+1 only after the test has read event N through
    // the proxy: a buffering proxy would deadlock here and the test would time out.
    const acks = [deferred(), deferred(), deferred()];
    const upstream = await listen(async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      for (let i = 0; i < acks.length; i++) {
        res.write(`data: {"n":${i}}\n\n`);
        await acks[i]!.promise;
      }
      res.end('data: [DONE]\n\n');
    });
    const app = await startApp(`${upstream}/v1`);
    const response = await fetch(`${app}/v1/chat/completions`, { method: 'POST', body: '{}' });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('content-encoding')).toBeNull();
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    for (let i = 0; i < acks.length; i++) {
      while (!text.includes(`{"n":${i}}`)) {
        const { value, done } = await reader.read();
        expect(done).toBe(false);
        text += value;
      }
      expect(text).not.toContain(`{"n":${i + 1}}`);
      acks[i]!.resolve();
    }
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    expect(text).toContain('[DONE]');
  });

  it('closes the upstream request when the browser aborts', async () => {
    const upstreamClosed = deferred();
    const firstEventSent = deferred();
    const upstream = await listen((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('data: {"n":0}\n\n');
      firstEventSent.resolve();
      res.on('close', () => upstreamClosed.resolve());
      void req;
    });
    const app = await startApp(`${upstream}/v1`);
    const controller = new AbortController();
    const response = await fetch(`${app}/v1/chat/completions`, { method: 'POST', body: '{"model":"x"}', signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    await firstEventSent.promise;
    controller.abort();
    await expect(upstreamClosed.promise).resolves.toBeUndefined();
  });

  it('adds the bearer token and maps /health and /v1 under a base path', async () => {
    const seen: Array<{ url: string | undefined; auth: string | undefined }> = [];
    const upstream = await listen((req, res) => {
      seen.push({ url: req.url, auth: req.headers.authorization });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"message":"OK"}');
    });
    const app = await startApp(`${upstream}/gateway/v1`, 'sekret');
    await fetch(`${app}/health`);
    await fetch(`${app}/v1/models?provider=groq`);
    expect(seen).toEqual([
      { url: '/gateway/health', auth: 'Bearer sekret' },
      { url: '/gateway/v1/models?provider=groq', auth: 'Bearer sekret' },
    ]);
  });

  it('answers a gateway that is down with a 502 whose error names it', async () => {
    const closed = await listen(() => undefined);
    const deadUrl = closed;
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    const app = await startApp(`${deadUrl}/v1`);
    const response = await fetch(`${app}/v1/models`);
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: string };
    expect(body.error).toContain(`Cannot reach the gateway at ${deadUrl}/v1`);
  });

  it('serves the runtime config the page reads', async () => {
    const app = await startApp('http://127.0.0.1:9/v1');
    const config = await (await fetch(`${app}/app-config.json`)).json();
    expect(config).toEqual({ provider: 'groq', demo: false, gatewayUrl: 'http://127.0.0.1:9/v1' });
  });

  it('streams a demo reply through the proxy with the usage the demo gateway counted', async () => {
    const demo = await startDemoGateway();
    try {
      const app = await startApp(demo.url);
      const response = await fetch(`${app}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: 'groq/llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'hello' }], stream: true }),
      });
      const text = await response.text();
      expect(text.endsWith('data: [DONE]\r\n\r\n')).toBe(true);
      expect(text).toMatch(/"usage":\{"prompt_tokens":\d+,"completion_tokens":\d+,"total_tokens":\d+\}/);
      expect(demo.gateway.streams.at(-1)?.outcome).toBe('completed');
    } finally {
      await demo.close();
    }
  });
});

describe('the page', () => {
  it('is served with a Content-Security-Policy that lets it reach only its own origin, at / and under any route', async () => {
    const staticDir = mkdtempSync(path.join(tmpdir(), 'gateway-chat-page-'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>page</title>');
    writeFileSync(path.join(staticDir, 'app.js'), '');
    const app = createApp({ gatewayUrl: 'http://127.0.0.1:9/v1', token: undefined, config: { provider: undefined, model: undefined, demo: false, gatewayUrl: 'x' }, staticDir });
    const base = await listen((req, res) => app(req, res));
    for (const route of ['/', '/c/abc', '/compare?lanes=a/b', '/index.html']) {
      const response = await fetch(`${base}${route}`);
      expect(await response.text()).toContain('<title>page</title>');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
    // Images only its own and attached ones; fetches only to itself; no plugins, frames of it elsewhere, or base rewriting.
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    // A script is not a page: no policy on it.
    expect((await fetch(`${base}/app.js`)).headers.get('content-security-policy')).toBeNull();
  });
});

describe('index.html', () => {
  it('preloads the models URL the page’s client asks for, so the page makes that request once', () => {
    const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
    expect(html).toContain(`<link rel="preload" href="${MODELS_PATH}" as="fetch"`);
  });
});
