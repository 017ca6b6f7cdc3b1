import { describe, expect, it } from 'vitest';
import { canChat, firstChatModel, groupByProvider, pickInitialModel, providerOf, searchModels, toModelInfo } from './model-catalog.ts';

const wire = [
  { id: 'groq/llama-3.3-70b-versatile', served_by: 'groq' },
  { id: 'openai/gpt-4o-mini', served_by: 'openai' },
  { id: 'groq/openai/gpt-oss-20b', served_by: 'groq' },
  { id: 'google/models/gemini-2.5-flash', served_by: 'google' },
  { id: 'cloudflare/@cf/meta/llama-3.1-8b-instruct' },
];
const groups = groupByProvider(wire.map(toModelInfo));

describe('model catalog', () => {
  it('takes the provider from the part before the first slash', () => {
    expect(providerOf('cloudflare/@cf/meta/llama-3.1-8b-instruct')).toBe('cloudflare');
    expect(providerOf('bare-model')).toBe('');
  });

  it('groups by served_by in the order the gateway listed them', () => {
    expect(groups.map((g) => [g.provider, g.models.map((m) => m.name)])).toEqual([
      ['groq', ['llama-3.3-70b-versatile', 'openai/gpt-oss-20b']],
      ['openai', ['gpt-4o-mini']],
      ['google', ['models/gemini-2.5-flash']],
      ['cloudflare', ['@cf/meta/llama-3.1-8b-instruct']],
    ]);
  });

  it('reads prices and the context window in the spec\'s shapes, and drops what it cannot use', () => {
    const info = toModelInfo({
      id: 'openai/gpt-4o',
      pricing: { currency: 'USD', input_per_token: '0.0000025', output_per_token: '0.00001', source: 'provider' },
      context_window: { tokens: 128000, source: 'provider' },
    });
    expect(info).toMatchObject({ contextWindow: 128000, pricing: { currency: 'USD', inputPerToken: 0.0000025, outputPerToken: 0.00001 } });
    expect(toModelInfo({ id: 'ollama/qwen3:8b', pricing: { currency: 'USD', input_per_token: '0', output_per_token: '0' } }).pricing).toEqual({
      currency: 'USD',
      inputPerToken: 0,
      outputPerToken: 0,
    });
    // A subscription model has no per-token price; nor has one with a price that is not a decimal or no currency.
    expect(toModelInfo({ id: 'a/b', pricing: { currency: 'USD', input_per_token: '0', output_per_token: '0', subscription: true } }).pricing).toBeUndefined();
    expect(toModelInfo({ id: 'a/b', pricing: { currency: 'USD', input_per_token: 'free', output_per_token: '0' } }).pricing).toBeUndefined();
    expect(toModelInfo({ id: 'a/b', pricing: { input_per_token: '1', output_per_token: '1' } }).pricing).toBeUndefined();
    expect(toModelInfo({ id: 'a/b', context_window: { tokens: 0 } }).contextWindow).toBeUndefined();
    expect(toModelInfo({ id: 'a/b' })).toMatchObject({ pricing: undefined, contextWindow: undefined });
  });

  it('searches across providers by every term', () => {
    expect(searchModels(groups, 'llama 3.3').flatMap((g) => g.models.map((m) => m.id))).toEqual(['groq/llama-3.3-70b-versatile']);
    expect(searchModels(groups, 'OPENAI').map((g) => g.provider)).toEqual(['groq', 'openai']);
    expect(searchModels(groups, 'nothing-matches')).toEqual([]);
  });

  it.each([
    [{ provider: undefined, model: undefined }, 'groq/llama-3.3-70b-versatile'],
    [{ provider: 'openai', model: undefined }, 'openai/gpt-4o-mini'],
    [{ provider: 'google', model: 'models/gemini-2.5-flash' }, 'google/models/gemini-2.5-flash'],
    [{ provider: undefined, model: 'groq/openai/gpt-oss-20b' }, 'groq/openai/gpt-oss-20b'],
    [{ provider: 'groq', model: 'openai/gpt-oss-20b' }, 'groq/openai/gpt-oss-20b'],
    [{ provider: undefined, model: 'gpt-4o-mini' }, 'openai/gpt-4o-mini'],
    [{ provider: 'nope', model: 'missing' }, 'groq/llama-3.3-70b-versatile'],
  ])('preselects from LLM_PROVIDER/LLM_MODEL %j', (preference, expected) => {
    expect(pickInitialModel(groups, preference)?.id).toBe(expected);
  });

  it('has nothing to preselect from an empty list', () => {
    expect(pickInitialModel([], { provider: 'groq', model: undefined })).toBeUndefined();
  });

  it('reads what a model gives from its modalities, and never preselects one that cannot chat', () => {
    const image = toModelInfo({ id: 'openai/gpt-image-1', served_by: 'openai', modalities: { input: ['text', 'image'], output: ['image'] } });
    const vision = toModelInfo({ id: 'openai/gpt-4o', served_by: 'openai', modalities: { input: ['text', 'image'], output: ['text'] } });
    expect(image.outputs).toEqual(['image']);
    expect([canChat(image), canChat(vision)]).toEqual([false, true]);
    // No word on it (no modalities, null, an empty or malformed list): taken to chat.
    for (const modalities of [undefined, null, { input: ['text'], output: [] }, { output: 'text' }, { output: [1, 2] }]) {
      expect(canChat(toModelInfo({ id: 'a/b', modalities }))).toBe(true);
    }
    const withImage = groupByProvider([image, vision, toModelInfo({ id: 'groq/llama', served_by: 'groq' })]);
    expect(firstChatModel(withImage, 'openai')?.id).toBe('openai/gpt-4o');
    expect(pickInitialModel(withImage, { provider: 'openai', model: undefined })?.id).toBe('openai/gpt-4o');
    expect(pickInitialModel(withImage, { provider: undefined, model: 'openai/gpt-image-1' })?.id).toBe('openai/gpt-4o');
    expect(pickInitialModel(withImage, { provider: undefined, model: undefined })?.id).toBe('openai/gpt-4o');
    expect(pickInitialModel(groupByProvider([image]), { provider: 'openai', model: undefined })).toBeUndefined();
  });
});
