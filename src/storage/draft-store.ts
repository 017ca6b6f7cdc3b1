// What was typed in a message box and not sent yet, per conversation, kept in
// localStorage so a reload (or a trip to another conversation) loses nothing.
// Its images are kept under a key of their own, written when they change, not
// with every key typed.
import { imagesFromJson, type ImageAttachment } from '../chat/types.ts';

const PREFIX = 'gateway-chat.draft.';
const IMAGES_PREFIX = 'gateway-chat.draft-images.';

export interface DraftStore {
  load(key: string): string;
  /** An empty draft is forgotten. False when the browser refused to keep it. */
  save(key: string, text: string): boolean;
  /** The images attached to the draft; what does not read as one is left out. */
  loadImages(key: string): ImageAttachment[];
  /** No images, and none are kept. False when the browser refused to keep them (a few MB is all it gives). */
  saveImages(key: string, images: readonly ImageAttachment[]): boolean;
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
    loadImages(key) {
      try {
        return imagesFromJson(JSON.parse(storage().getItem(IMAGES_PREFIX + key) ?? '[]'));
      } catch {
        return [];
      }
    },
    saveImages(key, images) {
      try {
        if (images.length) storage().setItem(IMAGES_PREFIX + key, JSON.stringify(images));
        else storage().removeItem(IMAGES_PREFIX + key);
        return true;
      } catch {
        return false;
      }
    },
  };
}
