import { describe, expect, it } from 'vitest';
import { replyParts } from './reply-parts.ts';
import type { ToolCall } from './types.ts';

const call = (index: number, at?: number): ToolCall => ({ index, id: `t${index}`, name: `tool${index}`, arguments: '{}', at });

describe('replyParts', () => {
  it('is the text alone, the same string, without calls', () => {
    const content = 'Just text.';
    const [part] = replyParts(content, []);
    expect(replyParts(content, [])).toHaveLength(1);
    expect(part).toEqual({ kind: 'text', text: content, from: 0 });
    expect(replyParts('', [])).toEqual([]);
  });

  it('puts calls between the texts where they came, several at one place in their order', () => {
    const content = 'Look.\n\nMore.\n\nDone.';
    expect(replyParts(content, [call(0, 5), call(1, 12), call(2, 12)])).toEqual([
      { kind: 'text', text: 'Look.', from: 0 },
      { kind: 'call', call: call(0, 5) },
      { kind: 'text', text: '\n\nMore.', from: 5 },
      { kind: 'call', call: call(1, 12) },
      { kind: 'call', call: call(2, 12) },
      { kind: 'text', text: '\n\nDone.', from: 12 },
    ]);
  });

  it('puts a call before any text first, and one at the end or kept without a place after the text', () => {
    expect(replyParts('Answer.', [call(0, 0), call(1, 7), call(2)])).toEqual([
      { kind: 'call', call: call(0, 0) },
      { kind: 'text', text: 'Answer.', from: 0 },
      { kind: 'call', call: call(1, 7) },
      { kind: 'call', call: call(2) },
    ]);
  });
});
