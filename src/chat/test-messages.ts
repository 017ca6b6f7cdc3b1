// Test helpers: a settled reply with what a test cares about overridden, and a sent message.
import type { ChatAction } from './chat-reducer.ts';
import type { AssistantMessage, ReplyTrace } from './types.ts';

export const assistantReply = (extra: Partial<AssistantMessage> = {}): AssistantMessage => ({
  id: 'a',
  role: 'assistant',
  model: 'groq/llama-3.3-70b-versatile',
  content: 'Hello **world**',
  reasoning: '',
  toolCalls: [],
  status: 'done',
  usage: { promptTokens: 1234, completionTokens: 56, totalTokens: 1290 },
  finishReason: 'stop',
  error: undefined,
  timing: { startedAt: 1000, firstTokenAt: 1250, endedAt: 2250 },
  ...extra,
});

/** The action that sends `text` and opens reply `replyId` from `model`. */
export const sendRequested = (replyId: string, model: string, at = 1, text = 'hi'): ChatAction => ({
  type: 'sendRequested',
  user: { id: `u-${replyId}`, role: 'user', content: text },
  replyId,
  model,
  at,
});

const stallAt = [...Array.from({ length: 10 }, (_, i) => 300 + i * 100), 4200];
/** A reply's trace: 40 characters every 100 ms for a second, then nothing for 3 s, then one more chunk (440 characters in all). */
export const stallingTrace: ReplyTrace = { at: stallAt, content: stallAt.map((_, i) => (i + 1) * 40), reasoning: stallAt.map(() => 0), end: 4300 };
