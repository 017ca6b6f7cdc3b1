// What the Settings dialog holds, as typed, and what a request gets from it.
// An empty or invalid number sends nothing, so the provider's default applies.

/**
 * Where a conversation's view goes while a reply streams: down with it while
 * the reader is at the end ('follow'), or to the message it answers, put at
 * the top, and no further, so the reply is read from its start ('start').
 */
export type ReplyScroll = 'follow' | 'start';

export interface SettingsText {
  systemPrompt: string;
  temperature: string;
  maxTokens: string;
  replyScroll: ReplyScroll;
  /** The conversation list beside the chat on a wide screen: kept with the settings, though toggled from the header (Chats). */
  conversationList: 'shown' | 'hidden';
}

export const DEFAULT_SETTINGS: SettingsText = {
  systemPrompt: 'You are a helpful assistant.',
  temperature: '',
  maxTokens: '',
  replyScroll: 'follow',
  conversationList: 'shown',
};

export interface ParsedNumber {
  value: number | undefined;
  /** Why the text is not used, in words. */
  error: string | undefined;
}

const unset: ParsedNumber = { value: undefined, error: undefined };

/** Temperature: 0 to 2, as the gateway's schema says. */
export function parseTemperature(text: string): ParsedNumber {
  const trimmed = text.trim();
  if (!trimmed) return unset;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0 || value > 2) {
    return { value: undefined, error: 'Temperature is a number from 0 to 2; until then the provider’s default is used.' };
  }
  return { value, error: undefined };
}

/** Max tokens: a whole number of at least 1. */
export function parseMaxTokens(text: string): ParsedNumber {
  const trimmed = text.trim();
  if (!trimmed) return unset;
  const value = Number(trimmed);
  if (!Number.isInteger(value) || value < 1) {
    return { value: undefined, error: 'Max tokens is a whole number of at least 1; until then the provider’s default is used.' };
  }
  return { value, error: undefined };
}

/** Settings read back from storage: anything not a string of the right name (or not a choice there is) falls back to the default. */
export function settingsFrom(stored: unknown): SettingsText {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const text = (key: 'systemPrompt' | 'temperature' | 'maxTokens'): string => (typeof record[key] === 'string' ? record[key] : DEFAULT_SETTINGS[key]);
  const replyScroll = record['replyScroll'] === 'start' ? 'start' : 'follow';
  const conversationList = record['conversationList'] === 'hidden' ? 'hidden' : 'shown';
  return { systemPrompt: text('systemPrompt'), temperature: text('temperature'), maxTokens: text('maxTokens'), replyScroll, conversationList };
}
