import type { ModelPricing } from './model-catalog.ts';
import type { AssistantMessage, ReplyTiming, Usage } from './types.ts';

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

function tokensInLength(characters: number): number {
  return Math.max(1, Math.round(characters / 4));
}

export function replyMetrics(reply: AssistantMessage): ReplyMetrics {
  const { startedAt, firstTokenAt, endedAt } = reply.timing;
  const timeToFirstTokenMs = firstTokenAt === undefined ? undefined : firstTokenAt - startedAt;
  const totalMs = endedAt === undefined ? undefined : endedAt - startedAt;
  const tokensEstimated = reply.usage === undefined;
  let tokensPerSecond: number | undefined;
  if (firstTokenAt !== undefined && endedAt !== undefined) {
    const generating = (endedAt - firstTokenAt) / 1000;
    const tokens = reply.usage?.completionTokens ?? estimateTokens(reply.reasoning + reply.content);
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
  return tokensInLength(liveSample.length) / seconds;
}

/**
 * What a reply cost at the gateway's per-token prices: its prompt and its
 * completion as the gateway counted them. Undefined without prices or usage.
 */
export function replyCost(usage: Usage | undefined, pricing: ModelPricing | undefined): number | undefined {
  if (!usage || !pricing) return undefined;
  return usage.promptTokens * pricing.inputPerToken + usage.completionTokens * pricing.outputPerToken;
}

/** The share (0–1) of the model's context window the request filled: its prompt, history included. */
export function contextShare(usage: Usage | undefined, contextWindow: number | undefined): number | undefined {
  if (!usage || !contextWindow) return undefined;
  return usage.promptTokens / contextWindow;
}
