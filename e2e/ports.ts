const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

const demoGatewayPort = port('E2E_DEMO_GATEWAY_PORT', 41880);
const appPort = port('E2E_APP_PORT', 41300);
const downAppPort = port('E2E_DOWN_APP_PORT', 41301);
const embeddedAppPort = port('E2E_EMBEDDED_APP_PORT', 41302);

export const E2E = {
  demoGatewayPort,
  demoGatewayUrl: `http://127.0.0.1:${demoGatewayPort}`,
  appPort,
  appUrl: `http://127.0.0.1:${appPort}`,
  downAppPort,
  downAppUrl: `http://127.0.0.1:${downAppPort}`,
  embeddedAppPort,
  embeddedAppUrl: `http://127.0.0.1:${embeddedAppPort}`,
};
