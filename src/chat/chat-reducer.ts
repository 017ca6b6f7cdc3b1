// The one pure reducer that owns the conversation and its in-flight reply.
// Actions are past-tense events; stream events arrive batched per frame.
import type { TimedStreamEvent, ToolCallPiece } from '../gateway/client.ts';
import type { ModelPricing } from './model-catalog.ts';
import { streamedTokens, wholeReplyCostAt } from './reply-metrics.ts';
import { wholeTrace } from './whole-trace.ts';
import type { AssistantMessage, ContinuedFrom, Message, ReplyTrace, ToolCall, UserMessage } from './types.ts';
import { canContinue, countedLengths, isSettled, messageVersions, replyVersions } from './types.ts';

export interface ChatState {
  messages: Message[];
}

export type ChatAction =
  /**
   * `pricing`: the gateway's prices for the model now, kept with the reply.
   * `earlier`: when it is asked for again, the replies it takes the place of.
   * `systemTokens`: the estimate of the system prompt sent (systemPromptTokens).
   */
  | {
      type: 'sendRequested';
      user: UserMessage;
      replyId: string;
      model: string;
      at: number;
      pricing?: ModelPricing | undefined;
      earlier?: AssistantMessage[] | undefined;
      systemTokens?: number | undefined;
    }
  /**
   * Asks a reply that ended before its end to go on: it streams again from
   * where it is, and its usage, timing and trace start over for the part to
   * come.
   */
  | { type: 'continueRequested'; replyId: string; at: number; pricing?: ModelPricing | undefined; systemTokens?: number | undefined }
  /** Shows another version of a reply in its place: the conversation goes on from that one. */
  | { type: 'replyVersionShown'; replyId: string; versionId: string }
  /**
   * Shows another version of an edited message (the first message of that
   * branch has `versionId`) with what followed it then, in place of this one
   * and what follows it now, which are kept as a branch in turn.
   */
  | { type: 'messageVersionShown'; messageId: string; versionId: string }
  /**
   * `trace`: with the events that end the stream, how it arrived, so the
   * trace joins the reply in the commit that settles it (one commit at the
   * end of a reply, not two).
   */
  | { type: 'streamEventsReceived'; replyId: string; events: TimedStreamEvent[]; trace?: ReplyTrace | undefined }
  | { type: 'stopRequested'; replyId: string; at: number }
  | { type: 'streamFailed'; replyId: string; message: string; at: number }
  /** How the reply arrived, recorded once its stream has settled. */
  | { type: 'traceRecorded'; replyId: string; trace: ReplyTrace }
  | { type: 'conversationCleared' }
  /** Drops a message and everything after it: an edited message or a regenerated reply is sent again from there. */
  | { type: 'historyRewound'; messageId: string };

/** A settled reply with the trace of how it arrived; an open one is left as it is. */
function withTrace(reply: AssistantMessage, trace: ReplyTrace | undefined): AssistantMessage {
  return trace && isSettled(reply.status) ? { ...reply, trace } : reply;
}

export const initialChatState: ChatState = { messages: [] };

/** A tool call's piece joined to its call, or a new call that came when the reply's text was `at` long. */
function mergeToolCall(calls: ToolCall[], piece: ToolCallPiece, at: number): ToolCall[] {
  const existing = calls.find((c) => c.index === piece.index);
  if (!existing) {
    return [...calls, { index: piece.index, id: piece.id, name: piece.name ?? '', arguments: piece.arguments ?? '', at }];
  }
  return calls.map((c) =>
    c === existing
      ? { ...c, id: c.id ?? piece.id, name: c.name + (piece.name ?? ''), arguments: c.arguments + (piece.arguments ?? '') }
      : c,
  );
}

/** How often the live rate's sample of the reply's length is taken again. */
export const LIVE_SAMPLE_MS = 500;

/**
 * Applies one frame's events to a reply. The reply is copied once per batch,
 * not once per event: the copy is this function's own until it returns, so
 * writing to it keeps the reducer pure.
 */
function applyEvents(reply: AssistantMessage, events: readonly TimedStreamEvent[]): AssistantMessage {
  if (isSettled(reply.status) || events.length === 0) return reply;
  const next: AssistantMessage = { ...reply, timing: { ...reply.timing } };
  const { timing } = next;
  let tokenAt: number | undefined;
  const tokenArrived = (at: number): void => {
    next.status = 'streaming';
    timing.firstTokenAt ??= at;
    timing.pieces = (timing.pieces ?? 0) + 1;
    tokenAt = at;
  };
  for (const { event, at } of events) {
    // Nothing after the end of the stream changes the reply.
    if (isSettled(next.status)) break;
    switch (event.type) {
      case 'delta':
        next.content += event.text;
        tokenArrived(at);
        break;
      case 'reasoning':
        next.reasoning += event.text;
        tokenArrived(at);
        break;
      case 'toolCall':
        next.toolCalls = mergeToolCall(next.toolCalls, event.piece, next.content.length);
        tokenArrived(at);
        break;
      case 'usage':
        next.usage = event.usage;
        break;
      case 'finish':
        next.finishReason = event.reason;
        break;
      case 'routed':
        if (event.model) next.model = event.provider ? `${event.provider}/${event.model}` : event.model;
        break;
      case 'done':
      case 'interrupted':
        next.status = event.type;
        timing.endedAt = at;
        break;
    }
  }
  if (tokenAt !== undefined && (timing.liveSample === undefined || tokenAt - timing.liveSample.at >= LIVE_SAMPLE_MS)) {
    const counted = countedLengths(next);
    const length = counted.reasoning + counted.content;
    timing.liveSample = { at: tokenAt, length, tokens: streamedTokens(length, timing.pieces) };
  }
  return next;
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

/**
 * Where a reply is continued from: its lengths now, and the usage and cost of
 * all its parts so far (this one's added to those before an earlier
 * Continue), each left out when a part did not report it.
 */
function continuedFrom(reply: AssistantMessage): ContinuedFrom {
  const from: ContinuedFrom = { content: reply.content.length, reasoning: reply.reasoning.length };
  const before = reply.continuedFrom;
  const { usage } = reply;
  if (usage && (!before || before.usage)) {
    const earlier = before?.usage;
    from.usage = earlier
      ? { promptTokens: earlier.promptTokens + usage.promptTokens, completionTokens: earlier.completionTokens + usage.completionTokens, totalTokens: earlier.totalTokens + usage.totalTokens }
      : usage;
  }
  const cost = wholeReplyCostAt(reply, undefined);
  if (cost) from.cost = cost;
  const trace = wholeTrace(reply);
  if (trace) from.trace = trace;
  return from;
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
      if (action.pricing) reply.pricing = action.pricing;
      if (action.systemTokens !== undefined) reply.systemTokens = action.systemTokens;
      if (action.earlier?.length) reply.earlier = action.earlier;
      // Its versions (Edit) are ordered by when each was sent.
      const user = action.user.sentAt === undefined ? { ...action.user, sentAt: action.at } : action.user;
      return { messages: [...state.messages, user, reply] };
    }
    case 'continueRequested':
      return updateReply(state, action.replyId, (reply) => {
        if (!isSettled(reply.status) || !canContinue(reply)) return reply;
        const next: AssistantMessage = {
          ...reply,
          status: 'waiting',
          usage: undefined,
          finishReason: undefined,
          error: undefined,
          timing: { startedAt: action.at, firstTokenAt: undefined, endedAt: undefined },
          continuedFrom: continuedFrom(reply),
        };
        delete next.trace;
        delete next.pricing;
        delete next.systemTokens;
        if (action.pricing) next.pricing = action.pricing;
        if (action.systemTokens !== undefined) next.systemTokens = action.systemTokens;
        return next;
      });
    case 'streamEventsReceived':
      return updateReply(state, action.replyId, (reply) => withTrace(applyEvents(reply, action.events), action.trace));
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
    case 'replyVersionShown':
      return updateReply(state, action.replyId, (reply) => {
        const versions = replyVersions(reply);
        const shown = versions.find((version) => version.id === action.versionId);
        if (!shown || shown.id === reply.id || !isSettled(reply.status)) return reply;
        return { ...shown, earlier: versions.filter((version) => version !== shown) };
      });
    case 'messageVersionShown': {
      const index = state.messages.findIndex((m) => m.id === action.messageId);
      const last = state.messages.at(-1);
      // Not while a reply streams: it would stream into a hidden branch.
      if (index < 0 || (last?.role === 'assistant' && !isSettled(last.status))) return state;
      const versions = messageVersions(state.messages, index);
      const shown = versions.find((branch) => branch[0]?.id === action.versionId);
      const first = shown?.[0];
      if (!shown || first?.role !== 'user' || first.id === action.messageId) return state;
      const others = versions.filter((branch) => branch !== shown);
      return { messages: [...state.messages.slice(0, index), { ...first, branches: others }, ...shown.slice(1)] };
    }
    case 'traceRecorded':
      return updateReply(state, action.replyId, (reply) => withTrace(reply, action.trace));
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
