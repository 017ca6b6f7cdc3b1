// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { LaneSpeed } from '../chat/lane-speeds.ts';
import { stallingTrace } from '../chat/test-messages.ts';
import { CompareSpeed } from './compare-speed.tsx';

afterEach(cleanup);


const lane = (model: string, traceTokens: number | undefined): LaneSpeed => ({
  model,
  status: 'done',
  replies: 1,
  firstTokenMs: 300,
  tokensPerSecond: 50,
  estimated: traceTokens === undefined,
  totalMs: 4300,
  cost: undefined,
  trace: stallingTrace,
  traceTokens,
  continued: false,
  fastestFirstToken: false,
  fastestRate: false,
  cheapest: false,
});

it('charts each lane’s pace in tokens as its gateway counted them, else at 4 characters a token', () => {
  render(<CompareSpeed speeds={[lane('a/x', 220), lane('b/y', undefined)]} scope="last" />);
  expect(screen.getAllByRole('img').map((image) => image.getAttribute('aria-label'))).toEqual([
    // 440 characters counted as 220 tokens: 2 characters a token, 20 tokens every 100 ms.
    'Pace over the reply: up to ≈ 200 tok/s, longest pause 3.0 s',
    'Pace over the reply: up to ≈ 100 tok/s, longest pause 3.0 s',
  ]);
});
