// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupByProvider, toModelInfo } from '../chat/model-catalog.ts';
import { ModelPicker } from './model-picker.tsx';

afterEach(cleanup);

const providers = ['groq', 'openai', 'ollama', 'google', 'mistral', 'anthropic'];
const groups = groupByProvider(
  Array.from({ length: 300 }, (_, i) => {
    const provider = providers[i % providers.length]!;
    return toModelInfo({ id: `${provider}/model-${i}`, served_by: provider });
  }),
);

function renderPicker(onModelChange = vi.fn()) {
  render(
    <ModelPicker
      list={{ status: 'ready', groups }}
      provider="groq"
      model="groq/model-0"
      disabled={false}
      onProviderChange={vi.fn()}
      onModelChange={onModelChange}
    />,
  );
  return onModelChange;
}

const modelOptions = (): string[] =>
  Array.from((screen.getByRole('combobox', { name: 'Model' }) as HTMLSelectElement).options)
    .map((o) => o.value)
    .filter(Boolean);

/** The model picker's options: text, value, disabled. */
const modelOptionRows = () => Array.from((screen.getByRole('combobox', { name: 'Model' }) as HTMLSelectElement).options).map((o) => [o.text, o.value, o.disabled]);

describe('ModelPicker', () => {
  it('lists one option per provider and every model grouped by provider', () => {
    renderPicker();
    const providerOptions = Array.from((screen.getByRole('combobox', { name: 'Provider' }) as HTMLSelectElement).options).map((o) => o.value);
    expect(providerOptions).toEqual(providers);
    expect(modelOptions()).toHaveLength(300);
    expect(screen.getByRole('group', { name: 'ollama' })).toBeTruthy();
  });

  it('narrows 300 models to the matches of a search, across providers', () => {
    const onModelChange = renderPicker();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search models' }), { target: { value: 'model-29' } });
    const expected = groups.flatMap((g) => g.models.map((m) => m.id).filter((id) => id.includes('model-29')));
    expect(expected).toHaveLength(11);
    expect(modelOptions()).toEqual(expected);
    expect(modelOptions()[0]).toBe('groq/model-294');
    const select = screen.getByRole('combobox', { name: 'Model' }) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'ollama/model-296' } });
    expect(onModelChange).toHaveBeenCalledWith('ollama/model-296');
  });

  it('has a button that opens the search (a phone shows only it): focused when opened, cleared and closed by it again', () => {
    renderPicker();
    const toggle = screen.getByRole('button', { name: 'Search models' });
    const box = screen.getByRole('searchbox', { name: 'Search models' });
    expect(toggle.getAttribute('aria-controls')).toBe(box.id);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(box.className.split(' ')).toContain('hidden');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(box.className.split(' ')).not.toContain('hidden');
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: 'model-29' } });
    expect(modelOptions()).toHaveLength(11);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect((box as HTMLInputElement).value).toBe('');
    expect(modelOptions()).toHaveLength(300);
  });

  it('keeps a search that holds text shown, even when it was typed without the button (a wider screen)', () => {
    renderPicker();
    const box = screen.getByRole('searchbox', { name: 'Search models' });
    fireEvent.change(box, { target: { value: 'model-29' } });
    expect(screen.getByRole('button', { name: 'Search models' }).getAttribute('aria-expanded')).toBe('true');
    expect(box.className.split(' ')).not.toContain('hidden');
  });

  it('says it is loading, and disables both pickers, until the list arrives', () => {
    render(<ModelPicker list={{ status: 'loading' }} provider={undefined} model={undefined} disabled={false} onProviderChange={vi.fn()} onModelChange={vi.fn()} />);
    const model = screen.getByRole('combobox', { name: 'Model' }) as HTMLSelectElement;
    expect(model.disabled).toBe(true);
    expect(model.options[0]?.textContent).toBe('Loading models…');
    expect((screen.getByRole('combobox', { name: 'Provider' }) as HTMLSelectElement).disabled).toBe(true);
  });

  it('shows a model that cannot chat as such and does not offer it, nor a provider with only such models', () => {
    const mixed = groupByProvider([
      toModelInfo({ id: 'openai/gpt-image-1', served_by: 'openai', modalities: { input: ['text'], output: ['image'] } }),
      toModelInfo({ id: 'openai/gpt-4o', served_by: 'openai', modalities: { input: ['text', 'image'], output: ['text'] } }),
      toModelInfo({ id: 'images/maker', served_by: 'images', modalities: { input: ['text'], output: ['image', 'video'] } }),
    ]);
    render(<ModelPicker list={{ status: 'ready', groups: mixed }} provider="openai" model="openai/gpt-4o" disabled={false} onProviderChange={vi.fn()} onModelChange={vi.fn()} />);
    const options = Array.from((screen.getByRole('combobox', { name: 'Model' }) as HTMLSelectElement).options);
    expect(options.map((o) => [o.text, o.disabled])).toEqual([
      ['openai/gpt-image-1 (images only, cannot chat)', true],
      ['openai/gpt-4o', false],
      ['images/maker (images and video only, cannot chat)', true],
    ]);
    const providerOptions = Array.from((screen.getByRole('combobox', { name: 'Provider' }) as HTMLSelectElement).options);
    expect(providerOptions.map((o) => [o.value, o.disabled])).toEqual([
      ['openai', false],
      ['images', true],
    ]);
  });

  it('while images are attached, says which models take none (still offered), and only then', () => {
    const seeing = groupByProvider([
      toModelInfo({ id: 'openai/gpt-4o', served_by: 'openai', modalities: { input: ['text', 'image'], output: ['text'] } }),
      toModelInfo({ id: 'groq/llama', served_by: 'groq', modalities: { input: ['text'], output: ['text'] } }),
      // A gateway that does not say: nothing is claimed.
      toModelInfo({ id: 'ollama/qwen', served_by: 'ollama' }),
    ]);
    const props = { list: { status: 'ready', groups: seeing } as const, provider: 'openai', model: 'openai/gpt-4o', disabled: false, onProviderChange: vi.fn(), onModelChange: vi.fn() };
    const { rerender } = render(<ModelPicker {...props} imagesAttached />);
    expect(modelOptionRows()).toEqual([
      ['openai/gpt-4o', 'openai/gpt-4o', false],
      ['groq/llama (takes no images)', 'groq/llama', false],
      ['ollama/qwen', 'ollama/qwen', false],
    ]);
    rerender(<ModelPicker {...props} />);
    expect(modelOptionRows().map(([text]) => text)).toEqual(['openai/gpt-4o', 'groq/llama', 'ollama/qwen']);
  });
});
