// TanStack Query options and key factories. Only cacheable reads live here:
// the in-flight reply belongs to the chat reducer and must never refetch.
import { queryOptions } from '@tanstack/react-query';
import type { FetchLike, GatewayClient } from '../gateway/client.ts';
import { fetchAppConfig } from '../gateway/app-config.ts';
import { groupByProvider, toModelInfo } from '../chat/model-catalog.ts';

export const queryKeys = {
  appConfig: ['app-config'] as const,
  models: ['models'] as const,
};

export function appConfigQuery(fetchFn: FetchLike) {
  return queryOptions({
    queryKey: queryKeys.appConfig,
    queryFn: ({ signal }) => fetchAppConfig(fetchFn, signal),
    staleTime: Infinity,
    retry: 1,
  });
}

export function modelsQuery(client: GatewayClient) {
  return queryOptions({
    queryKey: queryKeys.models,
    queryFn: async ({ signal }) => groupByProvider((await client.listModels({ signal })).map(toModelInfo)),
    staleTime: 5 * 60_000,
    retry: 1,
    refetchOnWindowFocus: false,
  });
}
