// Where the app server forwards: INFERENCE_GATEWAY_URL is the API base with
// `/v1` (as in the gateway's SDK examples); `/health` lives beside it.

export interface GatewayTarget {
  /** The API base as given, e.g. http://localhost:8080/v1 */
  apiBase: string;
  origin: string;
  /** Path prefix that replaces the page's `/v1`, e.g. `/v1` or `/gw/v1`. */
  apiPath: string;
  /** Path of the health check, e.g. `/health` or `/gw/health`. */
  healthPath: string;
}

export function parseGatewayUrl(raw: string): GatewayTarget {
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`INFERENCE_GATEWAY_URL must be an http(s) URL, got "${raw}"`);
  }
  let apiPath = url.pathname.replace(/\/+$/, '');
  if (!apiPath.endsWith('/v1')) apiPath = `${apiPath}/v1`;
  const root = apiPath.slice(0, -'/v1'.length);
  return { apiBase: `${url.origin}${apiPath}`, origin: url.origin, apiPath, healthPath: `${root}/health` };
}

/** Rewrites a page path (`/v1/…` or `/health`) to the gateway's path. */
export function rewritePath(target: GatewayTarget, path: string): string {
  if (path === '/health' || path.startsWith('/health?')) return target.healthPath + path.slice('/health'.length);
  if (path.startsWith('/v1')) return target.apiPath + path.slice('/v1'.length);
  return path;
}
