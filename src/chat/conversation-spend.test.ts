import { describe, expect, it } from 'vitest';
import { conversationSpend, totalSpend } from './conversation-spend.ts';
import { assistantReply } from './test-messages.ts';
import type { Message, UserMessage } from './types.ts';

const usage = (prompt: number, completion: number) => ({ promptTokens: prompt, completionTokens: completion, totalTokens: prompt + completion });
const dollars = (perMillionIn: number, perMillionOut: number) => ({ currency: 'USD', inputPerToken: perMillionIn / 1e6, outputPerToken: perMillionOut / 1e6 });
const user = (id: string, extra: Partial<UserMessage> = {}): UserMessage => ({ id, role: 'user', content: id, ...extra });
const noPrices = () => undefined;
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('conversationSpend', () => {
  it('adds up every request the gateway counted, at each reply\'s prices or else today\'s', () => {
    const messages: Message[] = [
      user('q1'),
      assistantReply({ id: 'r1', usage: usage(100, 50), pricing: dollars(1, 2) }),
      user('q2'),
      assistantReply({ id: 'r2', model: 'openai/gpt-4o-mini', usage: usage(200, 100), pricing: undefined }),
    ];
    const spend = conversationSpend(messages, (model) => (model === 'openai/gpt-4o-mini' ? dollars(10, 20) : undefined));
    expect(spend.counted).toBe(2);
    expect(spend.tokens).toBe(450);
    expect(spend.cost?.currency).toBe('USD');
    // 100×1 + 50×2 at its own prices, 200×10 + 100×20 at today's: per million.
    expect(spend.cost?.amount).toBeCloseTo((200 + 4000) / 1e6, 12);
  });

  it('counts the versions a regenerate kept, the parts before a Continue, and what followed an edited message\'s earlier version', () => {
    const earlierReply = assistantReply({ id: 'r0', usage: usage(10, 5), timing: { startedAt: 1, firstTokenAt: 2, endedAt: 3 } });
    const continued = assistantReply({
      id: 'r1',
      usage: usage(40, 20),
      timing: { startedAt: 2, firstTokenAt: 3, endedAt: 4 },
      earlier: [earlierReply],
      continuedFrom: { content: 3, reasoning: 0, usage: usage(30, 10), cost: { amount: 0.5, currency: 'USD' } },
      pricing: dollars(1e6, 1e6),
    });
    const editedAway: Message[] = [user('q0'), assistantReply({ id: 'old', usage: usage(7, 3), pricing: dollars(1e6, 1e6) })];
    const messages: Message[] = [user('q1', { branches: [editedAway] }), continued];
    const spend = conversationSpend(messages, noPrices);
    expect(spend.counted).toBe(4);
    expect(spend.tokens).toBe(15 + 40 + 60 + 10);
    // The regenerated-away reply r0 has no prices, so the sum is not known.
    expect(spend.cost).toBeUndefined();
    const priced = conversationSpend(
      [user('q1', { branches: [editedAway] }), { ...continued, earlier: [{ ...earlierReply, pricing: dollars(1e6, 1e6) }] }],
      noPrices,
    );
    // $1 a token: 15 + 10 + (the $0.50 before Continue) + 60.
    expect(priced.cost).toEqual({ amount: 85.5, currency: 'USD' });
  });

  it('leaves out replies without a count (stopped, cut off, a provider that sends none), and sums no currencies that differ', () => {
    const messages: Message[] = [
      user('q1'),
      assistantReply({ id: 'r1', usage: undefined, status: 'stopped' }),
      user('q2'),
      assistantReply({ id: 'r2', usage: usage(10, 10), pricing: dollars(1, 1) }),
      user('q3'),
      assistantReply({ id: 'r3', usage: usage(10, 10), pricing: { ...dollars(1, 1), currency: 'EUR' } }),
    ];
    expect(conversationSpend(messages, noPrices)).toEqual({ counted: 2, tokens: 40, cost: undefined });
    expect(conversationSpend([user('q1')], noPrices)).toEqual({ counted: 0, tokens: 0, cost: undefined });
  });
});

describe('totalSpend', () => {
  it('adds up lanes, leaving out those not counted yet; a cost only where every counted lane has one in one currency', () => {
    const none = { counted: 0, tokens: 0, cost: undefined };
    expect(totalSpend([{ counted: 1, tokens: 10, cost: usd(1) }, none, { counted: 2, tokens: 30, cost: usd(2) }])).toEqual({ counted: 3, tokens: 40, cost: usd(3) });
    expect(totalSpend([{ counted: 1, tokens: 10, cost: usd(1) }, { counted: 1, tokens: 5, cost: undefined }]).cost).toBeUndefined();
    expect(totalSpend([{ counted: 1, tokens: 10, cost: usd(1) }, { counted: 1, tokens: 5, cost: { amount: 1, currency: 'EUR' } }]).cost).toBeUndefined();
    expect(totalSpend([])).toEqual(none);
  });
});
