// A reply's measured figures in one line of words, for a Markdown export to
// share: what the usage panel shows, as far as the reply has them.
import type { ModelInfo } from '../chat/model-catalog.ts';
import { replyCostAt, replyMetrics } from '../chat/reply-metrics.ts';
import type { AssistantMessage } from '../chat/types.ts';
import { duration, money, oneDecimal } from './figures.ts';

/** "First token 250 ms · 56.0 tok/s · total 1.3 s · $0.000102 at the gateway's prices", or undefined with none. */
export function replyFiguresLine(reply: AssistantMessage, info: ModelInfo | undefined): string | undefined {
  const metrics = replyMetrics(reply);
  const parts: string[] = [];
  if (metrics.timeToFirstTokenMs !== undefined) parts.push(`First token ${duration(metrics.timeToFirstTokenMs)}`);
  if (metrics.tokensPerSecond !== undefined) parts.push(`${metrics.tokensEstimated ? '≈ ' : ''}${oneDecimal.format(metrics.tokensPerSecond)} tok/s`);
  if (metrics.totalMs !== undefined) parts.push(`total ${duration(metrics.totalMs)}`);
  const cost = replyCostAt(reply, info?.pricing);
  if (cost) parts.push(`${money(cost.amount, cost.currency)} at the gateway's prices`);
  if (parts.length === 0) return undefined;
  // A continued reply's figures are its continuation's, as its usage panel says.
  return `${reply.continuedFrom ? 'After Continue: ' : ''}${parts.join(' · ')}`;
}
