import type { ModelPricing } from './model-catalog.ts';
import { replyCostAt, sumCosts } from './reply-metrics.ts';
import { replyVersions, type AssistantMessage, type Cost, type Message } from './types.ts';

/** What a conversation has taken so far, as the gateway counted it. */
export interface ConversationSpend {
  /** Requests the gateway counted: each reply asked for, every version and part (before a Continue) of it. */
  counted: number;
  /** Their prompt and completion tokens, all added up. */
  tokens: number;
  /** Their cost at each reply's prices, when every counted one is priced in one currency. */
  cost: Cost | undefined;
}

/** Every reply asked for in the conversation: earlier versions, and what followed earlier versions of an edited message, too. */
function everyReply(messages: readonly Message[]): AssistantMessage[] {
  return messages.flatMap((message) =>
    message.role === 'assistant' ? replyVersions(message) : (message.branches ?? []).flatMap((branch) => everyReply(branch)),
  );
}

/**
 * What the conversation's requests took, from the gateway's own counts:
 * every reply ever asked for in it (regenerated and edited away ones were
 * paid for too). A reply stopped or cut off before the gateway's count, or
 * from a provider that sends none, is not in it; `pricingOf` gives the
 * prices now for a reply kept without its own.
 */
export function conversationSpend(messages: readonly Message[], pricingOf: (model: string) => ModelPricing | undefined): ConversationSpend {
  let counted = 0;
  let tokens = 0;
  const costs: Array<Cost | undefined> = [];
  for (const reply of everyReply(messages)) {
    const before = reply.continuedFrom;
    if (before?.usage) {
      counted += 1;
      tokens += before.usage.totalTokens;
      costs.push(before.cost);
    }
    if (reply.usage) {
      counted += 1;
      tokens += reply.usage.totalTokens;
      costs.push(replyCostAt(reply, pricingOf(reply.model)));
    }
  }
  return { counted, tokens, cost: sumCosts(costs) };
}

/** Several conversations' spends (a comparison's lanes) together; a cost only where every one that was counted has one, in one currency. */
export function totalSpend(spends: readonly ConversationSpend[]): ConversationSpend {
  const counted = spends.filter((spend) => spend.counted > 0);
  return {
    counted: counted.reduce((sum, spend) => sum + spend.counted, 0),
    tokens: counted.reduce((sum, spend) => sum + spend.tokens, 0),
    cost: sumCosts(counted.map((spend) => spend.cost)),
  };
}
