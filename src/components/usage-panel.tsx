import { replyMetrics } from '../chat/reply-metrics.ts';
import type { AssistantMessage } from '../chat/types.ts';

const integer = new Intl.NumberFormat('en-US');
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

function seconds(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${oneDecimal.format(ms / 1000)} s`;
}

const FINISH_WORDS: Record<string, string> = {
  length: 'Stopped at the max tokens limit',
  content_filter: 'Stopped by the provider’s content filter',
  tool_calls: 'Ended with a tool call',
};

function Row({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="flex items-baseline gap-1.5" title={title}>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="font-medium tabular-nums text-zinc-800 dark:text-zinc-200">{value}</dd>
    </div>
  );
}

export function UsagePanel({ reply }: { reply: AssistantMessage }) {
  const metrics = replyMetrics(reply);
  const usage = reply.usage;
  const finishNote = reply.finishReason ? FINISH_WORDS[reply.finishReason] : undefined;
  return (
    <section aria-label="Usage" className="mt-3 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-xs dark:border-zinc-800 dark:bg-zinc-900/60">
      <dl className="flex flex-wrap gap-x-5 gap-y-1">
        {usage ? (
          <>
            <Row label="Prompt tokens" value={integer.format(usage.promptTokens)} />
            <Row label="Completion tokens" value={integer.format(usage.completionTokens)} />
            <Row label="Total tokens" value={integer.format(usage.totalTokens)} />
          </>
        ) : (
          <>
            <Row label="Prompt tokens" value="not reported" />
            <Row label="Completion tokens" value="not reported" />
            <Row label="Total tokens" value="not reported" />
          </>
        )}
        <Row label="Time to first token" value={seconds(metrics.timeToFirstTokenMs)} title="Measured in this browser" />
        <Row label="Total time" value={seconds(metrics.totalMs)} title="Measured in this browser" />
        <Row
          label="Tokens per second"
          value={metrics.tokensPerSecond === undefined ? '—' : `${metrics.tokensEstimated ? '≈' : ''}${oneDecimal.format(metrics.tokensPerSecond)}`}
          title={metrics.tokensEstimated ? 'Estimated from the text length: the gateway reported no usage' : 'Completion tokens over the time from first token to end'}
        />
      </dl>
      {finishNote ? <p className="mt-1 text-amber-700 dark:text-amber-400">{finishNote}</p> : null}
    </section>
  );
}
