// How a reply arrived, kept with it so it can be played again in place: the
// wait for the first token, the pace and the pauses of the provider, without
// asking the provider again. Recorded from the stream as read off the wire,
// at most one sample per frame (what a screen could have shown), as lengths:
// the text only ever grows, so its prefixes are the reply as it was.
import { isStreamEnd, type TimedStreamEvent } from '../gateway/client.ts';
import { LIVE_SAMPLE_MS } from './chat-reducer.ts';
import { CHARACTERS_PER_TOKEN, tokensInLength } from './reply-metrics.ts';
import type { AssistantMessage, LiveSample, ReplyTrace, TextLengths } from './types.ts';
import { wholeTrace } from './whole-trace.ts';

/** Samples closer than this merge into one: a frame at 60 Hz. */
export const TRACE_SAMPLE_MS = 16;

export interface TraceRecorder {
  record(item: TimedStreamEvent): void;
  /** The trace once the stream has settled at `endedAt` (epoch ms); undefined when no text came, or when it was already finished. */
  finish(endedAt: number): ReplyTrace | undefined;
}

/** Records the reply asked for at `startedAt` (epoch ms, the reply's timing.startedAt). */
export function createTraceRecorder(startedAt: number): TraceRecorder {
  const at: number[] = [];
  const content: number[] = [];
  const reasoning: number[] = [];
  let contentLength = 0;
  let reasoningLength = 0;
  let end: number | undefined;
  let finished = false;
  const offset = (when: number): number => Math.max(0, Math.round(when - startedAt));
  return {
    record({ event, at: when }) {
      if (isStreamEnd(event)) end ??= offset(when);
      if (end !== undefined) return;
      if (event.type === 'delta') contentLength += event.text.length;
      else if (event.type === 'reasoning') reasoningLength += event.text.length;
      else return;
      const time = offset(when);
      const last = at.length - 1;
      if (last >= 0 && time - at[last]! < TRACE_SAMPLE_MS) {
        content[last] = contentLength;
        reasoning[last] = reasoningLength;
      } else {
        at.push(time);
        content.push(contentLength);
        reasoning.push(reasoningLength);
      }
    },
    finish(endedAt) {
      if (finished || at.length === 0) return undefined;
      finished = true;
      return { at: [...at], content: [...content], reasoning: [...reasoning], end: Math.max(end ?? offset(endedAt), at.at(-1)!) };
    },
  };
}

const numbers = (list: unknown): list is number[] => Array.isArray(list) && list.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0);

/** A trace read from storage or a file: undefined unless its arrays agree and only grow. */
export function parseTrace(value: unknown): ReplyTrace | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { at, content, reasoning, end } = value as Record<string, unknown>;
  if (!numbers(at) || !numbers(content) || !numbers(reasoning) || typeof end !== 'number' || !Number.isFinite(end)) return undefined;
  if (at.length === 0 || content.length !== at.length || reasoning.length !== at.length) return undefined;
  for (let i = 1; i < at.length; i++) {
    if (at[i]! < at[i - 1]! || content[i]! < content[i - 1]! || reasoning[i]! < reasoning[i - 1]!) return undefined;
  }
  return { at, content, reasoning, end: Math.max(end, at.at(-1)!) };
}

/** The index of the last sample at or before `position`, or -1 before the first. */
function sampleAt(times: readonly number[], position: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= position) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const NO_TEXT: TextLengths = { content: 0, reasoning: 0 };

/** What Replay plays, and the text there before its first sample. */
export interface ReplaySource {
  trace: ReplyTrace;
  from: TextLengths;
  /** The completion tokens the gateway counted for the trace's text, where it did: the live rate counts tokens at their ratio. */
  tokens?: number | undefined;
}

/**
 * The whole reply where every part of it has a trace. Otherwise, for a
 * continued reply, its last part: the text it was continued from is there
 * from the start.
 */
export function replaySource(reply: AssistantMessage): ReplaySource | undefined {
  const last = reply.usage?.completionTokens;
  const whole = wholeTrace(reply);
  if (whole && reply.continuedFrom) {
    // The parts before Continue reported theirs together, where they did.
    const before = reply.continuedFrom.usage?.completionTokens;
    return { trace: whole, from: NO_TEXT, tokens: last !== undefined && before !== undefined ? last + before : undefined };
  }
  return reply.trace ? { trace: reply.trace, from: reply.continuedFrom ?? NO_TEXT, tokens: last } : undefined;
}

/**
 * The reply as it was `position` milliseconds after it was asked for: its
 * text up to then, waiting or streaming, with the live rate's sample as the
 * reducer would have taken it. From the trace's end on, the reply itself.
 */
export function replayFrame(reply: AssistantMessage, { trace, from, tokens: counted }: ReplaySource, position: number): AssistantMessage {
  if (position >= trace.end) return reply;
  const index = sampleAt(trace.at, position);
  const { startedAt } = reply.timing;
  const timing = { startedAt, firstTokenAt: undefined as number | undefined, liveSample: undefined as LiveSample | undefined, endedAt: undefined };
  if (index < 0) {
    return {
      ...reply,
      content: reply.content.slice(0, from.content),
      reasoning: reply.reasoning.slice(0, from.reasoning),
      toolCalls: [],
      status: 'waiting',
      usage: undefined,
      finishReason: undefined,
      error: undefined,
      timing,
    };
  }
  timing.firstTokenAt = startedAt + trace.at[0]!;
  // The reducer samples the length at most every LIVE_SAMPLE_MS: the latest sample on that grid.
  const sampleTime = trace.at[0]! + Math.floor((position - trace.at[0]!) / LIVE_SAMPLE_MS) * LIVE_SAMPLE_MS;
  const sample = sampleAt(trace.at, sampleTime);
  const length = trace.content[sample]! + trace.reasoning[sample]!;
  // The live rate counts tokens as the gateway did at the end, so it does not jump there.
  timing.liveSample = { at: startedAt + trace.at[sample]!, length, tokens: tokensInLength(length, charactersPerToken(trace, counted)) };
  return {
    ...reply,
    content: reply.content.slice(0, from.content + trace.content[index]!),
    reasoning: reply.reasoning.slice(0, from.reasoning + trace.reasoning[index]!),
    toolCalls: [],
    status: 'streaming',
    usage: undefined,
    finishReason: undefined,
    error: undefined,
    timing,
  };
}

export interface PaceProfile {
  /** Tokens a second in equal slices of the time from the first token to the last (see paceProfile for how tokens are counted). */
  rates: number[];
  peak: number;
  /** The longest wait between two tokens, in milliseconds, when it was a second or more. */
  longestPause: number | undefined;
}

const PAUSE_WORTH_SAYING_MS = 1000;
/**
 * A sample's text came over the time since the one before, up to this long:
 * spread over it, chunks a few frames apart do not alias into a comb of
 * spikes and gaps; a longer wait before a chunk stays a gap.
 */
const SPREAD_MS = 250;

/** Characters a token in a trace's text: the reply's own ratio where the gateway counted the text's tokens, else 4. */
function charactersPerToken(trace: ReplyTrace, tokens: number | undefined): number {
  const characters = trace.content.at(-1)! + trace.reasoning.at(-1)!;
  return tokens !== undefined && tokens > 0 && characters > 0 ? characters / tokens : CHARACTERS_PER_TOKEN;
}

/**
 * How fast a reply came over its course, from its first token to its last.
 * The first chunk's own text is not counted: it took no time that the trace
 * saw. Undefined when the reply came in one piece.
 *
 * `tokens` is what the gateway counted for the trace's text (the reply's
 * completion tokens): the characters are turned into tokens at the reply's
 * own ratio, so the bars agree with its tokens a second whatever the
 * language or the tokenizer (code runs about 3 characters a token, Chinese
 * 1 to 2). Without it, 4 characters a token.
 */
export function paceProfile(trace: ReplyTrace, slices: number, tokens?: number): PaceProfile | undefined {
  const first = trace.at[0]!;
  const span = trace.at.at(-1)! - first;
  if (trace.at.length < 2 || span <= 0) return undefined;
  const sliceMs = span / slices;
  const characters = Array.from({ length: slices }, () => 0);
  const total = (i: number): number => trace.content[i]! + trace.reasoning[i]!;
  const perToken = charactersPerToken(trace, tokens);
  let longestPause = 0;
  for (let i = 1; i < trace.at.length; i++) {
    const end = trace.at[i]! - first;
    const gap = end - (trace.at[i - 1]! - first);
    longestPause = Math.max(longestPause, gap);
    const arrived = total(i) - total(i - 1);
    if (arrived === 0) continue;
    if (gap === 0) {
      characters[Math.min(slices - 1, Math.floor(end / sliceMs))]! += arrived;
      continue;
    }
    const start = end - Math.min(gap, SPREAD_MS);
    // The share of [start, end] in each slice it crosses.
    for (let slice = Math.floor(start / sliceMs); slice * sliceMs < end && slice < slices; slice++) {
      const overlap = Math.min(end, (slice + 1) * sliceMs) - Math.max(start, slice * sliceMs);
      characters[slice]! += (arrived * Math.max(0, overlap)) / (end - start);
    }
  }
  const rates = characters.map((count) => count / perToken / (sliceMs / 1000));
  return { rates, peak: Math.max(...rates), longestPause: longestPause >= PAUSE_WORTH_SAYING_MS ? longestPause : undefined };
}
