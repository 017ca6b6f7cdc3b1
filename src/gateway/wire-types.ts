// Wire shapes of the Inference Gateway's OpenAI-compatible API, as PROTOCOL.md
// describes what the gateway really sends. Only gateway/ speaks these types.

export interface WireModel {
  id: string;
  object?: string;
  created?: number;
  owned_by?: string;
  served_by?: string;
  /** With `include=context_window`. */
  context_window?: { tokens?: number; source?: string };
  /** With `include=pricing`: prices per token, as decimal strings. */
  pricing?: WirePricing;
  /** With `include=modalities`: what the model takes and gives (text, image, audio, video). */
  modalities?: { input?: unknown; output?: unknown } | null | undefined;
}

export interface WirePricing {
  currency?: string;
  input_per_token?: string;
  output_per_token?: string;
  /** No per-token price: the model is behind a paid subscription. */
  subscription?: boolean;
  source?: string;
}

export interface WireModelList {
  object: 'list';
  data: WireModel[];
}

export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface WireToolCallDelta {
  index: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

export interface WireDelta {
  role?: string;
  content?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
  tool_calls?: WireToolCallDelta[] | null;
}

export interface WireChoice {
  index: number;
  delta?: WireDelta;
  finish_reason?: string | null;
}

export interface WireChatChunk {
  id?: string;
  object?: string;
  model?: string;
  choices?: WireChoice[];
  usage?: WireUsage | null;
  error?: unknown;
}

/** A part of a message's content (the gateway's TextContentPart and ImageContentPart). */
export type WireContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

export interface WireMessage {
  role: 'system' | 'user' | 'assistant';
  /** Text, or parts where a message carries images. */
  content: string | WireContentPart[];
}

export interface WireChatRequest {
  model: string;
  messages: WireMessage[];
  stream: true;
  temperature?: number;
  max_tokens?: number;
}
