// Glue between the gateway stream, storage and React: the saved conversations
// in one reducer, one in-flight request per conversation. Stream events are stamped with their arrival time
// and committed at most once per frame.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { buildChatRequest } from '../chat/build-request.ts';
import type { ChatAction } from '../chat/chat-reducer.ts';
import {
  initialConversationsState,
  isStreaming,
  matchingIds,
  openMessages,
  restoredConversation,
  unread,
  type Conversation,
  type ConversationSummary,
} from '../chat/conversations.ts';
import { createConversationsStore, type ConversationsStore } from '../chat/conversations-store.ts';
import type { ModelPricing } from '../chat/model-catalog.ts';
import { systemPromptTokens } from '../chat/reply-metrics.ts';
import { editedInPlace, replyVersions, type AssistantMessage, type ImageAttachment, type Message, type UserMessage } from '../chat/types.ts';
import type { GatewayClient } from '../gateway/client.ts';
import { createConversationSaver, type ConversationSaver } from '../storage/conversation-saver.ts';
import type { ConversationStore } from '../storage/conversation-store.ts';
import { broadcastSync, type ConversationSync } from '../storage/conversation-sync.ts';
import { webLocks, type ReplyLocks } from '../storage/reply-locks.ts';
import { continueReply, forgetWhenSettled, newId, now, startReply, stopReply, type ReplyRun } from './reply-stream.ts';

export interface ChatSettings {
  model: string | undefined;
  systemPrompt: string;
  /** Sent only when set: otherwise the provider's default. */
  temperature?: number | undefined;
  maxTokens?: number | undefined;
  /** The gateway's prices for a model as they are now: each reply keeps its model's, so its cost stays when prices change. */
  pricingOf?: ((model: string) => ModelPricing | undefined) | undefined;
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
  /** Whether there is a list to show: the history is read, or the list as last kept (even an empty one) shows meanwhile. */
  listed: boolean;
  /** Whether the open conversation is one of the list as last kept, not read yet (a moment after a reload): nothing is sent to it meanwhile. */
  openUnread: boolean;
  /** Why conversations cannot be saved, when storage failed. */
  storageError: string | undefined;
  /** Whether the open conversation has a reply in flight (here or in another tab). */
  streaming: boolean;
  /** Whether that reply streams in another tab: this one shows it as that tab writes it, and Stop asks that tab to stop it. */
  streamingElsewhere: boolean;
  /** The conversations' state; read the open conversation's messages with useOpenMessages, so only that view re-renders per streamed frame. */
  conversationsStore: ConversationsStore;
  /** Sends the text, with the images attached to it (for a model that takes them). */
  send(text: string, images?: readonly ImageAttachment[]): void;
  /** Sends an edited message in place of the one with this id; it and what came after it are kept as the new one's earlier version. */
  edit(messageId: string, text: string): void;
  /** Asks again for this reply (with the model now picked) in its place, dropping what came after it; the reply is kept as an earlier version. */
  regenerate(replyId: string): void;
  /** Shows another version of a reply in its place (none while a reply streams here). */
  showVersion(replyId: string, versionId: string): void;
  /** Shows another version of an edited message, and what followed it, in its place (none while a reply streams here). */
  showMessageVersion(messageId: string, versionId: string): void;
  /** Asks the last reply, when it ended before its end, to go on where it is, from the model that wrote it. */
  continueReply(replyId: string): void;
  /** Stops the open conversation's reply. */
  stop(): void;
  newChat(): void;
  open(id: string): void;
  /**
   * Deletes a saved conversation (stopping its reply if one streams); settles
   * with it, for undo. One of the list not read yet is read first.
   */
  deleteConversation(id: string): Promise<Conversation | undefined>;
  /** Gives a saved conversation a title of the reader's own (one of the list not read yet once it is read). */
  renameConversation(id: string, title: string): void;
  /** Puts a deleted conversation back. */
  restoreConversation(conversation: Conversation): void;
  /**
   * Adds conversations read from a file (replacing saved ones of the same id)
   * and opens the first; settles once they are saved (true), or could not be
   * (false: the storage error says why). Without a store there is nothing to wait for.
   */
  importConversations(conversations: Conversation[]): Promise<boolean>;
  /** A saved conversation by id, as it is now. */
  conversation(id: string): Conversation | undefined;
}

export interface SessionOptions {
  /** Where conversations are saved; without it they live as long as the page. */
  store?: ConversationStore | undefined;
  /** The conversation to open first (from the URL). */
  initialOpenId?: string | undefined;
  /** How tabs say which conversations they stream into (the browser's Web Locks unless a test gives its own; none without a store). */
  locks?: ReplyLocks | undefined;
}

export function useChatSession(
  client: GatewayClient,
  { model, systemPrompt, temperature, maxTokens, pricingOf }: ChatSettings,
  { store, initialOpenId, locks: givenLocks }: SessionOptions = {},
): ChatSession {
  // Held outside React: this hook's caller re-renders when the list, the open
  // conversation or whether it streams changes, not per streamed frame.
  // The first render's: the conversation the page opened on.
  const [firstOpenId] = useState(initialOpenId);
  // The list as last kept shows at once; the history is read after.
  const [conversationsStore] = useState(() => createConversationsStore(initialConversationsState(initialOpenId || newId(), store?.readList())));
  const dispatch = conversationsStore.dispatch;
  const [storageError, setStorageError] = useState<string | undefined>();
  // Replies in flight, by conversation: one each, and one may stream while another conversation is open.
  const runs = useRef(new Map<string, ReplyRun>());
  // Every version of a conversation already saved or read from storage: only a new object needs writing.
  const seen = useRef(new WeakSet<Conversation>());
  // A tab holds a conversation's lock while a reply streams into it, so the
  // others can tell that reply from one a closed page cut off.
  const [locks] = useState(() => (store ? (givenLocks ?? webLocks()) : undefined));
  // Conversations whose reply streams in another tab: taken as that tab
  // writes them, and read once more when it lets go (cut off then if that
  // tab went away before the end). Not written from here meanwhile.
  const [elsewhere, setElsewhere] = useState<ReadonlySet<string>>(() => new Set());
  const watching = useRef(new Set<string>());
  // Conversations deleted before the history was read: its read may have
  // begun before their removal, and they must not come back with it.
  const deletedEarly = useRef(new Set<string>());
  const watchElsewhere = useCallback(
    (id: string) => {
      if (!locks || !store || watching.current.has(id)) return;
      watching.current.add(id);
      setElsewhere((ids) => new Set(ids).add(id));
      const done = (): void => {
        watching.current.delete(id);
        setElsewhere((ids) => {
          const left = new Set(ids);
          left.delete(id);
          return left;
        });
      };
      void locks
        .released(id)
        .then(() => store.load(id))
        .then(
          (conversation) => {
            done();
            if (runs.current.has(id)) return;
            // Cut off if its last write still streams. Not written back: that
            // tab's last write may land after this read, and is then taken.
            const settled = conversation && restoredConversation(conversation);
            if (settled) seen.current.add(settled);
            dispatch({ type: 'conversationChangedElsewhere', id, conversation: settled, nextOpenId: newId() });
          },
          done,
        );
    },
    [locks, store, dispatch],
  );

  // One conversation read ahead of the history (see conversationRead).
  const readAhead = useCallback(
    (id: string) => {
      if (!store) return;
      store.loadOne(id).then(
        (conversation) => {
          // Not one that was streaming: whether another tab still streams it
          // is known only with the rest (its lock), and it must not be cut off first.
          if (!conversation || isStreaming(conversation)) return;
          dispatch({ type: 'conversationRead', conversation });
          // As read, it needs no writing back; a copy already here (changed since, perhaps) is left to the saver.
          if (conversationsStore.getState().byId[conversation.id] === conversation) seen.current.add(conversation);
        },
        // Reading the whole history says what went wrong, if anything did.
        () => undefined,
      );
    },
    [store, dispatch, conversationsStore],
  );
  useEffect(() => {
    if (!store) {
      dispatch({ type: 'conversationsLoaded', conversations: [] });
      return;
    }
    let cancelled = false;
    // The conversation a reload opens is read first, on its own: it shows in
    // a few milliseconds, where the whole history can take most of a second.
    if (firstOpenId) readAhead(firstOpenId);
    const held = locks?.held().catch(() => new Set<string>()) ?? Promise.resolve(new Set<string>());
    Promise.all([store.loadAll(), held]).then(
      ([read, locked]) => {
        if (cancelled) return;
        const conversations = read.filter((conversation) => !deletedEarly.current.has(conversation.id));
        deletedEarly.current.clear();
        for (const conversation of conversations) seen.current.add(conversation);
        // None streams here yet: a lock held is another tab's.
        const streamingElsewhere = new Set(conversations.filter((c) => locked.has(c.id) && isStreaming(c)).map((c) => c.id));
        dispatch({ type: 'conversationsLoaded', conversations, streamingElsewhere });
        for (const id of streamingElsewhere) watchElsewhere(id);
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
  }, [store, locks, dispatch, watchElsewhere, readAhead, firstOpenId]);

  // The list is kept beside the history as it changes (a send, a rename, a
  // reply starting or ending; not per streamed frame), for the next page to
  // show before it has read the history.
  useEffect(() => {
    if (!store) return;
    let kept: readonly ConversationSummary[] | undefined;
    const keep = (): void => {
      if (!conversationsStore.getState().loaded) return;
      const list = conversationsStore.summaries();
      if (list === kept) return;
      kept = list;
      store.keepList(list);
    };
    keep();
    return conversationsStore.subscribe(keep);
  }, [store, conversationsStore]);

  // Other tabs: a conversation one of them wrote replaces this tab's copy,
  // unless this tab is streaming into it. One another tab streams into is
  // taken at each of its writes (about a second apart) where that tab says
  // so by its lock; without locks, only its last write is. A copy taken this
  // way is not written back.
  const [sync] = useState(() => (store ? broadcastSync() : undefined));
  const saver = useConversationSaving(conversationsStore, store, seen, setStorageError, sync, runs);

  /** Stops the conversation's reply when it streams here; says whether it did. */
  const stopHere = useCallback(
    (conversationId: string): boolean => {
      const run = runs.current.get(conversationId);
      if (!run) return false;
      runs.current.delete(conversationId);
      stopReply(run, (action) => dispatch({ type: 'chatAction', conversationId, action }));
      return true;
    },
    [dispatch],
  );

  useEffect(() => {
    if (!sync || !store) return;
    const taken = (id: string): void => {
      if (runs.current.has(id)) {
        // Streaming here, it can only have been renamed there (every other
        // change waits for the reply): the name is taken, or this tab's next
        // write would put the old one back. (Should this tab's own write land
        // between that tab's and this read, the read finds the old name.)
        store.load(id).then(
          (conversation) => {
            if (conversation && runs.current.has(id)) dispatch({ type: 'conversationRenamed', id, title: conversation.title });
          },
          () => undefined,
        );
        return;
      }
      store.load(id).then(
        (conversation) => {
          if (runs.current.has(id)) return;
          if (conversation && isStreaming(conversation)) {
            if (!locks) return;
            watchElsewhere(id);
          }
          if (conversation) seen.current.add(conversation);
          dispatch({ type: 'conversationChangedElsewhere', id, conversation, nextOpenId: newId() });
        },
        () => undefined,
      );
    };
    // Deleted in another tab while its reply streams here: it goes here too,
    // and its stream stops; deleting it here again also takes out a write of
    // this tab's that landed after that tab's delete.
    const deleted = (id: string): void => {
      if (!runs.current.has(id)) return;
      dispatch({ type: 'conversationDeleted', id, nextOpenId: newId() });
      saver?.removed(id);
      stopHere(id);
    };
    return sync.listen((kind, id) => {
      if (kind === 'written') taken(id);
      else if (kind === 'deleted') deleted(id);
      // Stop pressed in a tab that shows a reply this one streams.
      else stopHere(id);
    });
  }, [sync, store, locks, dispatch, watchElsewhere, saver, stopHere]);

  const stop = useCallback(() => {
    const conversationId = conversationsStore.getState().openId;
    if (!stopHere(conversationId) && watching.current.has(conversationId)) sync?.post('stop', conversationId);
  }, [conversationsStore, stopHere, sync]);

  // Each run here holds its conversation's lock until the reply settles (its
  // last write is begun by then).
  const letGoOf = useRef(new WeakMap<ReplyRun, () => void>());
  const streamingHere = useCallback(
    (conversationId: string, run: ReplyRun) => {
      runs.current.set(conversationId, run);
      if (locks) letGoOf.current.set(run, locks.hold(conversationId));
    },
    [locks],
  );
  /** A run's onSettled (never called before its run is returned: the stream is read in later tasks). */
  const settledHere = useCallback((conversationId: string): ((run: ReplyRun) => void) => {
    const forget = forgetWhenSettled(runs.current, conversationId);
    return (run) => {
      forget(run);
      letGoOf.current.get(run)?.();
    };
  }, []);

  /**
   * Sends `user` in the open conversation; with `from`, after dropping that
   * message and all after it (an edit, a regenerate); `earlier`: the versions
   * a regenerated reply keeps.
   */
  const sendFrom = useCallback(
    (user: UserMessage, from?: string, earlier?: AssistantMessage[]) => {
      const conversationId = conversationsStore.getState().openId;
      if (!model || (!user.content.trim() && !user.images?.length) || runs.current.has(conversationId) || conversationsStore.openUnread()) return;
      const all = openMessages(conversationsStore.getState());
      const cut = from === undefined ? all.length : all.findIndex((m) => m.id === from);
      if (cut < 0) return;
      const toConversation = (action: ChatAction): void => dispatch({ type: 'chatAction', conversationId, action });
      const request = buildChatRequest([...all.slice(0, cut), user], { model, systemPrompt, temperature, maxTokens });
      const startedAt = now();
      const run = startReply(client, request, startedAt, toConversation, settledHere(conversationId));
      streamingHere(conversationId, run);
      if (from !== undefined) toConversation({ type: 'historyRewound', messageId: from });
      const systemTokens = systemPromptTokens(systemPrompt);
      toConversation({ type: 'sendRequested', user, replyId: run.replyId, model, at: startedAt, pricing: pricingOf?.(model), earlier, systemTokens });
    },
    [conversationsStore, dispatch, client, model, systemPrompt, temperature, maxTokens, pricingOf, settledHere, streamingHere],
  );
  const send = useCallback(
    (text: string, images?: readonly ImageAttachment[]) =>
      sendFrom({ id: newId(), role: 'user', content: text.trim(), ...(images?.length ? { images: [...images] } : {}) }),
    [sendFrom],
  );
  // An edited message is sent in the old one's place; the old one and what
  // followed it are kept as a branch of the new one (its earlier version).
  const edit = useCallback(
    (messageId: string, text: string) => {
      const edited = editedInPlace(openMessages(conversationsStore.getState()), messageId, { id: newId(), role: 'user', content: text.trim() });
      if (edited.branches) sendFrom(edited, messageId);
    },
    [conversationsStore, sendFrom],
  );
  // A reply is regenerated by sending the message before it again (the same
  // message, its versions too), with the model now picked; the new reply
  // keeps the old one (and its versions).
  const regenerate = useCallback(
    (replyId: string) => {
      const all = openMessages(conversationsStore.getState());
      const at = all.findIndex((m) => m.id === replyId);
      const question = all[at - 1];
      const old = all[at];
      if (question?.role === 'user' && old?.role === 'assistant') sendFrom(question, question.id, replyVersions(old));
    },
    [conversationsStore, sendFrom],
  );
  // A reply that ended before its end goes on where it is: the conversation
  // up to it is sent with it as the last message, for the model to continue,
  // and what comes is added to it. Asked of the model that wrote it.
  const continueOpen = useCallback(
    (replyId: string) => {
      const conversationId = conversationsStore.getState().openId;
      if (runs.current.has(conversationId)) return;
      const all = openMessages(conversationsStore.getState());
      const last = all.at(-1);
      if (last?.role !== 'assistant') return;
      // Asked of the model that wrote the reply.
      const wrote = last.model;
      const toConversation = (action: ChatAction): void => dispatch({ type: 'chatAction', conversationId, action });
      const settings = { model: wrote, systemPrompt, temperature, maxTokens, pricing: pricingOf?.(wrote) };
      const run = continueReply(client, all, replyId, settings, toConversation, settledHere(conversationId));
      if (run) streamingHere(conversationId, run);
    },
    [conversationsStore, dispatch, client, systemPrompt, temperature, maxTokens, pricingOf, settledHere, streamingHere],
  );
  /** Applies an action to the open conversation unless a reply streams in it. */
  const whileIdle = useCallback(
    (action: ChatAction) => {
      const conversationId = conversationsStore.getState().openId;
      if (!runs.current.has(conversationId)) dispatch({ type: 'chatAction', conversationId, action });
    },
    [conversationsStore, dispatch],
  );
  const showVersion = useCallback((replyId: string, versionId: string) => whileIdle({ type: 'replyVersionShown', replyId, versionId }), [whileIdle]);
  const showMessageVersion = useCallback((messageId: string, versionId: string) => whileIdle({ type: 'messageVersionShown', messageId, versionId }), [whileIdle]);

  // A new chat opens an empty conversation; a reply streaming elsewhere goes on.
  const newChat = useCallback(() => dispatch({ type: 'conversationOpened', id: newId() }), [dispatch]);
  const open = useCallback(
    (id: string) => {
      dispatch({ type: 'conversationOpened', id });
      // One of the kept list, opened before the history is read: read on its own.
      const { loaded, byId } = conversationsStore.getState();
      if (!loaded && !byId[id]) readAhead(id);
    },
    [dispatch, conversationsStore, readAhead],
  );
  const importConversations = useCallback(
    (conversations: Conversation[]) => {
      // The saver hears of the change at once (a store listener) and begins
      // their write; before the history is read, it writes them with it.
      dispatch({ type: 'conversationsImported', conversations });
      if (!saver) return Promise.resolve(true);
      const loaded = new Promise<void>((resolve) => {
        if (conversationsStore.getState().loaded) return resolve();
        // Heard after the saver's own listener (subscribed first), which has begun the writes by then.
        const unsubscribe = conversationsStore.subscribe(() => {
          if (!conversationsStore.getState().loaded) return;
          unsubscribe();
          resolve();
        });
      });
      return loaded.then(() => saver.written());
    },
    [dispatch, saver, conversationsStore],
  );
  const conversation = useCallback((id: string) => conversationsStore.getState().byId[id], [conversationsStore]);
  // Runs `then` at once, or, for one of the kept list not read yet, once it
  // is: read on its own (or, should that not take it, with the history).
  const afterRead = useCallback(
    (id: string, then: () => void): void => {
      if (!unread(conversationsStore.getState(), id)) return then();
      readAhead(id);
      const unsubscribe = conversationsStore.subscribe(() => {
        if (unread(conversationsStore.getState(), id)) return;
        unsubscribe();
        then();
      });
    },
    [conversationsStore, readAhead],
  );
  const deleteNow = useCallback(
    (id: string) => {
      const { byId, loaded } = conversationsStore.getState();
      const deleted = byId[id];
      if (!deleted) return undefined;
      if (!loaded) deletedEarly.current.add(id);
      const run = runs.current.get(id);
      if (run) {
        runs.current.delete(id);
        stopReply(run, (action) => dispatch({ type: 'chatAction', conversationId: id, action }));
      }
      dispatch({ type: 'conversationDeleted', id, nextOpenId: newId() });
      saver?.removed(id);
      sync?.post('deleted', id);
      return deleted;
    },
    [conversationsStore, dispatch, saver, sync],
  );
  const deleteConversation = useCallback(
    (id: string) => new Promise<Conversation | undefined>((resolve) => afterRead(id, () => resolve(deleteNow(id)))),
    [afterRead, deleteNow],
  );
  const renameConversation = useCallback(
    (id: string, title: string) => afterRead(id, () => dispatch({ type: 'conversationRenamed', id, title })),
    [afterRead, dispatch],
  );
  const restoreConversation = useCallback((deleted: Conversation) => {
    // It was saved before: as a new arrival it must be written again.
    seen.current.delete(deleted);
    deletedEarly.current.delete(deleted.id);
    dispatch({ type: 'conversationRestored', conversation: deleted });
  }, [dispatch]);

  useEffect(() => {
    const all = runs.current;
    return () => {
      for (const run of all.values()) run.controller.abort();
    };
  }, []);

  const conversations = useSyncExternalStore(conversationsStore.subscribe, conversationsStore.summaries);
  const openId = useSyncExternalStore(conversationsStore.subscribe, () => conversationsStore.getState().openId);
  const loaded = useSyncExternalStore(conversationsStore.subscribe, () => conversationsStore.getState().loaded);
  const listed = useSyncExternalStore(conversationsStore.subscribe, () => conversationsStore.getState().loaded || conversationsStore.getState().preview !== undefined);
  const streaming = useSyncExternalStore(conversationsStore.subscribe, conversationsStore.openStreaming);
  const openUnread = useSyncExternalStore(conversationsStore.subscribe, conversationsStore.openUnread);
  const streamingElsewhere = streaming && elsewhere.has(openId);
  const search = useCallback(
    (query: string) => matchingIds(conversationsStore.getState(), query),
    [conversationsStore],
  );
  return {
    conversations,
    searchConversations: search,
    openId,
    loaded,
    listed,
    openUnread,
    storageError,
    streaming,
    streamingElsewhere,
    conversationsStore,
    send,
    edit,
    regenerate,
    showVersion,
    showMessageVersion,
    continueReply: continueOpen,
    stop,
    newChat,
    open,
    importConversations,
    conversation,
    deleteConversation,
    renameConversation,
    restoreConversation,
  };
}

/** The open conversation's messages: the one part of the session that changes every streamed frame. */
export function useOpenMessages(session: Pick<ChatSession, 'conversationsStore'>): readonly Message[] {
  const { conversationsStore } = session;
  return useSyncExternalStore(conversationsStore.subscribe, conversationsStore.openMessages);
}

function storageProblem(error: unknown): string {
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Conversations are not saved: this browser refused storage${detail}.`;
}

/** Saves every conversation that changed: settled ones at once, streaming ones once a second. */
function useConversationSaving(
  conversations: ConversationsStore,
  store: ConversationStore | undefined,
  seen: RefObject<WeakSet<Conversation>>,
  onError: (message: string) => void,
  sync: ConversationSync | undefined,
  runs: RefObject<Map<string, ReplyRun>>,
): ConversationSaver | undefined {
  const [saver] = useState(() =>
    store ? createConversationSaver(store, { onError: (error) => onError(storageProblem(error)), onWritten: (id) => sync?.post('written', id) }) : undefined,
  );
  useEffect(() => {
    if (!saver) return;
    const saveChanged = (): void => {
      const { byId, loaded } = conversations.getState();
      if (!loaded) return;
      const changed = Object.values(byId).filter((conversation) => !seen.current.has(conversation));
      for (const conversation of changed) seen.current.add(conversation);
      saver.changed(changed);
    };
    saveChanged();
    return conversations.subscribe(saveChanged);
  }, [saver, seen, conversations]);
  useEffect(() => {
    if (!saver || !store) return;
    // The page may be going away: write what is pending, and keep the
    // conversations still streaming at once too (an IndexedDB write begun now
    // may not land before a reload; see conversation-store.ts).
    const hide = (): void => {
      saver.flushAll();
      // Only those streaming here: another tab's goes on where it is.
      store.keepInFlight(Object.values(conversations.getState().byId).filter((c) => runs.current.has(c.id) && isStreaming(c)));
    };
    // Shown again, the page goes on: what it kept would only be out of date.
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') hide();
      else store.keepInFlight([]);
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', hide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', hide);
      saver.flushAll();
    };
  }, [saver, store, conversations, runs]);
  return saver;
}
