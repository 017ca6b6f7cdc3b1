// Runs the demo gateway on its own: `npm run demo-gateway` (PORT, HOST; default 127.0.0.1:8080).
import { startDemoGateway } from './demo-gateway.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const running = await startDemoGateway(port, host);
console.log(`Demo gateway (canned replies, not a real model) listening at ${running.url}`);
const stop = (): void => {
  void running.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
