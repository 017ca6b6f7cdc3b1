// A continued reply's parts each record their own trace; chained, they are
// how the whole reply arrived, which Replay plays. Kept apart from
// reply-trace.ts, which the reducer's module feeds: the reducer chains the
// traces when a reply is continued.
import type { AssistantMessage, ReplyTrace, TextLengths } from './types.ts';

/**
 * A continued reply's trace as one: `after`, the continuation's (its lengths
 * counted from `from`, where it was continued), following on from `before`,
 * that of the text before it (from the start). The continuation starts the
 * moment the part before ended: how long a person took to press Continue is
 * left out; the continuation's own wait for its first token stays.
 */
export function chainTraces(before: ReplyTrace, after: ReplyTrace, from: TextLengths): ReplyTrace {
  return {
    at: [...before.at, ...after.at.map((time) => before.end + time)],
    content: [...before.content.map((length) => Math.min(length, from.content)), ...after.content.map((length) => from.content + length)],
    reasoning: [...before.reasoning.map((length) => Math.min(length, from.reasoning)), ...after.reasoning.map((length) => from.reasoning + length)],
    end: before.end + after.end,
  };
}

/**
 * How all of a reply's text arrived, from its first request: its trace, or for
 * a continued reply the parts' traces chained. Undefined when any part has none
 * (it was saved before traces were kept, or came with no text).
 */
export function wholeTrace(reply: Pick<AssistantMessage, 'trace' | 'continuedFrom'>): ReplyTrace | undefined {
  const { trace, continuedFrom: from } = reply;
  if (!trace || !from) return trace;
  return from.trace ? chainTraces(from.trace, trace, from) : undefined;
}
