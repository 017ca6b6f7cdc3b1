import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './e2e/browser.ts';
import { E2E } from './e2e/ports.ts';

// The page talks to the app server, which forwards to a demo gateway over
// real HTTP (route.fulfill cannot stream). Three app servers: one in front of
// a standalone demo gateway the tests can inspect, one in front of a gateway
// that is down, one serving the embedded demo gateway.
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: E2E.appUrl,
    ...devices['Desktop Chrome'],
    launchOptions: launchOptions(),
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: `npx tsx server/demo-gateway/main.ts`,
      url: `${E2E.demoGatewayUrl}/health`,
      env: { PORT: String(E2E.demoGatewayPort), HOST: '127.0.0.1' },
      reuseExistingServer: false,
    },
    {
      command: `npx tsx server/main.ts`,
      url: `${E2E.appUrl}/app-config.json`,
      env: {
        PORT: String(E2E.appPort),
        HOST: '127.0.0.1',
        INFERENCE_GATEWAY_URL: `${E2E.demoGatewayUrl}/v1`,
        LLM_PROVIDER: 'openai',
        LLM_MODEL: 'gpt-4o-mini',
      },
      reuseExistingServer: false,
    },
    {
      command: `npx tsx server/main.ts`,
      url: `${E2E.downAppUrl}/app-config.json`,
      env: { PORT: String(E2E.downAppPort), HOST: '127.0.0.1', INFERENCE_GATEWAY_URL: 'http://127.0.0.1:9/v1' },
      reuseExistingServer: false,
    },
    {
      command: `npx tsx server/main.ts`,
      url: `${E2E.embeddedAppUrl}/app-config.json`,
      env: { PORT: String(E2E.embeddedAppPort), HOST: '127.0.0.1', INFERENCE_GATEWAY_URL: 'demo' },
      reuseExistingServer: false,
    },
  ],
});
