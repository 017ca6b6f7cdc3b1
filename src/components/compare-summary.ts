// The speed table over the compare view's lanes, as Markdown: what a shared
// comparison opens with, written as the page writes its figures.
import type { LaneSpeed, SpeedScope } from '../chat/lane-speeds.ts';
import type { ComparedLane } from '../chat/export.ts';
import { duration, money, oneDecimal } from './figures.ts';

/** Pipes and line breaks would end a Markdown table cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** "Medians of 3 replies a lane; cost is their sum." (or "of 2–3 replies" when lanes differ). */
export function allScopeNote(speeds: readonly LaneSpeed[]): string {
  const counts = speeds.map((s) => s.replies).filter((n) => n > 0);
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  const of = counts.length === 0 ? '' : low === high ? ` of ${low} ${low === 1 ? 'reply' : 'replies'} a lane` : ` of ${low}–${high} replies a lane`;
  return `Medians${of}; cost is their sum.`;
}

/**
 * "Continued: groq/llama-3.3-70b-versatile. Its times and speeds are for the
 * part after Continue; its cost counts every part, when each reported usage."
 * when any lane's figures are a continuation's.
 */
export function continuedNote(speeds: readonly LaneSpeed[]): string | undefined {
  const models = speeds.filter((s) => s.continued).map((s) => s.model);
  if (models.length === 0) return undefined;
  const one = models.length === 1;
  return `Continued: ${models.join(', ')}. ${one ? 'Its' : 'Their'} times and speeds are for the ${one ? 'part' : 'parts'} after Continue; ${one ? 'its cost counts' : 'their costs count'} every part, when each reported usage.`;
}

/** A figure, with the word that marks it best of the lanes. */
const best = (text: string, marked: boolean, word: string): string => (marked ? `${text} (${word})` : text);

/**
 * "## Last message", the message quoted, then a table of each lane's first
 * token, rate, total time and cost, the best of each marked; with scope
 * 'all', "## All messages" and the medians. Undefined before any lane has a reply.
 */
export function speedSummaryMarkdown(lanes: readonly ComparedLane[], speeds: readonly LaneSpeed[], scope: SpeedScope = 'last'): string | undefined {
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
  const continued = continuedNote(speeds);
  const measured = `Measured in this browser; costs at the gateway's prices.${continued ? ` ${continued}` : ''}`;
  if (scope === 'all') return `## All messages\n\n${table.join('\n')}\n\n_${allScopeNote(speeds)} ${measured}_`;
  const quote = asked ? `${asked.content.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')}\n\n` : '';
  return `## Last message\n\n${quote}${table.join('\n')}\n\n_${measured}_`;
}
