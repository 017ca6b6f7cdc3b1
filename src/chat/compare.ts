// The compare view: one message sent to several models at once, each lane a
// chat of its own (its own history with its model), owned by chatReducer.
import { chatReducer, initialChatState, streamingReply, type ChatAction, type ChatState } from './chat-reducer.ts';
import type { Message } from './types.ts';

export interface CompareState {
  /** Model ids, in lane order; a model has at most one lane. */
  lanes: string[];
  chats: Record<string, ChatState>;
}

export type CompareAction =
  | { type: 'laneAdded'; model: string }
  | { type: 'laneRemoved'; model: string }
  | { type: 'laneAction'; model: string; action: ChatAction }
  | { type: 'lanesCleared' }
  /** Lanes' histories read back from storage after a reload: each lane of the same model that is still empty takes its own. */
  | { type: 'lanesRestored'; chats: Record<string, Message[]> };

export function initialCompareState(lanes: readonly string[]): CompareState {
  const unique = [...new Set(lanes.filter(Boolean))];
  return { lanes: unique, chats: Object.fromEntries(unique.map((model) => [model, initialChatState])) };
}

export function compareReducer(state: CompareState, action: CompareAction): CompareState {
  switch (action.type) {
    case 'laneAdded':
      if (state.lanes.includes(action.model)) return state;
      return { lanes: [...state.lanes, action.model], chats: { ...state.chats, [action.model]: initialChatState } };
    case 'laneRemoved': {
      if (!state.lanes.includes(action.model)) return state;
      const { [action.model]: _removed, ...chats } = state.chats;
      return { lanes: state.lanes.filter((model) => model !== action.model), chats };
    }
    case 'laneAction': {
      const chat = state.chats[action.model];
      if (!chat) return state;
      const next = chatReducer(chat, action.action);
      return next === chat ? state : { ...state, chats: { ...state.chats, [action.model]: next } };
    }
    case 'lanesCleared':
      return initialCompareState(state.lanes);
    case 'lanesRestored': {
      const restored = state.lanes.filter((model) => (action.chats[model]?.length ?? 0) > 0 && (state.chats[model]?.messages.length ?? 0) === 0);
      if (restored.length === 0) return state;
      const chats = { ...state.chats };
      for (const model of restored) chats[model] = { messages: action.chats[model]! };
      return { ...state, chats };
    }
  }
}

/**
 * What a lane sends a message after: its history before `from` (the message
 * an edit or a regenerate replaces), or all of it. A lane added after that
 * message never had it, and sends after its whole history.
 */
export function laneHistory(messages: readonly Message[], from: string | undefined): { history: readonly Message[]; rewound: boolean } {
  const cut = from === undefined ? -1 : messages.findIndex((m) => m.id === from);
  return cut < 0 ? { history: messages, rewound: false } : { history: messages.slice(0, cut), rewound: true };
}

export function isComparing(state: CompareState): boolean {
  return state.lanes.some((model) => streamingReply(state.chats[model] ?? initialChatState) !== undefined);
}
