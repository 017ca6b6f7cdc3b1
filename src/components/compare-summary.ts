// The speed table over the compare view's lanes, as Markdown: what a shared
// comparison opens with, written as the page writes its figures.
import type { LaneSpeed } from '../chat/lane-speeds.ts';
import type { ComparedLane } from '../chat/export.ts';
import { duration, money, oneDecimal } from './figures.ts';

/** Pipes and line breaks would end a Markdown table cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** A figure, with the word that marks it best of the lanes. */
const best = (text: string, marked: boolean, word: string): string => (marked ? `${text} (${word})` : text);

/**
 * "## Last message", the message quoted, then a table of each lane's first
 * token, rate, total time and cost, the best of each marked; undefined before
 * any lane has a reply.
 */
export function speedSummaryMarkdown(lanes: readonly ComparedLane[], speeds: readonly LaneSpeed[]): string | undefined {
  if (!speeds.some((speed) => speed.status !== undefined)) return undefined;
  const asked = lanes.flatMap((lane) => lane.messages).findLast((message) => message.role === 'user');
  const rows = speeds.map((s) =>
    [
      `\`${s.model}\``,
      s.firstTokenMs === undefined ? '—' : best(duration(s.firstTokenMs), s.fastestFirstToken, 'fastest'),
      s.tokensPerSecond === undefined ? '—' : best(`${s.estimated ? '≈ ' : ''}${oneDecimal.format(s.tokensPerSecond)}`, s.fastestRate, 'fastest'),
      s.totalMs === undefined ? (s.status === 'stopped' ? 'stopped' : '—') : duration(s.totalMs),
      s.cost ? best(money(s.cost.amount, s.cost.currency), s.cheapest, 'cheapest') : '—',
    ].map(cell),
  );
  const table = ['| Model | First token | Tokens a second | Total time | Cost |', '|---|---:|---:|---:|---:|', ...rows.map((row) => `| ${row.join(' | ')} |`)];
  const quote = asked ? `${asked.content.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')}\n\n` : '';
  return `## Last message\n\n${quote}${table.join('\n')}\n\n_Measured in this browser; costs at the gateway's prices._`;
}
