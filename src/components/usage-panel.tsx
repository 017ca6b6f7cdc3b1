import { memo, useContext } from 'react';
import { contextShare, liveTokensPerSecond, replyCost, replyMetrics, replyPricing } from '../chat/reply-metrics.ts';
import type { AssistantMessage, ContinuedFrom, ReplyTiming } from '../chat/types.ts';
import { compact, duration, integer, money, oneDecimal, percent, wholeNumber } from './figures.ts';
import { ModelLookupContext } from './model-lookup.ts';
import { PaceSparkline } from './pace-sparkline.tsx';

function seconds(ms: number | undefined): string {
  return ms === undefined ? '—' : duration(ms);
}

/** While a reply streams: its rate so far and how long its first token took, for whoever watches it arrive. */
export function liveLine({ startedAt, firstTokenAt, liveSample }: Pick<ReplyTiming, 'startedAt' | 'firstTokenAt' | 'liveSample'>): string | undefined {
  const rate = liveTokensPerSecond({ firstTokenAt, liveSample });
  if (rate === undefined || firstTokenAt === undefined) return undefined;
  return `≈ ${wholeNumber.format(rate)} tok/s so far · first token in ${seconds(firstTokenAt - startedAt)}`;
}

const FINISH_WORDS: Record<string, string> = {
  length: 'Stopped at the max tokens limit',
  content_filter: 'Stopped by the provider’s content filter',
  tool_calls: 'Ended with a tool call',
};

/** Why a reply stopped or cut off before its end shows no token counts: the question its "not reported" rows raise. */
const UNCOUNTED_WORDS: Partial<Record<AssistantMessage['status'], string>> = {
  stopped: 'No token counts: the gateway sends them with a reply’s last chunk, which did not come before Stop.',
  interrupted: 'No token counts: the gateway sends them with a reply’s last chunk, which never came.',
};

// A figure too wide for its cell goes under its label, whole, rather than
// breaking the label and itself a word a line ("Completion / tokens / not /
// reported" in a compare lane).
function Row({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-1.5" title={title}>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="font-medium tabular-nums text-zinc-800 dark:text-zinc-200">{value}</dd>
    </div>
  );
}

interface UsagePanelProps {
  reply: AssistantMessage;
  /**
   * While the reply streams the panel already holds its place, hidden and
   * with no figures: when the reply ends only its numbers change, so the
   * reply does not grow under the reader, and the end's frame lays out no
   * new boxes.
   */
  pending?: boolean;
  /** While pending: the reply's rate so far, shown where the figures will be. */
  live?: string | undefined;
}

const PENDING = '—';

/** Under a continued reply's figures: they are the last part's; what the parts before it reported. */
export function continuedNote({ usage, cost }: ContinuedFrom): string {
  const before = usage
    ? ` Before it: ${integer.format(usage.totalTokens)} tokens (${integer.format(usage.promptTokens)} prompt, ${integer.format(usage.completionTokens)} completion)${cost ? `, ${money(cost.amount, cost.currency)}` : ''}.`
    : ' The part before it reported no token counts.';
  return `Continued: these figures are for the part after Continue.${before}`;
}

// A pending panel shows no figures, so it follows the streaming reply only when its live line changes.
export const UsagePanel = memo(UsagePanelView, (prev, next) => prev.pending === true && next.pending === true && prev.live === next.live);

function UsagePanelView({ reply, pending = false, live }: UsagePanelProps) {
  const metrics = pending ? undefined : replyMetrics(reply);
  const usage = pending ? undefined : reply.usage;
  const tokens = (count: number | undefined): string => (pending ? PENDING : count === undefined ? 'not reported' : integer.format(count));
  const finishNote = pending ? undefined : reply.finishReason ? FINISH_WORDS[reply.finishReason] : usage ? undefined : UNCOUNTED_WORDS[reply.status];
  // Cost and context use where the gateway gives prices and a context window:
  // the pending panel holds those rows too, so the end of the reply adds no line.
  const info = useContext(ModelLookupContext)(reply.model);
  const { contextWindow } = info ?? {};
  const pricing = replyPricing(reply, info?.pricing);
  const priced = reply.pricing ? "At the gateway's prices when this reply was asked for" : "At the gateway's prices";
  const reported = (figure: number | undefined, show: (n: number) => string): string =>
    pending ? PENDING : figure === undefined ? 'not reported' : show(figure);
  // Positioned settled too, not only for the pending live line: a panel that
  // stops being positioned when the reply ends makes Chromium lay out the
  // page's compositing layers anew in the final frame (10–14 ms at 4x CPU
  // throttle, against 1–3 ms when it stays positioned).
  return (
    <section
      aria-label="Usage"
      aria-hidden={pending || undefined}
      className={`${pending ? 'invisible ' : ''}relative mt-3 rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-2 text-xs sm:px-3 dark:border-zinc-800 dark:bg-zinc-900/60`}
    >
      {/* Columns wide enough for any figure, not wrapping rows: figures wider
          than the pending dashes must not add a line when the reply ends.
          Four across a reply, two in a compare lane. Two on a phone from
          390 px, closer together (a column of nine took a fifth of its
          height): a cell is then 164 px, the widest figure of a reply that
          ends ("Time to first token 310 ms") 161; one column below. */}
      <dl className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-x-2 gap-y-1 sm:grid-cols-[repeat(auto-fill,minmax(10.5rem,1fr))] sm:gap-x-5">
        <Row label="Prompt tokens" value={tokens(usage?.promptTokens)} />
        <Row label="Completion tokens" value={tokens(usage?.completionTokens)} />
        <Row label="Total tokens" value={tokens(usage?.totalTokens)} />
        {pricing ? (
          <Row
            label="Cost"
            value={reported(replyCost(usage, pricing), (cost) => money(cost, pricing.currency))}
            title={`${priced}: ${money(pricing.inputPerToken * 1e6, pricing.currency)} per million prompt tokens, ${money(pricing.outputPerToken * 1e6, pricing.currency)} per million completion tokens`}
          />
        ) : null}
        <Row label="Time to first token" value={metrics ? seconds(metrics.timeToFirstTokenMs) : PENDING} title="Measured in this browser" />
        <Row label="Total time" value={metrics ? seconds(metrics.totalMs) : PENDING} title="Measured in this browser" />
        <Row
          label="Tokens per second"
          value={metrics?.tokensPerSecond === undefined ? '—' : `${metrics.tokensEstimated ? '≈ ' : ''}${oneDecimal.format(metrics.tokensPerSecond)}`}
          title={metrics?.tokensEstimated ? 'Estimated, as the gateway reported no usage: a token for each piece streamed, or 4 characters a token where pieces were longer' : 'Completion tokens over the time from first token to end'}
        />
        {/* The pending panel holds this row too: a reply that streams text gets its trace in the task that ends it. */}
        {pending || reply.trace ? (
          <div className="flex items-baseline gap-1.5">
            <dt className="text-zinc-500 dark:text-zinc-400">Pace</dt>
            <dd className="font-medium text-zinc-800 dark:text-zinc-200">{reply.trace && !pending ? <PaceSparkline trace={reply.trace} tokens={usage?.completionTokens} /> : PENDING}</dd>
          </div>
        ) : null}
        {contextWindow ? (
          <Row
            label="Context"
            value={reported(contextShare(usage, contextWindow), (share) => `${percent(share)} of ${compact.format(contextWindow)}`)}
            title={`The prompt (the whole conversation sent) against the model's context window of ${integer.format(contextWindow)} tokens`}
          />
        ) : null}
      </dl>
      {/* The one visible part of a pending panel: its box and figures come with the end. */}
      {pending && live ? <p className="visible absolute inset-x-0 top-0 px-3 py-2 tabular-nums text-zinc-500 dark:text-zinc-400">{live}</p> : null}
      {reply.continuedFrom && !pending ? <p className="mt-1 text-zinc-500 dark:text-zinc-400">{continuedNote(reply.continuedFrom)}</p> : null}
      {finishNote ? <p className="mt-1 text-amber-700 dark:text-amber-400">{finishNote}</p> : null}
    </section>
  );
}
