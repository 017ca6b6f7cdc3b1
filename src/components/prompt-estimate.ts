// The line under the message box: about what sending the next message takes,
// before it is sent, from the gateway's model facts where it gives them.
import type { ConversationSpend } from '../chat/conversation-spend.ts';
import type { ModelInfo } from '../chat/model-catalog.ts';
import { compact, integer, money, percent } from './figures.ts';

export const PROMPT_ESTIMATE_TITLE =
  'An estimate: the gateway’s count of the last prompt, plus about 4 characters a token for what was added since, the message being typed included. The reply’s own tokens come on top. Images attached are not reckoned: what one costs differs by provider and size.';

/** How the "so far" at the line's end is counted, over `where` ("this conversation", "every lane"). */
const soFarTitle = (where: string): string =>
  `So far: the prompt and completion tokens of every request in ${where} as the gateway counted them (earlier versions too), at each reply’s prices; a reply stopped or cut off before the gateway’s count is not in it.`;

/** The chat's line says what the conversation took so far too. */
export const CHAT_ESTIMATE_TITLE = `${PROMPT_ESTIMATE_TITLE} ${soFarTitle('this conversation')}`;

export const LANES_ESTIMATE_TITLE = `Each lane sends its own conversation, so each prompt is reckoned apart. ${PROMPT_ESTIMATE_TITLE} ${soFarTitle('every lane')}`;

/** The line in full, and shorter for a phone's width (where the full one was cut before its "so far"). */
export interface EstimateLine {
  text: string;
  short: string;
}

/** Both forms of a line (none where the full form says nothing). */
export function estimateLine(line: (form: 'full' | 'short') => string): EstimateLine;
export function estimateLine(line: (form: 'full' | 'short') => string | undefined): EstimateLine | undefined;
export function estimateLine(line: (form: 'full' | 'short') => string | undefined): EstimateLine | undefined {
  const text = line('full');
  return text === undefined ? undefined : { text, short: line('short') ?? text };
}

/**
 * "Next prompt ≈ 1,234 tokens · 1.0% of 128K · ≈ $0.000185", as far as the
 * gateway gives a window and prices; with what the conversation took so
 * far, once the gateway counted any of it: "· so far 2,345 tokens, $0.000512".
 * Short: "≈ 1,234 tokens · 1.0% · ≈ $0.000185 · so far $0.000512".
 */
export function promptEstimateLine(tokens: number, info: ModelInfo | undefined, spent?: ConversationSpend, form: 'full' | 'short' = 'full'): string {
  const full = form === 'full';
  const parts = [`${full ? 'Next prompt ' : ''}≈ ${integer.format(tokens)} tokens`];
  if (info?.contextWindow) parts.push(`${percent(tokens / info.contextWindow)}${full ? ` of ${compact.format(info.contextWindow)}` : ''}`);
  if (info?.pricing) parts.push(`≈ ${money(tokens * info.pricing.inputPerToken, info.pricing.currency)}`);
  const sofar = spentPart(spent, form);
  if (sofar) parts.push(sofar);
  return parts.join(' · ');
}

/** "so far 2,345 tokens, $0.000512" once the gateway counted any of it; short, the cost alone where there is one. */
function spentPart(spent: ConversationSpend | undefined, form: 'full' | 'short'): string | undefined {
  if (!spent?.counted) return undefined;
  const cost = spent.cost ? money(spent.cost.amount, spent.cost.currency) : undefined;
  if (form === 'short' && cost) return `so far ${cost}`;
  return `so far ${integer.format(spent.tokens)} tokens${cost ? `, ${cost}` : ''}`;
}

export interface LanePrompt {
  tokens: number;
  info: ModelInfo | undefined;
}

/**
 * The compare view's line: "Next prompts ≈ 463–480 tokens · up to 0.4% of a
 * window · ≈ $0.00112 for all 3", the cost summed over the lanes the gateway
 * prices (in one currency; none is given across currencies); with what
 * every lane took so far, once the gateway counted any of it.
 */
export function lanesEstimateLine(lanes: readonly LanePrompt[], spent?: ConversationSpend, form: 'full' | 'short' = 'full'): string | undefined {
  if (lanes.length === 0) return undefined;
  if (lanes.length === 1) return promptEstimateLine(lanes[0]!.tokens, lanes[0]!.info, spent, form);
  const full = form === 'full';
  const tokens = lanes.map((lane) => lane.tokens);
  const low = Math.min(...tokens);
  const high = Math.max(...tokens);
  const parts = [`${full ? 'Next prompts ' : ''}≈ ${low === high ? `${integer.format(low)} tokens each` : `${integer.format(low)}–${integer.format(high)} tokens`}`];
  const shares = lanes.flatMap(({ tokens: n, info }) => (info?.contextWindow ? [n / info.contextWindow] : []));
  if (shares.length > 0 && full) parts.push(`up to ${percent(Math.max(...shares))} of a window`);
  const priced = lanes.flatMap(({ tokens: n, info }) => (info?.pricing ? [{ cost: n * info.pricing.inputPerToken, currency: info.pricing.currency }] : []));
  const currencies = new Set(priced.map((lane) => lane.currency));
  if (priced.length > 0 && currencies.size === 1) {
    const total = priced.reduce((sum, lane) => sum + lane.cost, 0);
    const which = priced.length === lanes.length ? `all ${lanes.length}` : `${priced.length} of ${lanes.length} lanes`;
    parts.push(full ? `≈ ${money(total, priced[0]!.currency)} for ${which}` : `≈ ${money(total, priced[0]!.currency)}`);
  }
  const sofar = spentPart(spent, form);
  if (sofar) parts.push(sofar);
  return parts.join(' · ');
}
