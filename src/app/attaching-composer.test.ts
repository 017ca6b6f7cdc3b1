import { describe, expect, it } from 'vitest';
import { toModelInfo } from '../chat/model-catalog.ts';
import { imagesRefusedBy } from './attaching-composer.tsx';
import { lanesRefusingImages } from './compare-screen.tsx';

const vision = toModelInfo({ id: 'openai/gpt-4o-mini', modalities: { input: ['text', 'image'], output: ['text'] } });
const textOnly = (id: string) => toModelInfo({ id, modalities: { input: ['text'], output: ['text'] } });

describe('why images cannot go', () => {
  it('names the model picked that takes no images, and lets images go where the gateway does not say', () => {
    expect(imagesRefusedBy(vision)).toBeUndefined();
    expect(imagesRefusedBy(toModelInfo({ id: 'groq/llama' }))).toBeUndefined();
    expect(imagesRefusedBy(undefined)).toBeUndefined();
    expect(imagesRefusedBy(textOnly('groq/llama'))).toBe('groq/llama takes no images (so the gateway says): pick a model that does, or remove them.');
  });

  it('names the compare view’s lanes that take none', () => {
    expect(lanesRefusingImages([vision, toModelInfo({ id: 'groq/llama' }), undefined])).toBeUndefined();
    expect(lanesRefusingImages([vision, textOnly('groq/llama')])).toBe('groq/llama takes no images (so the gateway says): remove that lane, or the images.');
    expect(lanesRefusingImages([textOnly('a/x'), vision, textOnly('b/y'), textOnly('c/z')])).toBe('a/x, b/y and c/z take no images (so the gateway says): remove those lanes, or the images.');
  });
});
