import type { ToolCall } from './types.ts';

/** A piece of a reply as shown: a run of its text (from offset `from`), or a tool call where it came. */
export type ReplyPart = { kind: 'text'; text: string; from: number } | { kind: 'call'; call: ToolCall };

/**
 * A reply's text with its tool calls where they came: in an MCP stream
 * (several completions, each but the last ending in tool calls the gateway
 * runs) between the texts of the completions; a call at the text's end, or
 * one kept before calls were placed, after the text. A reply without calls
 * is its text alone, the same string.
 */
export function replyParts(content: string, toolCalls: readonly ToolCall[]): ReplyPart[] {
  const parts: ReplyPart[] = [];
  let from = 0;
  const after: ToolCall[] = [];
  for (const call of toolCalls) {
    if (call.at === undefined || call.at >= content.length) {
      after.push(call);
      continue;
    }
    if (call.at > from) parts.push({ kind: 'text', text: content.slice(from, call.at), from });
    parts.push({ kind: 'call', call });
    from = Math.max(from, call.at);
  }
  if (content.length > from) parts.push({ kind: 'text', text: from === 0 ? content : content.slice(from), from });
  for (const call of after) parts.push({ kind: 'call', call });
  return parts;
}
