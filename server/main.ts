// `npm start`: builds the page when there is no build, picks the gateway
// (INFERENCE_GATEWAY_URL, else localhost:8080 if it answers, else the
// built-in demo gateway) and serves the app on HOST:PORT.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { startDemoGateway } from './demo-gateway/demo-gateway.ts';
import { parseGatewayUrl } from './gateway-target.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(root, 'dist');
const DEFAULT_GATEWAY = 'http://localhost:8080/v1';

async function answersHealth(apiBase: string): Promise<boolean> {
  const healthUrl = apiBase.replace(/\/v1\/?$/, '') + '/health';
  try {
    const response = await fetch(healthUrl, { signal: AbortSignal.timeout(1500) });
    return response.ok;
  } catch {
    return false;
  }
}

async function resolveGateway(): Promise<{ url: string; demo: boolean; note: string }> {
  const configured = process.env.INFERENCE_GATEWAY_URL?.trim();
  if (configured && configured !== 'demo') {
    try {
      parseGatewayUrl(configured);
    } catch {
      console.error(`INFERENCE_GATEWAY_URL must be an http(s) URL such as http://localhost:8080/v1, got "${configured}".`);
      process.exit(1);
    }
    return { url: configured, demo: false, note: `Forwarding to the gateway at ${configured}` };
  }
  if (!configured && (await answersHealth(DEFAULT_GATEWAY))) {
    return { url: DEFAULT_GATEWAY, demo: false, note: `Found a gateway at ${DEFAULT_GATEWAY}` };
  }
  const demo = await startDemoGateway(0, '127.0.0.1');
  const why = configured === 'demo' ? 'INFERENCE_GATEWAY_URL=demo' : `nothing answers at ${DEFAULT_GATEWAY} and INFERENCE_GATEWAY_URL is unset`;
  return {
    url: demo.url,
    demo: true,
    note: `Using the built-in DEMO gateway (${why}): canned replies, not a real model. Set INFERENCE_GATEWAY_URL to use a real gateway.`,
  };
}

async function ensureBuild(): Promise<void> {
  if (existsSync(path.join(distDir, 'index.html'))) return;
  console.log('No build found: building the page once (npm run build)…');
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn' });
}

await ensureBuild();
const gateway = await resolveGateway();
const app = createApp({
  gatewayUrl: gateway.url,
  token: process.env.INFERENCE_GATEWAY_TOKEN || undefined,
  staticDir: distDir,
  config: {
    provider: process.env.LLM_PROVIDER || undefined,
    model: process.env.LLM_MODEL || undefined,
    demo: gateway.demo,
    gatewayUrl: gateway.demo ? 'built-in demo gateway' : gateway.url,
  },
});

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);
const server = app.listen(port, host, () => {
  console.log(gateway.note);
  console.log(`Gateway Chat is running at http://${host}:${port}/`);
});
server.on('error', (error) => {
  console.error(`Could not listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
const stop = (): void => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
