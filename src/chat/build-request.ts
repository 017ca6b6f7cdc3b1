import type { WireChatRequest, WireContentPart, WireMessage } from '../gateway/wire-types.ts';
import type { Message } from './types.ts';

export interface RequestSettings {
  model: string;
  systemPrompt: string;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
}

/**
 * The history goes back as plain role/content (a message with images as
 * parts). Reasoning is never echoed (some providers reject it); a reply that
 * failed before saying anything is left out.
 */
export function buildChatRequest(history: readonly Message[], settings: RequestSettings): WireChatRequest {
  const messages: WireMessage[] = [];
  const system = settings.systemPrompt.trim();
  if (system) messages.push({ role: 'system', content: system });
  for (const message of history) {
    if (message.role === 'assistant' && message.content.trim() === '') continue;
    if (message.role === 'user' && message.images?.length) {
      // A message with images goes as parts: its text (when it has any), then each image as a data URL.
      const text: WireContentPart[] = message.content ? [{ type: 'text', text: message.content }] : [];
      messages.push({ role: 'user', content: [...text, ...message.images.map((image): WireContentPart => ({ type: 'image_url', image_url: { url: image.dataUrl } }))] });
    } else messages.push({ role: message.role, content: message.content });
  }
  const request: WireChatRequest = { model: settings.model, messages, stream: true };
  if (settings.temperature !== undefined) request.temperature = settings.temperature;
  if (settings.maxTokens !== undefined) request.max_tokens = settings.maxTokens;
  return request;
}
