// The one pure reducer that owns the conversation and its in-flight reply.
// Actions are past-tense events; stream events arrive batched per frame.
import type { StreamEvent } from '../gateway/client.ts';
import type { AssistantMessage, Message, ToolCall, UserMessage } from './types.ts';
import { isSettled } from './types.ts';

export interface ChatState {
  messages: Message[];
}

export interface TimedStreamEvent {
  event: StreamEvent;
  at: number;
}

export type ChatAction =
  | { type: 'sendRequested'; user: UserMessage; replyId: string; model: string; at: number }
  | { type: 'streamEventsReceived'; replyId: string; events: TimedStreamEvent[] }
  | { type: 'stopRequested'; replyId: string; at: number }
  | { type: 'streamFailed'; replyId: string; message: string; at: number }
  | { type: 'conversationCleared' }
  /** Drops a message and everything after it: an edited message or a regenerated reply is sent again from there. */
  | { type: 'historyRewound'; messageId: string };

export const initialChatState: ChatState = { messages: [] };

function mergeToolCall(calls: ToolCall[], piece: Extract<StreamEvent, { type: 'toolCall' }>['piece']): ToolCall[] {
  const existing = calls.find((c) => c.index === piece.index);
  if (!existing) {
    return [...calls, { index: piece.index, id: piece.id, name: piece.name ?? '', arguments: piece.arguments ?? '' }];
  }
  return calls.map((c) =>
    c === existing
      ? { ...c, id: c.id ?? piece.id, name: c.name + (piece.name ?? ''), arguments: c.arguments + (piece.arguments ?? '') }
      : c,
  );
}

function applyEvent(reply: AssistantMessage, { event, at }: TimedStreamEvent): AssistantMessage {
  if (isSettled(reply.status)) return reply;
  const tokenArrived = (): AssistantMessage['timing'] => ({ ...reply.timing, firstTokenAt: reply.timing.firstTokenAt ?? at, lastTokenAt: at });
  switch (event.type) {
    case 'delta':
      return { ...reply, status: 'streaming', content: reply.content + event.text, timing: tokenArrived() };
    case 'reasoning':
      return { ...reply, status: 'streaming', reasoning: reply.reasoning + event.text, timing: tokenArrived() };
    case 'toolCall':
      return { ...reply, status: 'streaming', toolCalls: mergeToolCall(reply.toolCalls, event.piece), timing: tokenArrived() };
    case 'usage':
      return { ...reply, usage: event.usage };
    case 'finish':
      return { ...reply, finishReason: event.reason };
    case 'routed':
      return event.model ? { ...reply, model: event.provider ? `${event.provider}/${event.model}` : event.model } : reply;
    case 'done':
      return { ...reply, status: 'done', timing: { ...reply.timing, endedAt: at } };
    case 'interrupted':
      return { ...reply, status: 'interrupted', timing: { ...reply.timing, endedAt: at } };
  }
}

function updateReply(state: ChatState, replyId: string, update: (reply: AssistantMessage) => AssistantMessage): ChatState {
  let changed = false;
  const messages = state.messages.map((m) => {
    if (m.id !== replyId || m.role !== 'assistant') return m;
    const next = update(m);
    if (next !== m) changed = true;
    return next;
  });
  return changed ? { messages } : state;
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'sendRequested': {
      const reply: AssistantMessage = {
        id: action.replyId,
        role: 'assistant',
        model: action.model,
        content: '',
        reasoning: '',
        toolCalls: [],
        status: 'waiting',
        usage: undefined,
        finishReason: undefined,
        error: undefined,
        timing: { startedAt: action.at, firstTokenAt: undefined, endedAt: undefined },
      };
      return { messages: [...state.messages, action.user, reply] };
    }
    case 'streamEventsReceived':
      return updateReply(state, action.replyId, (reply) => action.events.reduce(applyEvent, reply));
    case 'stopRequested':
      return updateReply(state, action.replyId, (reply) =>
        isSettled(reply.status) ? reply : { ...reply, status: 'stopped', timing: { ...reply.timing, endedAt: action.at } },
      );
    case 'streamFailed':
      return updateReply(state, action.replyId, (reply) =>
        isSettled(reply.status)
          ? reply
          : { ...reply, status: 'failed', error: action.message, timing: { ...reply.timing, endedAt: action.at } },
      );
    case 'conversationCleared':
      return initialChatState;
    case 'historyRewound': {
      const index = state.messages.findIndex((m) => m.id === action.messageId);
      return index < 0 ? state : { messages: state.messages.slice(0, index) };
    }
  }
}

export function streamingReply(state: ChatState): AssistantMessage | undefined {
  const last = state.messages.at(-1);
  return last?.role === 'assistant' && !isSettled(last.status) ? last : undefined;
}
