// The compare view's speed table: each lane's last reply as figures side by
// side. Apart from compare.ts so the entry script does not carry it: only the
// compare screen, loaded on first use, reads it.
import type { CompareState } from './compare.ts';
import type { ModelInfo } from './model-catalog.ts';
import { liveTokensPerSecond, replyMetrics, sumCosts, wholeReplyCostAt } from './reply-metrics.ts';
import { isSettled, type AssistantMessage, type Cost, type ReplyTrace } from './types.ts';

/** One lane's speed in the last round, for the scoreboard over the lanes. */
export interface LaneSpeed {
  model: string;
  /** undefined: no reply in this lane yet. */
  status: AssistantMessage['status'] | undefined;
  /** How many settled replies the figures are of. */
  replies: number;
  firstTokenMs: number | undefined;
  /** Live (estimated from the text) while streaming; reported usage over the generating time once done. */
  tokensPerSecond: number | undefined;
  estimated: boolean;
  totalMs: number | undefined;
  /** What the reply cost at the gateway's prices, once its usage is in. */
  cost: Cost | undefined;
  /** How the reply arrived, once it has settled: for its pace beside the others'. */
  trace: ReplyTrace | undefined;
  /** The completion tokens the gateway counted for the trace's text, when it reported them: the pace's scale. */
  traceTokens: number | undefined;
  /** Whether the figures are (or, over all replies, include) a continued reply's: of the part after Continue. */
  continued: boolean;
  /** The smallest first-token time, the highest rate (of two lanes or more that have one). */
  fastestFirstToken: boolean;
  fastestRate: boolean;
  /** The smallest cost, of two lanes or more priced in one currency. */
  cheapest: boolean;
}

/** Which replies the figures are of: each lane's last, or all its settled ones (medians, and the cost summed). */
export type SpeedScope = 'last' | 'all';

/** The middle value (the mean of the middle two), or undefined with none. */
function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

type Row = Omit<LaneSpeed, 'fastestFirstToken' | 'fastestRate' | 'cheapest'>;

/** The cost of a reply at its prices (kept, else the gateway's now), its parts before Continue included. */
const costOf = (reply: AssistantMessage, lookup: (model: string) => ModelInfo | undefined): LaneSpeed['cost'] => wholeReplyCostAt(reply, lookup(reply.model)?.pricing);

/**
 * A lane over all its settled replies: the medians of first token, rate and
 * total time, and the cost summed (only when every one of them is priced, in
 * one currency). Its status is its last reply's, so a lane still streaming
 * says so; no pace, which is a single reply's.
 */
function allRepliesRow(model: string, replies: readonly AssistantMessage[], lookup: (model: string) => ModelInfo | undefined): Row {
  const settled = replies.filter((reply) => isSettled(reply.status));
  const metrics = settled.map(replyMetrics);
  const known = (pick: (m: ReturnType<typeof replyMetrics>) => number | undefined): number[] => metrics.map(pick).filter((n) => n !== undefined);
  return {
    model,
    status: replies.at(-1)?.status,
    replies: settled.length,
    firstTokenMs: median(known((m) => m.timeToFirstTokenMs)),
    tokensPerSecond: median(known((m) => m.tokensPerSecond)),
    estimated: metrics.some((m) => m.tokensPerSecond !== undefined && m.tokensEstimated),
    totalMs: median(known((m) => m.totalMs)),
    cost: sumCosts(settled.map((reply) => costOf(reply, lookup))),
    trace: undefined,
    traceTokens: undefined,
    continued: settled.some((reply) => reply.continuedFrom !== undefined),
  };
}

/** The best of the figures there are, when there are two or more to compare. */
function best(values: Array<number | undefined>, pick: (a: number, b: number) => number): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length >= 2 ? known.reduce((a, b) => pick(a, b)) : undefined;
}

/**
 * Each lane's last reply, as figures side by side (a streaming one as of its
 * latest token); with scope 'all', each lane over all its settled replies.
 */
export function laneSpeeds(state: CompareState, lookup: (model: string) => ModelInfo | undefined = () => undefined, scope: SpeedScope = 'last'): LaneSpeed[] {
  const rows = state.lanes.map((model): Row => {
    const replies = (state.chats[model]?.messages ?? []).filter((m): m is AssistantMessage => m.role === 'assistant');
    const reply = replies.at(-1);
    if (!reply) return { model, status: undefined, replies: 0, firstTokenMs: undefined, tokensPerSecond: undefined, estimated: false, totalMs: undefined, cost: undefined, trace: undefined, traceTokens: undefined, continued: false };
    if (scope === 'all') return allRepliesRow(model, replies, lookup);
    const settled = replyMetrics(reply);
    const streaming = !isSettled(reply.status);
    return {
      model,
      status: reply.status,
      replies: streaming ? 0 : 1,
      firstTokenMs: settled.timeToFirstTokenMs,
      tokensPerSecond: streaming ? liveTokensPerSecond(reply.timing) : settled.tokensPerSecond,
      estimated: streaming || settled.tokensEstimated,
      totalMs: settled.totalMs,
      cost: costOf(reply, lookup),
      trace: reply.trace,
      traceTokens: reply.usage?.completionTokens,
      continued: reply.continuedFrom !== undefined,
    };
  });
  const firstToken = best(rows.map((r) => r.firstTokenMs), Math.min);
  const rate = best(rows.map((r) => r.tokensPerSecond), Math.max);
  const currencies = new Set(rows.flatMap((r) => (r.cost ? [r.cost.currency] : [])));
  const cheapest = currencies.size === 1 ? best(rows.map((r) => r.cost?.amount), Math.min) : undefined;
  return rows.map((row) => ({
    ...row,
    fastestFirstToken: firstToken !== undefined && row.firstTokenMs === firstToken,
    fastestRate: rate !== undefined && row.tokensPerSecond === rate,
    cheapest: cheapest !== undefined && row.cost?.amount === cheapest,
  }));
}
