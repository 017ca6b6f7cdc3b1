// The app server: serves the built page, hands it runtime defaults, and
// forwards `/v1/*` and `/health` to the gateway with SSE passed through
// unbuffered (http-proxy-middleware over node-http-proxy).
import { existsSync } from 'node:fs';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import express, { type Express } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { parseGatewayUrl, rewritePath } from './gateway-target.ts';

export interface RuntimeConfig {
  provider: string | undefined;
  model: string | undefined;
  /** True when the built-in demo gateway answers instead of a real one. */
  demo: boolean;
  /** The gateway the server forwards to, for display. */
  gatewayUrl: string;
}

export interface AppOptions {
  gatewayUrl: string;
  token: string | undefined;
  config: RuntimeConfig;
  /** Folder of the production build; omitted in tests that only exercise the proxy. */
  staticDir?: string;
}

/**
 * The page asks nothing of any site but its own: its scripts, styles, fonts
 * (some inlined as data: URLs) and workers come from here, it fetches only
 * from here (the gateway through this server), and it shows only its own
 * images and the ones a person attaches (data: and blob: URLs). So an image a
 * reply names is not fetched (a reply a prompt injection steered could put
 * the conversation in its URL), and no injected script or frame can reach
 * out. Inline styles stay allowed: KaTeX's typeset HTML positions its glyphs
 * with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // The bundler inlines KaTeX's smallest fonts as data: URLs.
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function sendJsonError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: message }));
}

export function createApp(options: AppOptions): Express {
  const target = parseGatewayUrl(options.gatewayUrl);
  const app = express();
  app.disable('x-powered-by');

  app.get('/app-config.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(options.config);
  });

  const proxy = createProxyMiddleware<IncomingMessage, ServerResponse>({
    target: target.origin,
    changeOrigin: true,
    pathFilter: (pathname) => pathname === '/health' || pathname === '/v1' || pathname.startsWith('/v1/'),
    pathRewrite: (pathname) => rewritePath(target, pathname),
    // Long generations: never time out the stream on our side.
    proxyTimeout: 0,
    on: {
      proxyReq: (proxyReq: ClientRequest, _req: IncomingMessage, res: ServerResponse) => {
        if (options.token) proxyReq.setHeader('Authorization', `Bearer ${options.token}`);
        // Compression would buffer SSE; ask the gateway for none.
        proxyReq.setHeader('Accept-Encoding', 'identity');
        // node-http-proxy aborts upstream on the request's deprecated 'aborted'
        // event; tie it to the response closing too, so Stop keeps stopping the
        // provider (and its billing) should that event go away.
        res.on('close', () => {
          if (!res.writableFinished) proxyReq.destroy();
        });
      },
      proxyRes: (proxyRes: IncomingMessage) => {
        if (String(proxyRes.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          proxyRes.headers['cache-control'] = 'no-cache, no-transform';
          proxyRes.headers['x-accel-buffering'] = 'no';
        }
      },
      error: (error: Error, _req: IncomingMessage, res: ServerResponse | import('node:net').Socket) => {
        const code = (error as NodeJS.ErrnoException).code ?? error.message;
        if ('writeHead' in res) sendJsonError(res, 502, `Cannot reach the gateway at ${target.apiBase} (${code}).`);
      },
    },
  });
  app.use(proxy);

  if (options.staticDir && existsSync(options.staticDir)) {
    const staticDir = options.staticDir;
    app.use(express.static(staticDir, { index: false, maxAge: '1h', setHeaders: (res, filePath) => filePath.endsWith('.html') && pageHeaders(res) }));
    app.get(/^\/(?!v1\/|health$).*/, (_req, res) => {
      pageHeaders(res);
      res.sendFile(path.join(staticDir, 'index.html'));
    });
  }
  return app;
}

/** A page (index.html, under any route or its own name): checked for a newer build on every load, and held to its origin. */
function pageHeaders(res: ServerResponse): void {
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
}
