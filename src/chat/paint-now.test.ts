import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../gateway/client.ts';
import { createPaintNow } from './paint-now.ts';

describe('createPaintNow', () => {
  it('paints the first token of any kind and the end at once, and lets everything else wait for a frame', () => {
    const paintNow = createPaintNow();
    const events: StreamEvent[] = [
      { type: 'routed', provider: 'groq', model: 'llama' },
      { type: 'reasoning', text: 'Hmm' },
      { type: 'reasoning', text: ' ok' },
      { type: 'delta', text: 'Hi' },
      { type: 'usage', usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 } },
      { type: 'finish', reason: 'stop' },
      { type: 'done' },
    ];
    expect(events.map(paintNow)).toEqual([false, true, false, false, false, false, true]);
  });

  it('paints a cut stream at once, and keeps its memory per stream', () => {
    const first = createPaintNow();
    expect([first({ type: 'delta', text: 'a' }), first({ type: 'delta', text: 'b' }), first({ type: 'interrupted' })]).toEqual([true, false, true]);
    expect(createPaintNow()({ type: 'delta', text: 'c' })).toBe(true);
  });
});
