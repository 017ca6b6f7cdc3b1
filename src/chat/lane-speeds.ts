// The compare view's speed table: each lane's last reply as figures side by
// side. Apart from compare.ts so the entry script does not carry it: only the
// compare screen, loaded on first use, reads it.
import type { CompareState } from './compare.ts';
import type { ModelInfo } from './model-catalog.ts';
import { liveTokensPerSecond, replyCost, replyMetrics, replyPricing } from './reply-metrics.ts';
import { isSettled, type AssistantMessage, type ReplyTrace } from './types.ts';

/** One lane's speed in the last round, for the scoreboard over the lanes. */
export interface LaneSpeed {
  model: string;
  /** undefined: no reply in this lane yet. */
  status: AssistantMessage['status'] | undefined;
  firstTokenMs: number | undefined;
  /** Live (estimated from the text) while streaming; reported usage over the generating time once done. */
  tokensPerSecond: number | undefined;
  estimated: boolean;
  totalMs: number | undefined;
  /** What the reply cost at the gateway's prices, once its usage is in. */
  cost: { amount: number; currency: string } | undefined;
  /** How the reply arrived, once it has settled: for its pace beside the others'. */
  trace: ReplyTrace | undefined;
  /** The smallest first-token time, the highest rate (of two lanes or more that have one). */
  fastestFirstToken: boolean;
  fastestRate: boolean;
  /** The smallest cost, of two lanes or more priced in one currency. */
  cheapest: boolean;
}

/** The best of the figures there are, when there are two or more to compare. */
function best(values: Array<number | undefined>, pick: (a: number, b: number) => number): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length >= 2 ? known.reduce((a, b) => pick(a, b)) : undefined;
}

/** Each lane's last reply, as figures side by side (a streaming one as of its latest token). */
export function laneSpeeds(state: CompareState, lookup: (model: string) => ModelInfo | undefined = () => undefined): LaneSpeed[] {
  const rows = state.lanes.map((model): Omit<LaneSpeed, 'fastestFirstToken' | 'fastestRate' | 'cheapest'> => {
    const reply = state.chats[model]?.messages.findLast((m): m is AssistantMessage => m.role === 'assistant');
    if (!reply) return { model, status: undefined, firstTokenMs: undefined, tokensPerSecond: undefined, estimated: false, totalMs: undefined, cost: undefined, trace: undefined };
    const settled = replyMetrics(reply);
    const streaming = !isSettled(reply.status);
    const pricing = replyPricing(reply, lookup(reply.model)?.pricing);
    const amount = replyCost(reply.usage, pricing);
    return {
      model,
      status: reply.status,
      firstTokenMs: settled.timeToFirstTokenMs,
      tokensPerSecond: streaming ? liveTokensPerSecond(reply.timing) : settled.tokensPerSecond,
      estimated: streaming || settled.tokensEstimated,
      totalMs: settled.totalMs,
      cost: amount === undefined || !pricing ? undefined : { amount, currency: pricing.currency },
      trace: reply.trace,
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
