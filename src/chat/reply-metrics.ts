import type { ModelPricing } from './model-catalog.ts';
import { countedLengths, type AssistantMessage, type Cost, type Message, type ReplyTiming, type Usage } from './types.ts';

export interface ReplyMetrics {
  timeToFirstTokenMs: number | undefined;
  totalMs: number | undefined;
  tokensPerSecond: number | undefined;
  /** True when tokens per second is estimated from text length because no usage was reported. */
  tokensEstimated: boolean;
}

/** Rough tokens in English text; used only when the gateway reports no usage. */
export function estimateTokens(text: string): number {
  return tokensInLength(text.length);
}

/** English text runs about this many characters a token (OpenAI's rule of thumb). */
export const CHARACTERS_PER_TOKEN = 4;

/** Tokens in a text of this many characters, at so many characters a token (at least one). */
export function tokensInLength(characters: number, charactersPerToken = CHARACTERS_PER_TOKEN): number {
  return Math.max(1, Math.round(characters / charactersPerToken));
}

/**
 * A streamed text's tokens before (or without) the gateway's count: one a
 * piece, as most providers stream a token a chunk (code and Chinese run
 * nearer 3 and 1–2 characters a token than 4); or, where the chunks held
 * more than that (some providers send a sentence a chunk), 4 characters a token.
 */
export function streamedTokens(characters: number, pieces = 0): number {
  return Math.max(pieces, tokensInLength(characters));
}

export function replyMetrics(reply: AssistantMessage): ReplyMetrics {
  const { startedAt, firstTokenAt, endedAt } = reply.timing;
  const timeToFirstTokenMs = firstTokenAt === undefined ? undefined : firstTokenAt - startedAt;
  const totalMs = endedAt === undefined ? undefined : endedAt - startedAt;
  const tokensEstimated = reply.usage === undefined;
  let tokensPerSecond: number | undefined;
  if (firstTokenAt !== undefined && endedAt !== undefined) {
    const generating = (endedAt - firstTokenAt) / 1000;
    const counted = countedLengths(reply);
    const tokens = reply.usage?.completionTokens ?? streamedTokens(counted.reasoning + counted.content, reply.timing.pieces);
    if (generating > 0 && tokens > 0) tokensPerSecond = tokens / generating;
  }
  return { timeToFirstTokenMs, totalMs, tokensPerSecond, tokensEstimated };
}

/**
 * The rate of a reply still streaming, as of its live sample (taken at most
 * every LIVE_SAMPLE_MS): tokens estimated from the text's length (usage
 * comes only at the end) over the time from its first token to the sample.
 * Undefined until there is a first token, and for the first quarter second,
 * when a handful of tokens over a few milliseconds says nothing.
 */
export function liveTokensPerSecond({ firstTokenAt, liveSample }: Pick<ReplyTiming, 'firstTokenAt' | 'liveSample'>): number | undefined {
  if (firstTokenAt === undefined || liveSample === undefined) return undefined;
  const seconds = (liveSample.at - firstTokenAt) / 1000;
  if (seconds < 0.25) return undefined;
  return (liveSample.tokens ?? tokensInLength(liveSample.length)) / seconds;
}

/** The prices a reply is costed at: those kept with it when it was asked for, else the gateway's prices now. */
export function replyPricing(reply: Pick<AssistantMessage, 'pricing'>, now: ModelPricing | undefined): ModelPricing | undefined {
  return reply.pricing ?? now;
}

/**
 * What a reply cost at the gateway's per-token prices: its prompt and its
 * completion as the gateway counted them. Undefined without prices or usage.
 */
export function replyCost(usage: Usage | undefined, pricing: ModelPricing | undefined): number | undefined {
  if (!usage || !pricing) return undefined;
  return usage.promptTokens * pricing.inputPerToken + usage.completionTokens * pricing.outputPerToken;
}

/** What a reply cost at its prices (kept with it, else `now`), with their currency; undefined without prices or usage. */
export function replyCostAt(reply: Pick<AssistantMessage, 'pricing' | 'usage'>, now: ModelPricing | undefined): Cost | undefined {
  const pricing = replyPricing(reply, now);
  const amount = replyCost(reply.usage, pricing);
  return amount === undefined || !pricing ? undefined : { amount, currency: pricing.currency };
}

/** Costs added up: none when there are none, or when any is unknown or in another currency. */
export function sumCosts(costs: ReadonlyArray<Cost | undefined>): Cost | undefined {
  const [first] = costs;
  if (!first || costs.some((cost) => cost?.currency !== first.currency)) return undefined;
  return { amount: costs.reduce((sum, cost) => sum + cost!.amount, 0), currency: first.currency };
}

/**
 * What a reply cost in all: with a continued one, what its parts before
 * Continue cost too, and unknown when they reported none.
 */
export function wholeReplyCostAt(reply: Pick<AssistantMessage, 'pricing' | 'usage' | 'continuedFrom'>, now: ModelPricing | undefined): Cost | undefined {
  const cost = replyCostAt(reply, now);
  return reply.continuedFrom ? sumCosts([reply.continuedFrom.cost, cost]) : cost;
}

/** The share (0–1) of the model's context window the request filled: its prompt, history included. */
export function contextShare(usage: Usage | undefined, contextWindow: number | undefined): number | undefined {
  if (!usage || !contextWindow) return undefined;
  return usage.promptTokens / contextWindow;
}

/** What chat templates add around each message's text (role markers, separators): about 4 tokens with OpenAI's. */
const MESSAGE_OVERHEAD_TOKENS = 4;

/** About how many tokens a system prompt adds to a request (none when it is empty). */
export function systemPromptTokens(systemPrompt: string): number {
  const system = systemPrompt.trim();
  return system ? estimateTokens(system) + MESSAGE_OVERHEAD_TOKENS : 0;
}

/**
 * About how many prompt tokens sending `draft` next would take: the gateway's
 * count of the last prompt it counted, plus an estimate of what the history
 * has gained since (that reply's text, sent back without its reasoning) and
 * of the draft, and of how much the system prompt has grown or shrunk since
 * that prompt (where the reply kept its estimate). With nothing counted yet,
 * an estimate of it all.
 */
export function nextPromptTokens(history: readonly Message[], systemPrompt: string, draft: string): number {
  const counted = history.findLastIndex((message) => message.role === 'assistant' && message.usage !== undefined);
  const last = history[counted];
  const system = systemPromptTokens(systemPrompt);
  let tokens = system;
  if (last?.role === 'assistant' && last.usage) {
    tokens = last.usage.promptTokens + (last.systemTokens === undefined ? 0 : system - last.systemTokens);
  }
  const since = counted < 0 ? history : history.slice(counted);
  const added = draft.trim() ? [...since, { content: draft, role: 'user' as const }] : since;
  for (const message of added) {
    // As buildChatRequest sends it: a reply that said nothing is left out.
    if (message.role === 'assistant' && message.content.trim() === '') continue;
    // A continued reply went out as the last message of the prompt counted: only what came after is new.
    const from = message === last && message.role === 'assistant' ? message.continuedFrom : undefined;
    tokens += from ? estimateTokens(message.content.slice(from.content)) : estimateTokens(message.content) + MESSAGE_OVERHEAD_TOKENS;
  }
  return tokens;
}
