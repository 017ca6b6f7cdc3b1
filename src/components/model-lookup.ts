// The gateway's facts about a model by its id (prices, context window),
// for the parts of the page that show a reply's cost and context use.
import { createContext } from 'react';
import type { ModelInfo } from '../chat/model-catalog.ts';

export type ModelLookup = (id: string) => ModelInfo | undefined;

export const ModelLookupContext = createContext<ModelLookup>(() => undefined);
