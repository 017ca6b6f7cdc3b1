// The line under the message box: about what sending the next message takes,
// before it is sent, from the gateway's model facts where it gives them.
import type { ModelInfo } from '../chat/model-catalog.ts';
import { compact, integer, money, percent } from './figures.ts';

export const PROMPT_ESTIMATE_TITLE =
  'An estimate: the gateway’s count of the last prompt, plus about 4 characters a token for what was added since, the message being typed included. The reply’s own tokens come on top.';

/** "Next prompt ≈ 1,234 tokens · 1.0% of 128K · ≈ $0.000185", as far as the gateway gives a window and prices. */
export function promptEstimateLine(tokens: number, info: ModelInfo | undefined): string {
  const parts = [`Next prompt ≈ ${integer.format(tokens)} tokens`];
  if (info?.contextWindow) parts.push(`${percent(tokens / info.contextWindow)} of ${compact.format(info.contextWindow)}`);
  if (info?.pricing) parts.push(`≈ ${money(tokens * info.pricing.inputPerToken, info.pricing.currency)}`);
  return parts.join(' · ');
}
