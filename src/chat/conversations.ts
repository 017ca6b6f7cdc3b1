// Saved conversations: which exist, which is open, and each one's messages.
// A conversation's messages are still owned by chatReducer; this reducer only
// routes a chat action to its conversation, so a reply keeps streaming into
// its own conversation while another one is open.
import { chatReducer, type ChatAction } from './chat-reducer.ts';
import { isSettled, replyVersions, type Message, type UserMessage } from './types.ts';

export interface Conversation {
  id: string;
  title: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds of the last message sent: the list's order. */
  updatedAt: number;
  messages: Message[];
}

export interface ConversationsState {
  /** Saved conversations by id: a conversation exists once its first message is sent. */
  byId: Record<string, Conversation>;
  /** The open conversation, or a new one with no message yet (not in byId). */
  openId: string;
  /** Whether the saved conversations have been read from storage. */
  loaded: boolean;
  /**
   * Until they are: the list as this browser last showed it (kept beside the
   * history, read at once), so the list shows before the whole history is
   * read; empty when it was empty, undefined when none was kept.
   */
  preview?: readonly ConversationSummary[] | undefined;
}

export type ConversationsAction =
  /** `streamingElsewhere`: conversations whose reply another tab streams (and writes on to its end): kept as they are, not cut off. */
  | { type: 'conversationsLoaded'; conversations: Conversation[]; streamingElsewhere?: ReadonlySet<string> | undefined }
  /** One conversation read ahead of the rest (the open one): taken unless the history is in or a copy is here already. */
  | { type: 'conversationRead'; conversation: Conversation }
  | { type: 'conversationOpened'; id: string }
  /** A conversation deleted; when it was open, `nextOpenId` (a new, empty one) opens instead. */
  | { type: 'conversationDeleted'; id: string; nextOpenId: string }
  /**
   * Another tab saved or deleted a conversation (undefined: it is gone): this
   * tab takes that version, so neither overwrites the other with an old one.
   */
  | { type: 'conversationChangedElsewhere'; id: string; conversation: Conversation | undefined; nextOpenId: string }
  /** A conversation given a title of the reader's own (an empty one changes nothing). */
  | { type: 'conversationRenamed'; id: string; title: string }
  /** A deleted conversation put back (Undo). */
  | { type: 'conversationRestored'; conversation: Conversation }
  /** Conversations read from a file: one with the id of a saved one replaces it; the first is opened. */
  | { type: 'conversationsImported'; conversations: Conversation[] }
  | { type: 'chatAction'; conversationId: string; action: ChatAction };

/** Whether a conversation is one of the kept list that has not been read yet (see `preview`). */
export function unread(state: ConversationsState, id: string): boolean {
  return !state.byId[id] && state.preview?.some((summary) => summary.id === id) === true;
}

export function initialConversationsState(openId: string, preview?: readonly ConversationSummary[]): ConversationsState {
  return { byId: {}, openId, loaded: false, preview };
}

const TITLE_LENGTH = 60;

/** What names a conversation after a message: its text, or for images sent alone, their names. */
export function titleText(message: Pick<UserMessage, 'content' | 'images'>): string {
  return message.content.trim() || (message.images?.length ? `Image: ${message.images.map((image) => image.name).join(', ')}` : '');
}

/** A conversation is named by its first message's first line. */
export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0]!.trim().replace(/\s+/g, ' ');
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : line || 'New chat';
}

/**
 * A reply saved while it streamed was cut off by the page going away: it keeps
 * the text it had and reads as interrupted, never as forever streaming.
 */
export function restoredConversation(conversation: Conversation): Conversation {
  if (!conversation.messages.some((m) => m.role === 'assistant' && !isSettled(m.status))) return conversation;
  return {
    ...conversation,
    messages: conversation.messages.map((m) =>
      m.role === 'assistant' && !isSettled(m.status) ? { ...m, status: 'interrupted' as const } : m,
    ),
  };
}

function applyChatAction(state: ConversationsState, conversationId: string, action: ChatAction): ConversationsState {
  const existing = state.byId[conversationId];
  if (!existing && action.type !== 'sendRequested') return state;
  // A conversation of the kept list not read yet: a send would start it
  // afresh under its id, and the history, once read, would lose to that.
  if (unread(state, conversationId)) return state;
  const base: Conversation = existing ?? {
    id: conversationId,
    title: action.type === 'sendRequested' ? titleFrom(titleText(action.user)) : 'New chat',
    createdAt: action.type === 'sendRequested' ? action.at : 0,
    updatedAt: 0,
    messages: [],
  };
  const chat = chatReducer({ messages: base.messages }, action);
  if (existing && chat.messages === existing.messages) return state;
  const updatedAt = action.type === 'sendRequested' ? action.at : base.updatedAt;
  const title = followFirstMessage(base.title, base.messages, chat.messages);
  return { ...state, byId: { ...state.byId, [conversationId]: { ...base, title, messages: chat.messages, updatedAt } } };
}

/**
 * A conversation named by its first message keeps that name in step with it:
 * the first message edited, or another of its versions shown, names it anew.
 * A title the reader gave it (none of the message's versions' title) stays.
 */
function followFirstMessage(title: string, before: readonly Message[], after: readonly Message[]): string {
  const first = after[0];
  if (first === before[0] || first?.role !== 'user') return title;
  const versions = [first, ...(first.branches ?? []).map((branch) => branch[0])];
  const named = versions.some((version) => version?.role === 'user' && titleFrom(titleText(version)) === title);
  return named ? titleFrom(titleText(first)) : title;
}

export function conversationsReducer(state: ConversationsState, action: ConversationsAction): ConversationsState {
  switch (action.type) {
    case 'conversationsLoaded': {
      // Conversations started before storage answered stay as they are.
      const byId: Record<string, Conversation> = {};
      for (const conversation of action.conversations)
        byId[conversation.id] = action.streamingElsewhere?.has(conversation.id) ? conversation : restoredConversation(conversation);
      return { ...state, byId: { ...byId, ...state.byId }, loaded: true, preview: undefined };
    }
    case 'conversationRead': {
      const { conversation } = action;
      if (state.loaded || state.byId[conversation.id]) return state;
      return { ...state, byId: { ...state.byId, [conversation.id]: restoredConversation(conversation) } };
    }
    case 'conversationsImported': {
      const first = action.conversations[0];
      if (!first) return state;
      const byId = { ...state.byId };
      for (const conversation of action.conversations) byId[conversation.id] = restoredConversation(conversation);
      return { ...state, byId, openId: first.id };
    }
    case 'conversationDeleted': {
      if (!state.byId[action.id]) return state;
      const { [action.id]: _deleted, ...byId } = state.byId;
      // Read ahead of the history, it is in the kept list too: it goes from both.
      const preview = state.preview?.filter((summary) => summary.id !== action.id);
      return { ...state, byId, preview, openId: state.openId === action.id ? action.nextOpenId : state.openId };
    }
    case 'conversationChangedElsewhere': {
      if (action.conversation) return { ...state, byId: { ...state.byId, [action.id]: action.conversation } };
      return conversationsReducer(state, { type: 'conversationDeleted', id: action.id, nextOpenId: action.nextOpenId });
    }
    case 'conversationRenamed': {
      const existing = state.byId[action.id];
      const title = action.title.trim().replace(/\s+/g, ' ');
      if (!existing || !title || title === existing.title) return state;
      // Renaming does not move it up the list: the order is by the last message.
      return { ...state, byId: { ...state.byId, [action.id]: { ...existing, title } } };
    }
    case 'conversationRestored':
      return { ...state, byId: { ...state.byId, [action.conversation.id]: restoredConversation(action.conversation) } };
    case 'conversationOpened':
      return action.id === state.openId ? state : { ...state, openId: action.id };
    case 'chatAction':
      return applyChatAction(state, action.conversationId, action.action);
  }
}

const NO_MESSAGES: readonly Message[] = [];

export function openMessages(state: ConversationsState): readonly Message[] {
  return state.byId[state.openId]?.messages ?? NO_MESSAGES;
}

/** What the list of conversations shows: it changes when a conversation is added, renamed, or starts or ends a reply, not per streamed frame. */
export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: number;
  streaming: boolean;
}

/** Newest first; those of the preview not read yet among them. */
export function summarize(byId: ConversationsState['byId'], preview: readonly ConversationSummary[] = []): ConversationSummary[] {
  const read = Object.values(byId).map((c) => ({ id: c.id, title: c.title, updatedAt: c.updatedAt, streaming: isStreaming(c) }));
  const notRead = preview.filter((summary) => !byId[summary.id]);
  return [...read, ...notRead].toSorted((a, b) => b.updatedAt - a.updatedAt);
}

export function sameSummaries(a: readonly ConversationSummary[], b: readonly ConversationSummary[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x.id === y.id && x.title === y.title && x.updatedAt === y.updatedAt && x.streaming === y.streaming;
    })
  );
}

/** The model the conversation's last reply came from: the one it goes on with when it is opened again. */
export function lastReplyModel(conversation: Conversation | undefined): string | undefined {
  return conversation?.messages.findLast((m) => m.role === 'assistant')?.model;
}

export function isStreaming(conversation: Conversation): boolean {
  const last = conversation.messages.at(-1);
  return last?.role === 'assistant' && !isSettled(last.status);
}

/** A message's searchable text: a reply's answer and reasoning, in every version kept; an edited message's earlier versions and what followed them. */
function searchableText(message: Message): string {
  if (message.role === 'user') return [message.content, ...(message.branches ?? []).flat().map(searchableText)].join('\n');
  return replyVersions(message)
    .map((version) => `${version.content}\n${version.reasoning}`)
    .join('\n');
}

/** Conversations whose title or any message (an earlier version of a reply or of an edited message too) holds every word of the query, case-insensitively. */
export function searchConversations(list: readonly Conversation[], query: string): Conversation[] {
  const words = queryWords(query);
  if (words.length === 0) return [...list];
  return list.filter((conversation) => holdsEvery([conversation.title, ...conversation.messages.map(searchableText)].join('\n'), words));
}

function queryWords(query: string): string[] {
  return query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

function holdsEvery(text: string, words: readonly string[]): boolean {
  const haystack = text.toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}

/**
 * Ids of the conversations matching `query`, as searchConversations finds
 * them; until the history is read, the kept list's conversations not read
 * yet match by their title alone (their messages are not here to search).
 */
export function matchingIds({ byId, preview, loaded }: Pick<ConversationsState, 'byId' | 'preview' | 'loaded'>, query: string): Set<string> {
  const ids = new Set(searchConversations(Object.values(byId), query).map((c) => c.id));
  if (loaded || !preview) return ids;
  const words = queryWords(query);
  for (const { id, title } of preview) if (!(id in byId) && holdsEvery(title, words)) ids.add(id);
  return ids;
}
