// Saved conversations in IndexedDB, through idb (promises over IndexedDB's
// requests and transactions, about 1 KB): one record per conversation.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Conversation } from '../chat/conversations.ts';

export interface ConversationStore {
  loadAll(): Promise<Conversation[]>;
  load(id: string): Promise<Conversation | undefined>;
  save(conversation: Conversation): Promise<void>;
  remove(id: string): Promise<void>;
}

interface ChatDb extends DBSchema {
  conversations: { key: string; value: Conversation };
}

const DB_VERSION = 1;

export function openConversationStore(name = 'gateway-chat'): ConversationStore {
  let db: Promise<IDBPDatabase<ChatDb>> | undefined;
  // Opened on first use, so a page that never saves never opens the database.
  const open = (): Promise<IDBPDatabase<ChatDb>> => {
    db ??= openDB<ChatDb>(name, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('conversations', { keyPath: 'id' });
      },
    });
    return db;
  };
  return {
    async loadAll() {
      return (await open()).getAll('conversations');
    },
    async load(id) {
      return (await open()).get('conversations', id);
    },
    async save(conversation) {
      await (await open()).put('conversations', conversation);
    },
    async remove(id) {
      await (await open()).delete('conversations', id);
    },
  };
}
