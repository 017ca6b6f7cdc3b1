// The compare view's lanes' histories, by model, kept in localStorage so a
// reload of /compare brings the replies back, not only the lanes in the URL.
import { messagesFromJson } from '../chat/export.ts';
import type { Message } from '../chat/types.ts';

const KEY = 'gateway-chat.compare';

export interface CompareStore {
  /** Each model's history as last saved; what does not read as messages is dropped. */
  load(): Record<string, Message[]>;
  /** Whether the histories were kept: false when the browser refused (storage blocked or full). */
  save(chats: Record<string, readonly Message[]>): boolean;
}

/** A store over Web Storage; storage that throws (blocked, full) keeps nothing, and the view still works. */
export function webCompareStore(storage: () => Storage = () => localStorage): CompareStore {
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage().getItem(KEY) ?? '{}');
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
        const chats: Record<string, Message[]> = {};
        for (const [model, value] of Object.entries(parsed)) {
          const messages = messagesFromJson(value);
          if (messages?.length) chats[model] = messages;
        }
        return chats;
      } catch {
        return {};
      }
    },
    save(chats) {
      try {
        const kept = Object.fromEntries(Object.entries(chats).filter(([, messages]) => messages.length > 0));
        if (Object.keys(kept).length) storage().setItem(KEY, JSON.stringify(kept));
        else storage().removeItem(KEY);
        return true;
      } catch {
        // Not kept: the lanes still work for this page, and the view says so.
        return false;
      }
    },
  };
}
