import { useId, useMemo, useState } from 'react';
import { canChat, searchModels, type ModelInfo, type ProviderGroup } from '../chat/model-catalog.ts';

export type ModelListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; groups: readonly ProviderGroup[] };

interface ModelPickerProps {
  list: ModelListState;
  provider: string | undefined;
  model: string | undefined;
  disabled: boolean;
  onProviderChange(provider: string): void;
  onModelChange(modelId: string): void;
}

const NO_GROUPS: readonly ProviderGroup[] = [];

const OUTPUT_WORDS: Record<string, string> = { image: 'images', audio: 'audio', video: 'video' };

/** An option's text: a model that cannot chat says what it gives instead, and is not offered. */
export function modelOptionLabel(model: ModelInfo): string {
  if (canChat(model)) return model.id;
  const gives = (model.outputs ?? []).map((output) => OUTPUT_WORDS[output] ?? output).join(' and ');
  return `${model.id} (${gives} only, cannot chat)`;
}

const selectClass =
  'h-9 min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:outline-2 focus:outline-indigo-500 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

export function ModelPicker({ list, provider, model, disabled, onProviderChange, onModelChange }: ModelPickerProps) {
  const [query, setQuery] = useState('');
  const ids = { provider: useId(), model: useId(), search: useId() };
  const groups = list.status === 'ready' ? list.groups : NO_GROUPS;
  const total = groups.reduce((n, g) => n + g.models.length, 0);

  // Every model, grouped by provider, so any model is one pick away; a search narrows them.
  const shown = useMemo(() => searchModels(groups, query), [groups, query]);
  const shownCount = shown.reduce((n, g) => n + g.models.length, 0);
  const selectedShown = shown.some((g) => g.models.some((m) => m.id === model));

  const placeholder =
    list.status === 'loading' ? 'Loading models…' : list.status === 'error' ? 'Models unavailable' : total === 0 ? 'No models' : undefined;

  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2 sm:flex-nowrap">
      <label htmlFor={ids.provider} className="sr-only">
        Provider
      </label>
      <select
        id={ids.provider}
        className={`${selectClass} w-28 shrink-0 sm:w-32`}
        value={provider ?? ''}
        disabled={disabled || groups.length === 0}
        onChange={(e) => {
          setQuery('');
          onProviderChange(e.target.value);
        }}
      >
        {placeholder ? <option value="">{placeholder}</option> : null}
        {groups.map((g) => (
          <option key={g.provider} value={g.provider} disabled={!g.models.some(canChat)}>
            {g.provider}
          </option>
        ))}
      </select>

      <label htmlFor={ids.model} className="sr-only">
        Model
      </label>
      <select
        id={ids.model}
        className={`${selectClass} min-w-40 flex-1 sm:w-64 sm:flex-none`}
        value={selectedShown ? model : ''}
        disabled={disabled || total === 0}
        onChange={(e) => {
          if (e.target.value) onModelChange(e.target.value);
        }}
      >
        {placeholder ? <option value="">{placeholder}</option> : null}
        {!placeholder && !selectedShown ? <option value="">{shownCount === 0 ? 'No model matches' : 'Pick a model…'}</option> : null}
        {shown.map((g) => (
          <optgroup key={g.provider} label={g.provider}>
            {g.models.map((m) => (
              <option key={m.id} value={m.id} disabled={!canChat(m)}>
                {modelOptionLabel(m)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>

      {total > 8 ? (
        <>
          <label htmlFor={ids.search} className="sr-only">
            Search models
          </label>
          <input
            id={ids.search}
            type="search"
            placeholder={`Search ${total} models`}
            className={`${selectClass} w-full sm:w-40`}
            value={query}
            disabled={disabled}
            onChange={(e) => setQuery(e.target.value)}
          />
        </>
      ) : null}
    </div>
  );
}
