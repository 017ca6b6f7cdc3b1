// What was typed in a message box and not sent yet, per conversation, kept in
// localStorage so a reload (or a trip to another conversation) loses nothing.
const PREFIX = 'gateway-chat.draft.';

export interface DraftStore {
  load(key: string): string;
  /** An empty draft is forgotten. False when the browser refused to keep it. */
  save(key: string, text: string): boolean;
}

/** A store over Web Storage; storage that throws (blocked, full) keeps nothing, and the box still works. */
export function webDraftStore(storage: () => Storage = () => localStorage): DraftStore {
  return {
    load(key) {
      try {
        return storage().getItem(PREFIX + key) ?? '';
      } catch {
        return '';
      }
    },
    save(key, text) {
      try {
        if (text.trim()) storage().setItem(PREFIX + key, text);
        else storage().removeItem(PREFIX + key);
        return true;
      } catch {
        // Not kept: the text is still in the box, and the page says so.
        return false;
      }
    },
  };
}
