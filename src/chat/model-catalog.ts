import type { WireModel, WirePricing } from '../gateway/wire-types.ts';

/** What a model's tokens cost, per token, in `currency` (the gateway's `include=pricing`). */
export interface ModelPricing {
  currency: string;
  inputPerToken: number;
  outputPerToken: number;
}

export interface ModelInfo {
  /** The gateway's full id, `provider/model`, sent unchanged as `model`. */
  id: string;
  provider: string;
  /** The id without its provider prefix. */
  name: string;
  ownedBy: string | undefined;
  /** The most tokens a request may hold, prompt and reply together, when the gateway says. */
  contextWindow: number | undefined;
  /** Per-token prices, when the gateway gives them (not for a subscription model). */
  pricing: ModelPricing | undefined;
  /** What the model gives (text, image, audio, video), when the gateway says (`include=modalities`). */
  outputs?: readonly string[] | undefined;
  /** What the model takes, when the gateway says: a vision model takes `image`. */
  inputs?: readonly string[] | undefined;
}

/** Whether a model takes images: undefined when the gateway does not say. */
export function takesImages(model: Pick<ModelInfo, 'inputs'> | undefined): boolean | undefined {
  return model?.inputs === undefined ? undefined : model.inputs.includes('image');
}

/**
 * Whether a model can answer a chat: one the gateway says gives no text
 * (an image generator) cannot. Without modalities, every model is taken to.
 */
export function canChat(model: Pick<ModelInfo, 'outputs'>): boolean {
  return model.outputs === undefined || model.outputs.includes('text');
}

export interface ProviderGroup {
  provider: string;
  models: ModelInfo[];
}

/** The provider is the part before the first '/' (ids like google/models/gemini-2.5-flash hold more). */
export function providerOf(id: string): string {
  const slash = id.indexOf('/');
  return slash > 0 ? id.slice(0, slash) : '';
}

export function toModelInfo(wire: WireModel): ModelInfo {
  const provider = wire.served_by || providerOf(wire.id);
  const prefix = `${provider}/`;
  return {
    id: wire.id,
    provider,
    name: wire.id.startsWith(prefix) ? wire.id.slice(prefix.length) : wire.id,
    ownedBy: wire.owned_by,
    contextWindow: positive(wire.context_window?.tokens),
    pricing: toPricing(wire.pricing),
    outputs: modalityList(wire.modalities?.output),
    inputs: modalityList(wire.modalities?.input),
  };
}

/** A list of modality names; anything else (or an empty list) is no word on it. */
function modalityList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value.filter((item): item is string => typeof item === 'string');
  return names.length > 0 ? names : undefined;
}

const positive = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined);

/** A price the gateway sent as a decimal string; anything else is no price. */
function price(text: string | undefined): number | undefined {
  if (typeof text !== 'string' || !/^\d+(\.\d+)?(e-?\d+)?$/i.test(text.trim())) return undefined;
  return Number(text);
}

function toPricing(wire: WirePricing | undefined): ModelPricing | undefined {
  if (!wire || wire.subscription || typeof wire.currency !== 'string' || !/^[A-Z]{3}$/.test(wire.currency)) return undefined;
  const inputPerToken = price(wire.input_per_token);
  const outputPerToken = price(wire.output_per_token);
  if (inputPerToken === undefined || outputPerToken === undefined) return undefined;
  return { currency: wire.currency, inputPerToken, outputPerToken };
}

/** Groups models by provider, keeping the order in which the gateway listed them. */
export function groupByProvider(models: readonly ModelInfo[]): ProviderGroup[] {
  const groups = new Map<string, ModelInfo[]>();
  for (const model of models) {
    const list = groups.get(model.provider);
    if (list) list.push(model);
    else groups.set(model.provider, [model]);
  }
  return [...groups].map(([provider, list]) => ({ provider, models: list }));
}

/** The first model of `provider` that can chat. */
export function firstChatModel(groups: readonly ProviderGroup[], provider: string): ModelInfo | undefined {
  return groups.find((g) => g.provider === provider)?.models.find(canChat);
}

/** Filters models by every whitespace-separated term, case-insensitively, across all providers. */
export function searchModels(groups: readonly ProviderGroup[], query: string): ProviderGroup[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...groups];
  return groups
    .map((g) => ({ provider: g.provider, models: g.models.filter((m) => terms.every((t) => m.id.toLowerCase().includes(t))) }))
    .filter((g) => g.models.length > 0);
}

export interface Preference {
  provider: string | undefined;
  model: string | undefined;
}

/**
 * Picks the model to preselect from LLM_PROVIDER / LLM_MODEL (model may be
 * bare or `provider/model`), falling back to the first model listed.
 */
export function pickInitialModel(groups: readonly ProviderGroup[], preference: Preference): ModelInfo | undefined {
  const all = groups.flatMap((g) => g.models).filter(canChat);
  const wanted = preference.model?.trim();
  const provider = preference.provider?.trim();
  if (wanted) {
    const exact =
      all.find((m) => m.id === wanted) ??
      (provider ? all.find((m) => m.id === `${provider}/${wanted}`) : undefined) ??
      all.find((m) => m.name === wanted && (!provider || m.provider === provider)) ??
      all.find((m) => m.name === wanted);
    if (exact) return exact;
  }
  if (provider) {
    const first = firstChatModel(groups, provider);
    if (first) return first;
  }
  return all[0];
}
