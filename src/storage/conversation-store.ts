// Saved conversations in IndexedDB, through idb (promises over IndexedDB's
// requests and transactions, about 1 KB): one record per conversation.
//
// A reply streaming as the page goes away (a reload, a closed tab) is written
// to IndexedDB then too, but that write may not land: Chromium drops it about
// one reload in three, and the reply comes back as it was saved up to a second
// before (thousands of characters at a fast model's pace). So those
// conversations are also kept in sessionStorage, whose writes are synchronous,
// and read back with the rest (withKeptInFlight).
import type { DBSchema, IDBPDatabase } from 'idb';
import { isStreaming, type Conversation, type ConversationSummary } from '../chat/conversations.ts';

export interface ConversationStore {
  /** Every saved conversation, with any kept in flight that is newer than its saved copy. */
  loadAll(): Promise<Conversation[]>;
  load(id: string): Promise<Conversation | undefined>;
  /** One conversation ahead of the rest (the one a reload opens): as loadAll would give it. */
  loadOne(id: string): Promise<Conversation | undefined>;
  /**
   * The list as this browser last kept it (keepList), read at once: shown
   * while loadAll reads the whole history, which takes most of a second at a
   * thousand conversations. The newest LIST_KEPT only; undefined where none
   * was kept (a first visit), storage refuses or what is there is not a list.
   */
  readList(): ConversationSummary[] | undefined;
  keepList(summaries: readonly ConversationSummary[]): void;
  /** Writes these conversations in one transaction: all of them land, or none. */
  save(conversations: readonly Conversation[]): Promise<void>;
  remove(id: string): Promise<void>;
  /**
   * Keeps these conversations (their replies streaming as the page is hidden
   * or goes away) at once, synchronously, for the next loadAll; an empty list
   * keeps none. Storage that refuses (full, blocked) keeps none.
   */
  keepInFlight(conversations: readonly Conversation[]): void;
}

/**
 * The saved conversations with those kept in flight: a kept one takes the
 * place of its saved copy when there is none (a new conversation's first
 * write had not landed), or when that copy is still streaming and no newer
 * (the same message's reply, saved earlier). A saved copy that settled, or
 * that has a later message, was written after the keeping and stays.
 */
export function withKeptInFlight(saved: readonly Conversation[], kept: readonly Conversation[]): Conversation[] {
  const byId = new Map(saved.map((conversation) => [conversation.id, conversation]));
  for (const conversation of kept) {
    const copy = byId.get(conversation.id);
    const newer = !copy || (isStreaming(copy) && conversation.updatedAt >= copy.updatedAt && conversation.messages.length >= copy.messages.length);
    if (newer) byId.set(conversation.id, conversation);
  }
  return [...byId.values()];
}

/** How many conversations the history's read takes at a time. */
export const LOAD_BATCH = 100;

/** How many of the newest conversations the kept list holds: a screen's worth many times over, in some tens of KB. */
export const LIST_KEPT = 300;

/** What reads as a kept list: summaries with an id, a title and a time (not streaming: that is only known once read). */
function keptList(json: string | null): ConversationSummary[] | undefined {
  if (json === null) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return undefined;
    return value
      .filter((s): s is ConversationSummary => typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.title === 'string' && typeof s.updatedAt === 'number')
      .map(({ id, title, updatedAt }) => ({ id, title, updatedAt, streaming: false }));
  } catch {
    return undefined;
  }
}

/** What reads as conversations kept in flight: records with an id and messages. */
function keptConversations(json: string | null): Conversation[] {
  try {
    const value: unknown = JSON.parse(json ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter((c): c is Conversation => typeof c === 'object' && c !== null && typeof c.id === 'string' && Array.isArray(c.messages));
  } catch {
    return [];
  }
}

interface ChatDb extends DBSchema {
  conversations: { key: string; value: Conversation };
}

const DB_VERSION = 1;

/**
 * `inFlight`: where conversations in flight are kept, sessionStorage (per tab,
 * kept across a reload); `lists`: where the list is kept, localStorage (every
 * tab's); unless a test says otherwise.
 */
export function openConversationStore(name = 'gateway-chat', inFlight: () => Storage = () => sessionStorage, lists: () => Storage = () => localStorage): ConversationStore {
  const inFlightKey = `${name}.in-flight`;
  const listKey = `${name}.list`;
  const readKept = (): Conversation[] => {
    try {
      return keptConversations(inFlight().getItem(inFlightKey));
    } catch {
      return [];
    }
  };
  let db: Promise<IDBPDatabase<ChatDb>> | undefined;
  // Opened on first use, so a page that never saves never opens the database.
  // The library comes with it, not in the entry script: the first use is the
  // history's read, after the first render (the list as kept shows meanwhile).
  const open = (): Promise<IDBPDatabase<ChatDb>> => {
    db ??= import('idb').then(
      ({ openDB }) =>
        openDB<ChatDb>(name, DB_VERSION, {
          upgrade(database) {
            database.createObjectStore('conversations', { keyPath: 'id' });
          },
        }),
      (error: unknown) => {
        // Not fetched (a network blip): the next use asks again.
        db = undefined;
        throw error;
      },
    );
    return db;
  };
  return {
    async loadAll() {
      // In batches, each read in a task of its own: a thousand conversations
      // (18 MB) read at once held the page for 70–100 ms while the browser
      // made them objects; a batch takes a few.
      const database = await open();
      const saved: Conversation[] = [];
      for (let after: string | undefined; ; ) {
        const batch = await database.getAll('conversations', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), LOAD_BATCH);
        saved.push(...batch);
        if (batch.length < LOAD_BATCH) break;
        after = batch.at(-1)!.id;
      }
      return withKeptInFlight(saved, readKept());
    },
    async load(id) {
      return (await open()).get('conversations', id);
    },
    async loadOne(id) {
      const saved = await (await open()).get('conversations', id);
      return withKeptInFlight(saved ? [saved] : [], readKept()).find((conversation) => conversation.id === id);
    },
    readList() {
      try {
        return keptList(lists().getItem(listKey));
      } catch {
        return undefined;
      }
    },
    keepList(summaries) {
      try {
        const kept = summaries.slice(0, LIST_KEPT).map(({ id, title, updatedAt }) => ({ id, title, updatedAt }));
        lists().setItem(listKey, JSON.stringify(kept));
      } catch {
        // Not kept (full, blocked): the next page shows the list once the history is read, as it always could.
      }
    },
    async save(conversations) {
      // One transaction for the lot: an import of a thousand conversations is
      // one commit, not a thousand, and lands whole or not at all.
      const tx = (await open()).transaction('conversations', 'readwrite');
      await Promise.all([...conversations.map((conversation) => tx.store.put(conversation)), tx.done]);
    },
    async remove(id) {
      await (await open()).delete('conversations', id);
    },
    keepInFlight(conversations) {
      try {
        if (conversations.length) inFlight().setItem(inFlightKey, JSON.stringify(conversations));
        else inFlight().removeItem(inFlightKey);
      } catch {
        // Not kept (full, blocked): the IndexedDB write begun beside it may still land.
      }
    },
  };
}
