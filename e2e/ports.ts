const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

// Below Linux's ephemeral range (32768–60999): a port in it can be taken by an
// outgoing connection, and Playwright's own health poll once connected
// 127.0.0.1:41300 to itself, leaving a TIME_WAIT socket that kept the app
// server from listening there for a minute.
const demoGatewayPort = port('E2E_DEMO_GATEWAY_PORT', 31880);
const appPort = port('E2E_APP_PORT', 31300);
const downAppPort = port('E2E_DOWN_APP_PORT', 31301);
const embeddedAppPort = port('E2E_EMBEDDED_APP_PORT', 31302);

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
