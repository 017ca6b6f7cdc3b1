// The compare view's lanes' histories, by model, kept in localStorage so a
// reload of /compare brings the replies back, not only the lanes in the URL.
// An image sent to every lane is kept once: the histories refer to it in a
// table of their images, under a key of its own, written only when the
// images change (not once a second with a streaming reply).
import { messagesFromJson } from '../chat/export.ts';
import type { Message } from '../chat/types.ts';

const KEY = 'gateway-chat.compare';
const IMAGES_KEY = 'gateway-chat.compare.images';
/** A data URL in a kept history, as its place in the images table. */
const REF = 'image:';

export interface CompareStore {
  /** Each model's history as last saved; what does not read as messages is dropped. */
  load(): Record<string, Message[]>;
  /** Whether the histories were kept: false when the browser refused (storage blocked or full). */
  save(chats: Record<string, readonly Message[]>): boolean;
}

/** A store over Web Storage; storage that throws (blocked, full) keeps nothing, and the view still works. */
export function webCompareStore(storage: () => Storage = () => localStorage): CompareStore {
  /** The images table as last written: each image the same string as in the messages, so comparing is cheap. */
  let written: string[] = [];
  return {
    load() {
      try {
        const table: unknown = JSON.parse(storage().getItem(IMAGES_KEY) ?? '[]');
        const images = Array.isArray(table) ? table : [];
        // A reference with no image behind it stays a reference, which the message checks then leave out.
        const parsed: unknown = JSON.parse(storage().getItem(KEY) ?? '{}', (key, value: unknown) =>
          key === 'dataUrl' && typeof value === 'string' && value.startsWith(REF) ? (images[Number(value.slice(REF.length))] ?? value) : value,
        );
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
        const images: string[] = [];
        const places = new Map<string, number>();
        const json = JSON.stringify(kept, (key, value: unknown) => {
          if (key !== 'dataUrl' || typeof value !== 'string') return value;
          let place = places.get(value);
          if (place === undefined) place = images.push(value) - 1;
          places.set(value, place);
          return `${REF}${place}`;
        });
        if (images.length !== written.length || images.some((image, i) => image !== written[i])) {
          if (images.length) storage().setItem(IMAGES_KEY, JSON.stringify(images));
          else storage().removeItem(IMAGES_KEY);
          written = images;
        }
        if (Object.keys(kept).length) storage().setItem(KEY, json);
        else storage().removeItem(KEY);
        return true;
      } catch {
        // Not kept: the lanes still work for this page, and the view says so.
        return false;
      }
    },
  };
}
