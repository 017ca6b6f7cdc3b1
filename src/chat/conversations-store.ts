// The conversations reducer's state, held outside React so a view can
// subscribe to the part it shows: while a reply streams, only the open
// conversation's log re-renders each frame, not the header, the model picker
// and the list around it. React binds to it with useSyncExternalStore.
import {
  conversationsReducer,
  unread,
  isStreaming,
  openMessages,
  sameSummaries,
  summarize,
  type ConversationSummary,
  type ConversationsAction,
  type ConversationsState,
} from './conversations.ts';
import type { Message } from './types.ts';

export interface ConversationsStore {
  getState(): ConversationsState;
  dispatch(action: ConversationsAction): void;
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The list's summaries, newest first: the same array until a conversation is added, renamed, or starts or ends a reply. */
  summaries(): ConversationSummary[];
  /** The open conversation's messages: a new array only when they change. */
  openMessages(): readonly Message[];
  /** Whether the open conversation has a reply streaming. */
  openStreaming(): boolean;
  /** Whether the open conversation is one of the kept list, not read yet: nothing can be sent to it until it is. */
  openUnread(): boolean;
}

/** Whether two versions of byId list the same conversations with the same titles, times and streaming: what a summary holds. */
function sameFields(before: ConversationsState['byId'], after: ConversationsState['byId']): boolean {
  let count = 0;
  for (const id in after) {
    count++;
    const now = after[id]!;
    const was = before[id];
    if (was === now) continue;
    if (!was || was.title !== now.title || was.updatedAt !== now.updatedAt || isStreaming(was) !== isStreaming(now)) return false;
  }
  // Every one listed now was listed before: the same number means none has gone.
  for (const _ in before) count--;
  return count === 0;
}

export function createConversationsStore(initial: ConversationsState): ConversationsStore {
  let state = initial;
  const listeners = new Set<() => void>();
  // Derived once per version of byId, and kept as the same array while a reply only grows.
  let summarizedFrom: ConversationsState['byId'] | undefined;
  let previewedFrom: ConversationsState['preview'];
  let summaries: ConversationSummary[] = [];

  return {
    getState: () => state,
    dispatch(action) {
      const next = conversationsReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    summaries() {
      if (summarizedFrom === state.byId && previewedFrom === state.preview) return summaries;
      // Each streamed frame makes a new byId: most leave every summary as it
      // was, which is checked without building the list again (a thousand
      // summaries sorted and thrown away per frame cost about 1 ms and their garbage).
      const same = previewedFrom === state.preview && summarizedFrom !== undefined && sameFields(summarizedFrom, state.byId);
      summarizedFrom = state.byId;
      previewedFrom = state.preview;
      if (!same) {
        const next = summarize(state.byId, state.preview);
        if (!sameSummaries(next, summaries)) summaries = next;
      }
      return summaries;
    },
    openMessages: () => openMessages(state),
    openUnread: () => unread(state, state.openId),
    openStreaming() {
      const open = state.byId[state.openId];
      return open !== undefined && isStreaming(open);
    },
  };
}
