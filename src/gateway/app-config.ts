// Reads the runtime defaults the app server hands the page (no rebuild needed to change them).
import { GatewayError } from './errors.ts';
import type { FetchLike } from './client.ts';

export interface AppConfig {
  provider: string | undefined;
  model: string | undefined;
  demo: boolean;
  gatewayUrl: string;
}

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

export async function fetchAppConfig(fetchFn: FetchLike, signal?: AbortSignal): Promise<AppConfig> {
  const response = await fetchFn('/app-config.json', signal ? { signal } : {});
  if (!response.ok) throw new GatewayError('http', `The app server answered ${response.status} for its configuration.`, response.status);
  const raw = (await response.json()) as Record<string, unknown>;
  return {
    provider: optionalString(raw.provider),
    model: optionalString(raw.model),
    demo: raw.demo === true,
    gatewayUrl: optionalString(raw.gatewayUrl) ?? 'the gateway',
  };
}
