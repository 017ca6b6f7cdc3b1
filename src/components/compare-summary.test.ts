import { describe, expect, it } from 'vitest';
import type { LaneSpeed } from '../chat/lane-speeds.ts';
import { speedSummaryMarkdown } from './compare-summary.ts';

const speed = (over: Partial<LaneSpeed>): LaneSpeed => ({
  model: 'a/x',
  status: 'done',
  replies: 1,
  firstTokenMs: 250,
  tokensPerSecond: 56,
  estimated: false,
  totalMs: 1300,
  cost: { amount: 0.000102, currency: 'USD' },
  trace: undefined,
  traceTokens: undefined,
  continued: false,
  fastestFirstToken: false,
  fastestRate: false,
  cheapest: false,
  ...over,
});
const lanes = [{ model: 'a/x', messages: [{ id: 'u', role: 'user' as const, content: 'Compare | these\nplease' }] }];

describe('speedSummaryMarkdown', () => {
  it('quotes the last message and tables each lane’s figures, the best of each marked in words', () => {
    const markdown = speedSummaryMarkdown(lanes, [
      speed({ fastestFirstToken: true, cheapest: true }),
      speed({ model: 'b/y', firstTokenMs: 1200, tokensPerSecond: 450.7, fastestRate: true, totalMs: 2500, cost: { amount: 0.0004, currency: 'USD' } }),
      speed({ model: 'c/z', status: 'stopped', firstTokenMs: undefined, tokensPerSecond: undefined, totalMs: undefined, cost: undefined }),
    ]);
    expect(markdown).toBe(
      [
        '## Last message',
        '',
        '> Compare | these',
        '> please',
        '',
        '| Model | First token | Tokens a second | Total time | Cost |',
        '|---|---:|---:|---:|---:|',
        '| `a/x` | 250 ms (fastest) | 56.0 | 1.3 s | $0.000102 (cheapest) |',
        '| `b/y` | 1.2 s | 450.7 (fastest) | 2.5 s | $0.0004 |',
        '| `c/z` | — | — | stopped | — |',
        '',
        "_Measured in this browser; costs at the gateway's prices._",
      ].join('\n'),
    );
  });

  it('marks an estimated rate, keeps a pipe inside its cell, and says nothing before any reply', () => {
    expect(speedSummaryMarkdown(lanes, [speed({ model: 'odd|name', estimated: true })])).toContain('| `odd\\|name` | 250 ms | ≈ 56.0 |');
    expect(speedSummaryMarkdown(lanes, [speed({ status: undefined })])).toBeUndefined();
  });

  it('names the lanes whose figures are a continued reply\'s, and says which are of the part after Continue', () => {
    expect(speedSummaryMarkdown(lanes, [speed({ continued: true }), speed({ model: 'b/y' })])).toContain(
      "_Measured in this browser; costs at the gateway's prices. Continued: a/x. Its times and speeds are for the part after Continue; its cost counts every part, when each reported usage._",
    );
    expect(speedSummaryMarkdown(lanes, [speed({ continued: true }), speed({ model: 'b/y', continued: true })])).toContain(
      'Continued: a/x, b/y. Their times and speeds are for the parts after Continue; their costs count every part, when each reported usage._',
    );
  });

  it('over all messages, heads the table so and says what its figures are', () => {
    const markdown = speedSummaryMarkdown(lanes, [speed({ replies: 3 }), speed({ model: 'b/y', replies: 2 })], 'all');
    expect(markdown?.startsWith('## All messages\n\n| Model | First token |')).toBe(true);
    expect(markdown).toContain("\n\n_Medians of 2–3 replies a lane; cost is their sum. Measured in this browser; costs at the gateway's prices._");
  });
});
