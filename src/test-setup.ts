// Unit tests render streaming replies at once: the tail repair they need is
// loaded apart from the entry script in the app, so load it before any test.
import { loadDeferredParts } from './markdown/deferred-parts.ts';

await loadDeferredParts();
