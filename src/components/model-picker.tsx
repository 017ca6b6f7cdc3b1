import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { canChat, searchModels, takesImages, type ModelInfo, type ProviderGroup } from '../chat/model-catalog.ts';

export type ModelListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; groups: readonly ProviderGroup[] };

interface ModelPickerProps {
  list: ModelListState;
  provider: string | undefined;
  model: string | undefined;
  disabled: boolean;
  /** Images are attached to the message being written: a model the gateway says takes none says so. */
  imagesAttached?: boolean;
  onProviderChange(provider: string): void;
  onModelChange(modelId: string): void;
}

const NO_GROUPS: readonly ProviderGroup[] = [];

const OUTPUT_WORDS: Record<string, string> = { image: 'images', audio: 'audio', video: 'video' };

/**
 * An option's text: a model that cannot chat says what it gives instead, and
 * is not offered; while images are attached, one that takes none says so (it
 * stays offered: the images can be removed).
 */
export function modelOptionLabel(model: ModelInfo, imagesAttached = false): string {
  if (canChat(model)) return imagesAttached && takesImages(model) === false ? `${model.id} (takes no images)` : model.id;
  const gives = (model.outputs ?? []).map((output) => OUTPUT_WORDS[output] ?? output).join(' and ');
  return `${model.id} (${gives} only, cannot chat)`;
}

const selectClass =
  'h-9 min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:outline-2 focus:outline-indigo-500 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

export function ModelPicker({ list, provider, model, disabled, imagesAttached = false, onProviderChange, onModelChange }: ModelPickerProps) {
  const [query, setQuery] = useState('');
  // On a phone the search is a button beside the pickers until it is wanted,
  // so the header keeps two rows; a search that holds text stays shown.
  const [searchOpen, setSearchOpen] = useState(false);
  const searchShown = searchOpen || query !== '';
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (searchOpen) searchBox.current?.focus();
  }, [searchOpen]);
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
        className={`${selectClass} w-auto max-w-[6.5rem] shrink-0 [field-sizing:content] sm:w-32 sm:max-w-none sm:[field-sizing:fixed]`}
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
        className={`${selectClass} min-w-32 flex-1 sm:w-64 sm:flex-none`}
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
                {modelOptionLabel(m, imagesAttached)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>

      {total > 8 ? (
        <>
          <button
            type="button"
            aria-label="Search models"
            aria-expanded={searchShown}
            aria-controls={ids.search}
            disabled={disabled}
            onClick={() => {
              setSearchOpen(!searchShown);
              if (searchShown) setQuery('');
            }}
            className="h-9 w-9 shrink-0 rounded-md border border-zinc-300 text-sm hover:bg-zinc-50 disabled:opacity-60 sm:hidden dark:border-zinc-700 dark:hover:bg-zinc-900"
          >
            {searchShown ? (
              <span aria-hidden="true">✕</span>
            ) : (
              <svg aria-hidden="true" viewBox="0 0 16 16" className="mx-auto h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
                <circle cx="7" cy="7" r="4.5" />
                <path d="M10.5 10.5 14 14" />
              </svg>
            )}
          </button>
          <label htmlFor={ids.search} className="sr-only">
            Search models
          </label>
          <input
            ref={searchBox}
            id={ids.search}
            type="search"
            placeholder={`Search ${total} models`}
            className={`${selectClass} w-full max-sm:[&::-webkit-search-cancel-button]:appearance-none sm:block sm:w-40 ${searchShown ? '' : 'hidden'}`}
            value={query}
            disabled={disabled}
            onChange={(e) => setQuery(e.target.value)}
          />
        </>
      ) : null}
    </div>
  );
}
