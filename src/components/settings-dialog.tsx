import { useId } from 'react';
import type { SettingsText } from '../chat/settings.ts';
import { ModalDialog } from './modal-dialog.tsx';

interface SettingsDialogProps {
  open: boolean;
  settings: SettingsText;
  temperatureError: string | undefined;
  maxTokensError: string | undefined;
  onChange(update: Partial<SettingsText>): void;
  onClose(): void;
}

const FIELD_CLASS =
  'w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-900 focus:outline-2 focus:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/** A modal dialog (the browser's own: focus is held in it, Esc closes it); changes apply as they are typed. */
export function SettingsDialog({ open, settings, temperatureError, maxTokensError, onChange, onClose }: SettingsDialogProps) {
  const ids = { system: useId(), temperature: useId(), maxTokens: useId(), temperatureHelp: useId(), maxTokensHelp: useId() };

  return (
    // Our own messages explain a bad value, and Done always closes (the value is just not sent).
    <ModalDialog open={open} title="Settings" closeLabel="Done" onClose={onClose}>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.system} className="text-sm font-medium">
          System prompt
        </label>
        <textarea
          id={ids.system}
          rows={4}
          value={settings.systemPrompt}
          placeholder="No system prompt"
          onChange={(event) => onChange({ systemPrompt: event.target.value })}
          className={`${FIELD_CLASS} resize-y`}
        />
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Sent first with every message; leave it empty to send none.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.temperature} className="text-sm font-medium">
            Temperature
          </label>
          <input
            id={ids.temperature}
            type="number"
            inputMode="decimal"
            min={0}
            max={2}
            step={0.1}
            value={settings.temperature}
            placeholder="Provider default"
            aria-invalid={temperatureError ? true : undefined}
            aria-describedby={ids.temperatureHelp}
            onChange={(event) => onChange({ temperature: event.target.value })}
            className={FIELD_CLASS}
          />
          <p id={ids.temperatureHelp} className={`text-xs ${temperatureError ? 'text-red-700 dark:text-red-400' : 'text-zinc-500 dark:text-zinc-400'}`}>
            {temperatureError ?? 'From 0 (focused) to 2 (varied).'}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.maxTokens} className="text-sm font-medium">
            Max tokens
          </label>
          <input
            id={ids.maxTokens}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={settings.maxTokens}
            placeholder="Provider default"
            aria-invalid={maxTokensError ? true : undefined}
            aria-describedby={ids.maxTokensHelp}
            onChange={(event) => onChange({ maxTokens: event.target.value })}
            className={FIELD_CLASS}
          />
          <p id={ids.maxTokensHelp} className={`text-xs ${maxTokensError ? 'text-red-700 dark:text-red-400' : 'text-zinc-500 dark:text-zinc-400'}`}>
            {maxTokensError ?? 'The longest reply, in tokens.'}
          </p>
        </div>
      </div>
    </ModalDialog>
  );
}
