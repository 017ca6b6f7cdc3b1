// Test helpers: a settled reply with what a test cares about overridden, and a sent message.
import type { ChatAction } from './chat-reducer.ts';
import type { AssistantMessage } from './types.ts';

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
