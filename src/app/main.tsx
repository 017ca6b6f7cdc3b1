// The composition root: the only place that picks implementations.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createGatewayClient, type FetchLike } from '../gateway/client.ts';
import { createWorkerStreamer } from '../gateway/worker-streamer.ts';
import { preloadHighlighterWhenIdle } from '../markdown/highlight.ts';
import { loadDeferredParts } from '../markdown/deferred-parts.ts';
import { openConversationStore } from '../storage/conversation-store.ts';
import { webDraftStore } from '../storage/draft-store.ts';
import { webSettingsStore } from '../storage/settings-store.ts';
import { appConfigQuery, modelsQuery } from '../queries/queries.ts';
import { ChatApp } from './chat-app.tsx';
import './index.css';

// The SDK's classic bug: calling an unbound window.fetch throws "Illegal invocation".
const boundFetch: FetchLike = (input, init) => window.fetch(input, init);
// Replies are read in a worker of their own, off the page's main thread.
const streamer = createWorkerStreamer(() => new Worker(new URL('../gateway/stream.worker.ts', import.meta.url), { type: 'module' }));
const client = createGatewayClient({ fetch: boundFetch, streamChat: streamer.streamChat });
const queryClient = new QueryClient();
const store = openConversationStore();
const settingsStore = webSettingsStore();
const draftStore = webDraftStore();

// Asked for before the first render, not from its effects: on a slow machine
// that render is a few hundred milliseconds the requests need not wait for.
void queryClient.prefetchQuery(appConfigQuery(boundFetch));
void queryClient.prefetchQuery(modelsQuery(client));
// A streaming reply's tail repair and the math syntax, outside the entry script: in long before a reply can start.
void loadDeferredParts().catch(() => undefined);
// The worker that reads replies too: a send waits for it, and says so in words if it cannot load.
void streamer.warm();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ChatApp client={client} fetch={boundFetch} store={store} settingsStore={settingsStore} draftStore={draftStore} />
    </QueryClientProvider>
  </StrictMode>,
);
preloadHighlighterWhenIdle();
// Runs only while the page is idle, so it need not be in the entry script.
void import('./warm-up.tsx').then((module) => module.warmUpRenderer()).catch(() => undefined);
