// A settled reply for tests, with what a test cares about overridden.
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
