// Glue between the gateway stream, storage and React: the saved conversations
// in one reducer, one in-flight request per conversation. Stream events are stamped with their arrival time
// and committed at most once per frame.
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type RefObject } from 'react';
import { buildChatRequest } from '../chat/build-request.ts';
import { streamingReply, type ChatAction } from '../chat/chat-reducer.ts';
import {
  conversationsReducer,
  initialConversationsState,
  isStreaming,
  openMessages,
  sameSummaries,
  searchConversations,
  summarize,
  type Conversation,
  type ConversationSummary,
  type ConversationsState,
} from '../chat/conversations.ts';
import type { AssistantMessage, Message } from '../chat/types.ts';
import type { GatewayClient } from '../gateway/client.ts';
import { createConversationSaver, type ConversationSaver } from '../storage/conversation-saver.ts';
import type { ConversationStore } from '../storage/conversation-store.ts';
import { broadcastSync, type ConversationSync } from '../storage/conversation-sync.ts';
import { newId, now, startReply, stopReply, type ReplyRun } from './reply-stream.ts';

export interface ChatSettings {
  model: string | undefined;
  systemPrompt: string;
  /** Sent only when set: otherwise the provider's default. */
  temperature?: number | undefined;
  maxTokens?: number | undefined;
}

export interface ChatSession {
  /** Saved conversations, newest first: a new array only when one is added, renamed, or starts or ends a reply. */
  conversations: ConversationSummary[];
  /** Ids of the saved conversations whose title or messages hold every word of the query. */
  searchConversations(query: string): ReadonlySet<string>;
  /** The open conversation (a new one is not saved until its first message). */
  openId: string;
  /** Whether the saved conversations have been read. */
  loaded: boolean;
  /** Why conversations cannot be saved, when storage failed. */
  storageError: string | undefined;
  messages: readonly Message[];
  /** The open conversation's reply in flight. */
  streaming: AssistantMessage | undefined;
  send(text: string): void;
  /** Sends an edited message in place of the one with this id, dropping what came after it. */
  edit(messageId: string, text: string): void;
  /** Asks again for this reply (with the model now picked), dropping it and what came after it. */
  regenerate(replyId: string): void;
  /** Stops the open conversation's reply. */
  stop(): void;
  newChat(): void;
  open(id: string): void;
  /** Deletes a saved conversation (stopping its reply if one streams); returns it, for undo. */
  deleteConversation(id: string): Conversation | undefined;
  /** Puts a deleted conversation back. */
  restoreConversation(conversation: Conversation): void;
  /** Adds conversations read from a file (replacing saved ones of the same id) and opens the first. */
  importConversations(conversations: Conversation[]): void;
  /** A saved conversation by id, as it is now. */
  conversation(id: string): Conversation | undefined;
}

export interface SessionOptions {
  /** Where conversations are saved; without it they live as long as the page. */
  store?: ConversationStore | undefined;
  /** The conversation to open first (from the URL). */
  initialOpenId?: string | undefined;
}

export function useChatSession(client: GatewayClient, { model, systemPrompt, temperature, maxTokens }: ChatSettings, { store, initialOpenId }: SessionOptions = {}): ChatSession {
  const [state, dispatch] = useReducer(conversationsReducer, initialOpenId ?? '', (id) => initialConversationsState(id || newId()));
  const [storageError, setStorageError] = useState<string | undefined>();
  // send() builds the request from the committed history, read here rather than re-creating send per frame.
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  }, [state]);
  // Replies in flight, by conversation: one each, and one may stream while another conversation is open.
  const runs = useRef(new Map<string, ReplyRun>());
  // Every version of a conversation already saved or read from storage: only a new object needs writing.
  const seen = useRef(new WeakSet<Conversation>());

  useEffect(() => {
    if (!store) {
      dispatch({ type: 'conversationsLoaded', conversations: [] });
      return;
    }
    let cancelled = false;
    store.loadAll().then(
      (conversations) => {
        if (cancelled) return;
        for (const conversation of conversations) seen.current.add(conversation);
        dispatch({ type: 'conversationsLoaded', conversations });
      },
      (error: unknown) => {
        if (cancelled) return;
        setStorageError(storageProblem(error));
        dispatch({ type: 'conversationsLoaded', conversations: [] });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [store]);

  // Other tabs: a conversation one of them wrote replaces this tab's copy,
  // unless this tab is streaming into it, or the other tab still is (its
  // last write follows). A copy taken this way is not written back.
  const [sync] = useState(() => (store ? broadcastSync() : undefined));
  const saver = useConversationSaving(state, store, seen, setStorageError, sync);
  useEffect(() => {
    if (!sync || !store) return;
    return sync.listen((id) => {
      if (runs.current.has(id)) return;
      store.load(id).then(
        (conversation) => {
          if (runs.current.has(id) || (conversation && isStreaming(conversation))) return;
          if (conversation) seen.current.add(conversation);
          dispatch({ type: 'conversationChangedElsewhere', id, conversation, nextOpenId: newId() });
        },
        () => undefined,
      );
    });
  }, [sync, store]);

  const stop = useCallback(() => {
    const conversationId = stateRef.current.openId;
    const run = runs.current.get(conversationId);
    if (!run) return;
    runs.current.delete(conversationId);
    stopReply(run, (action) => dispatch({ type: 'chatAction', conversationId, action }));
  }, []);

  /** Sends in the open conversation; with `from`, after dropping that message and all after it (an edit, a regenerate). */
  const sendFrom = useCallback(
    (text: string, from?: string) => {
      const content = text.trim();
      const conversationId = stateRef.current.openId;
      if (!model || !content || runs.current.has(conversationId)) return;
      const all = openMessages(stateRef.current);
      const cut = from === undefined ? all.length : all.findIndex((m) => m.id === from);
      if (cut < 0) return;
      const toConversation = (action: ChatAction): void => dispatch({ type: 'chatAction', conversationId, action });
      const user: Message = { id: newId(), role: 'user', content };
      const request = buildChatRequest([...all.slice(0, cut), user], { model, systemPrompt, temperature, maxTokens });
      const run = startReply(client, request, toConversation, (settled) => {
        if (runs.current.get(conversationId) === settled) runs.current.delete(conversationId);
      });
      runs.current.set(conversationId, run);
      if (from !== undefined) toConversation({ type: 'historyRewound', messageId: from });
      toConversation({ type: 'sendRequested', user, replyId: run.replyId, model, at: now() });
    },
    [client, model, systemPrompt, temperature, maxTokens],
  );
  const send = useCallback((text: string) => sendFrom(text), [sendFrom]);
  const edit = useCallback((messageId: string, text: string) => sendFrom(text, messageId), [sendFrom]);
  // A reply is regenerated by sending the message before it again, with the model now picked.
  const regenerate = useCallback(
    (replyId: string) => {
      const all = openMessages(stateRef.current);
      const question = all[all.findIndex((m) => m.id === replyId) - 1];
      if (question?.role === 'user') sendFrom(question.content, question.id);
    },
    [sendFrom],
  );

  // A new chat opens an empty conversation; a reply streaming elsewhere goes on.
  const newChat = useCallback(() => dispatch({ type: 'conversationOpened', id: newId() }), []);
  const open = useCallback((id: string) => dispatch({ type: 'conversationOpened', id }), []);
  const importConversations = useCallback((conversations: Conversation[]) => dispatch({ type: 'conversationsImported', conversations }), []);
  const conversation = useCallback((id: string) => stateRef.current.byId[id], []);
  const deleteConversation = useCallback(
    (id: string) => {
      const deleted = stateRef.current.byId[id];
      if (!deleted) return undefined;
      const run = runs.current.get(id);
      if (run) {
        runs.current.delete(id);
        stopReply(run, (action) => dispatch({ type: 'chatAction', conversationId: id, action }));
      }
      dispatch({ type: 'conversationDeleted', id, nextOpenId: newId() });
      saver?.removed(id);
      return deleted;
    },
    [saver],
  );
  const restoreConversation = useCallback((deleted: Conversation) => {
    // It was saved before: as a new arrival it must be written again.
    seen.current.delete(deleted);
    dispatch({ type: 'conversationRestored', conversation: deleted });
  }, []);

  useEffect(() => {
    const all = runs.current;
    return () => {
      for (const run of all.values()) run.controller.abort();
    };
  }, []);

  const messages = openMessages(state);
  const conversations = useStableSummaries(state.byId);
  const search = useCallback(
    (query: string) => new Set(searchConversations(Object.values(stateRef.current.byId), query).map((c) => c.id)),
    [],
  );
  return {
    conversations,
    searchConversations: search,
    openId: state.openId,
    loaded: state.loaded,
    storageError,
    messages,
    streaming: streamingReply({ messages: messages as Message[] }),
    send,
    edit,
    regenerate,
    stop,
    newChat,
    open,
    importConversations,
    conversation,
    deleteConversation,
    restoreConversation,
  };
}

/** The list's summaries, kept as the same array while a reply only grows. */
function useStableSummaries(byId: ConversationsState['byId']): ConversationSummary[] {
  const [kept, setKept] = useState<ConversationSummary[]>([]);
  const next = useMemo(() => summarize(byId), [byId]);
  const same = sameSummaries(next, kept);
  // Storing what was derived during render, React's pattern for state from the previous render.
  if (!same) setKept(next);
  return same ? kept : next;
}

function storageProblem(error: unknown): string {
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Conversations are not saved: this browser refused storage${detail}.`;
}

/** Saves every conversation that changed: settled ones at once, streaming ones once a second. */
function useConversationSaving(
  state: ConversationsState,
  store: ConversationStore | undefined,
  seen: RefObject<WeakSet<Conversation>>,
  onError: (message: string) => void,
  sync: ConversationSync | undefined,
): ConversationSaver | undefined {
  const [saver] = useState(() =>
    store ? createConversationSaver(store, { onError: (error) => onError(storageProblem(error)), onWritten: (id) => sync?.announce(id) }) : undefined,
  );
  useEffect(() => {
    if (!saver || !state.loaded) return;
    for (const conversation of Object.values(state.byId)) {
      if (seen.current.has(conversation)) continue;
      seen.current.add(conversation);
      saver.changed(conversation);
    }
  }, [saver, seen, state.byId, state.loaded]);
  useEffect(() => {
    if (!saver) return;
    const flush = (): void => {
      if (document.visibilityState === 'hidden') saver.flushAll();
    };
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', saver.flushAll);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', saver.flushAll);
      saver.flushAll();
    };
  }, [saver]);
  return saver;
}
