import type { WireChatRequest, WireMessage } from '../gateway/wire-types.ts';
import type { Message } from './types.ts';

export interface RequestSettings {
  model: string;
  systemPrompt: string;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
}

/**
 * The history goes back as plain role/content. Reasoning is never echoed (some
 * providers reject it); a reply that failed before saying anything is left out.
 */
export function buildChatRequest(history: readonly Message[], settings: RequestSettings): WireChatRequest {
  const messages: WireMessage[] = [];
  const system = settings.systemPrompt.trim();
  if (system) messages.push({ role: 'system', content: system });
  for (const message of history) {
    if (message.role === 'assistant' && message.content.trim() === '') continue;
    messages.push({ role: message.role, content: message.content });
  }
  const request: WireChatRequest = { model: settings.model, messages, stream: true };
  if (settings.temperature !== undefined) request.temperature = settings.temperature;
  if (settings.maxTokens !== undefined) request.max_tokens = settings.maxTokens;
  return request;
}
