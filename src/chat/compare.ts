// The compare view: one message sent to several models at once, each lane a
// chat of its own (its own history with its model), owned by chatReducer.
import { chatReducer, initialChatState, streamingReply, type ChatAction, type ChatState } from './chat-reducer.ts';
import { isSettled, type AssistantMessage, type Message } from './types.ts';

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
  | { type: 'lanesRestored'; chats: Record<string, Message[]> }
  /**
   * A blind test's pick: `model`'s reply `replyId` is the best to its message,
   * and no other lane's reply to that message is; picked again, none is.
   */
  | { type: 'replyPreferred'; model: string; replyId: string };

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
    case 'replyPreferred':
      return preferred(state, action.model, action.replyId);
    case 'lanesRestored': {
      const restored = state.lanes.filter((model) => (action.chats[model]?.length ?? 0) > 0 && (state.chats[model]?.messages.length ?? 0) === 0);
      if (restored.length === 0) return state;
      const chats = { ...state.chats };
      for (const model of restored) chats[model] = { messages: action.chats[model]! };
      return { ...state, chats };
    }
  }
}

/** Each lane's reply to the message `replyId` answers, marked preferred in `model`'s lane only (or, picked again, in none). */
function preferred(state: CompareState, model: string, replyId: string): CompareState {
  const messages = state.chats[model]?.messages ?? [];
  const at = messages.findIndex((message) => message.id === replyId);
  const reply = messages[at];
  const asked = messages[at - 1];
  if (reply?.role !== 'assistant' || !isSettled(reply.status) || asked?.role !== 'user') return state;
  const picking = !reply.preferred;
  const chats = { ...state.chats };
  for (const lane of state.lanes) {
    const chat = chats[lane];
    const i = chat?.messages.findIndex((message) => message.id === asked.id) ?? -1;
    const answer = chat?.messages[i + 1];
    if (!chat || i < 0 || answer?.role !== 'assistant') continue;
    const pick = picking && lane === model && answer.id === replyId ? true : undefined;
    if (answer.preferred === pick) continue;
    const { preferred: _was, ...rest } = answer;
    const marked: AssistantMessage = pick ? { ...rest, preferred: true } : rest;
    chats[lane] = { ...chat, messages: chat.messages.map((message, j) => (j === i + 1 ? marked : message)) };
  }
  return { ...state, chats };
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

export interface BlindPicks {
  /** How many messages have a pick. */
  messages: number;
  /** Each lane's picked replies, in the lanes' order (lanes with none left out). */
  lanes: { model: string; picks: number }[];
}

/** What blind tests picked over the lanes' conversations (the versions shown): how often each lane's reply was the best. */
export function blindPicks(lanes: readonly { model: string; messages: readonly Message[] }[]): BlindPicks {
  const asked = new Set<string>();
  const counted = lanes.map(({ model, messages }) => {
    let picks = 0;
    messages.forEach((message, i) => {
      const question = messages[i - 1];
      if (message.role !== 'assistant' || !message.preferred || question?.role !== 'user') return;
      picks++;
      asked.add(question.id);
    });
    return { model, picks };
  });
  return { messages: asked.size, lanes: counted.filter((lane) => lane.picks > 0) };
}
