import { describe, expect, it } from 'vitest';
import { buildChatRequest } from './build-request.ts';
import type { AssistantMessage, Message } from './types.ts';

const reply = (content: string, extra: Partial<AssistantMessage> = {}): AssistantMessage => ({
  id: 'a',
  role: 'assistant',
  model: 'm',
  content,
  reasoning: 'secret thoughts',
  toolCalls: [],
  status: 'done',
  usage: undefined,
  finishReason: undefined,
  error: undefined,
  timing: { startedAt: 0, firstTokenAt: undefined, endedAt: undefined },
  ...extra,
});

describe('buildChatRequest', () => {
  it('sends the system prompt and the history as plain role/content, never reasoning', () => {
    const history: Message[] = [{ id: '1', role: 'user', content: 'Hi' }, reply('Hello!'), { id: '2', role: 'user', content: 'More' }];
    expect(buildChatRequest(history, { model: 'groq/llama', systemPrompt: ' Be brief. ' })).toEqual({
      model: 'groq/llama',
      stream: true,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'More' },
      ],
    });
  });

  it('leaves out an empty system prompt and replies that failed before saying anything', () => {
    const history: Message[] = [{ id: '1', role: 'user', content: 'Hi' }, reply('', { status: 'failed', error: 'x' }), { id: '2', role: 'user', content: 'Again' }];
    expect(buildChatRequest(history, { model: 'm', systemPrompt: '  ' }).messages).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'user', content: 'Again' },
    ]);
  });

  it('keeps a stopped partial reply as the person saw it', () => {
    const history: Message[] = [{ id: '1', role: 'user', content: 'Hi' }, reply('Partial', { status: 'stopped' })];
    expect(buildChatRequest(history, { model: 'm', systemPrompt: '' }).messages[1]).toEqual({ role: 'assistant', content: 'Partial' });
  });

  it('passes temperature and max_tokens only when set', () => {
    const request = buildChatRequest([], { model: 'm', systemPrompt: '', temperature: 0.2, maxTokens: 64 });
    expect(request).toMatchObject({ temperature: 0.2, max_tokens: 64 });
    expect(buildChatRequest([], { model: 'm', systemPrompt: '' })).not.toHaveProperty('temperature');
  });
});
