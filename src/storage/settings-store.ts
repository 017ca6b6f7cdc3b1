// The Settings dialog's values, kept in localStorage: small, read once at start.
import { settingsFrom, type SettingsText } from '../chat/settings.ts';

const KEY = 'gateway-chat.settings';

export interface SettingsStore {
  load(): SettingsText;
  save(settings: SettingsText): void;
}

/** A store over Web Storage; storage that throws (blocked, full) keeps the defaults and saves nothing. */
export function webSettingsStore(storage: () => Storage = () => localStorage): SettingsStore {
  return {
    load() {
      try {
        const raw = storage().getItem(KEY);
        return settingsFrom(raw === null ? undefined : JSON.parse(raw));
      } catch {
        return settingsFrom(undefined);
      }
    },
    save(settings) {
      try {
        storage().setItem(KEY, JSON.stringify(settings));
      } catch {
        // Not saved: the settings still apply to this page.
      }
    },
  };
}
