import { useId } from 'react';
import type { ReplyScroll, SettingsText } from '../chat/settings.ts';
import { ModalDialog } from './modal-dialog.tsx';

export interface SettingsDialogProps {
  open: boolean;
  settings: SettingsText;
  temperatureError: string | undefined;
  maxTokensError: string | undefined;
  onChange(update: Partial<SettingsText>): void;
  onClose(): void;
  /** This site's storage as the browser reports it; none where it does not say. */
  storage?: StorageReport | undefined;
  /** Asks the browser to keep the storage until the person deletes it. */
  onKeepStorage?: (() => void) | undefined;
}

export interface StorageReport {
  usedBytes: number | undefined;
  /** Kept until the person deletes it (true), or clearable by the browser when the disk runs low (false). */
  persisted: boolean | undefined;
  asking: boolean;
  /** The browser said no to keeping it. */
  declined: boolean;
}

const FIELD_CLASS =
  'w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-900 focus:outline-2 focus:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

interface NumberFieldProps {
  label: string;
  /** As typed: the field keeps what the person wrote, valid or not. */
  value: string;
  /** Why the value will not be sent, said under the field in place of the help. */
  error: string | undefined;
  help: string;
  inputMode: 'decimal' | 'numeric';
  min: number;
  max?: number;
  step: number;
  onChange(value: string): void;
}

/** A number the provider has a default for: empty sends none. */
function NumberField({ label, value, error, help, inputMode, min, max, step, onChange }: NumberFieldProps) {
  const id = useId();
  const helpId = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode={inputMode}
        min={min}
        max={max}
        step={step}
        value={value}
        placeholder="Provider default"
        aria-invalid={error ? true : undefined}
        aria-describedby={helpId}
        onChange={(event) => onChange(event.target.value)}
        className={FIELD_CLASS}
      />
      <p id={helpId} className={`text-xs ${error ? 'text-red-700 dark:text-red-400' : 'text-zinc-500 dark:text-zinc-400'}`}>
        {error ?? help}
      </p>
    </div>
  );
}

const REPLY_SCROLLS: ReadonlyArray<{ value: ReplyScroll; label: string; help: string }> = [
  { value: 'follow', label: 'Follow the reply', help: 'The view moves down with the text while you are at the end.' },
  { value: 'start', label: 'Keep the reply’s start in view', help: 'Your message goes to the top and the view stays there, to read from the start; Jump to latest follows. Compare lanes always follow.' },
];

/** Where a conversation's view goes while a reply streams. */
function ReplyScrollField({ value, onChange }: { value: ReplyScroll; onChange(value: ReplyScroll): void }) {
  const name = useId();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">While a reply streams</legend>
      {REPLY_SCROLLS.map((choice) => (
        <ReplyScrollChoice key={choice.value} name={name} {...choice} checked={value === choice.value} onPick={onChange} />
      ))}
    </fieldset>
  );
}

function ReplyScrollChoice({ name, value, label, help, checked, onPick }: { name: string; value: ReplyScroll; label: string; help: string; checked: boolean; onPick(value: ReplyScroll): void }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="radio" name={name} value={value} checked={checked} aria-describedby={`${id}-help`} onChange={() => onPick(value)} className="mt-1" />
      <div>
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
        <p id={`${id}-help`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {help}
        </p>
      </div>
    </div>
  );
}

/** 2.1 MB, 640 kB, 900 byte. */
function byteSize(bytes: number): string {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : bytes >= 1e3 ? [bytes / 1e3, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat('en-US', { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

function persistenceNote({ persisted, declined }: StorageReport): string {
  if (persisted) return 'The browser keeps them until you delete them.';
  if (declined) return 'The browser declined to keep them for good: it decides from how you use this site (a bookmark, or installing it as an app, can change its mind). Export keeps a copy meanwhile.';
  if (persisted === false) return 'The browser may clear them if the disk runs low; Export keeps a copy.';
  return '';
}

/** How much this site keeps in the browser, and whether the browser may clear it. */
function StorageSection({ storage, onKeep }: { storage: StorageReport; onKeep: (() => void) | undefined }) {
  const used = storage.usedBytes === undefined ? 'Conversations, drafts and settings are kept in this browser.' : `Conversations, drafts and settings take ${byteSize(storage.usedBytes)} in this browser.`;
  return (
    <section aria-label="Storage" className="flex flex-col items-start gap-1.5 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <h3 className="text-sm font-medium">Storage</h3>
      <p role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
        {used} {persistenceNote(storage)}
      </p>
      {storage.persisted === false && !storage.declined && onKeep ? (
        <button
          type="button"
          onClick={onKeep}
          disabled={storage.asking}
          className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Ask the browser to keep them
        </button>
      ) : null}
    </section>
  );
}

/** A modal dialog (the browser's own: focus is held in it, Esc closes it); changes apply as they are typed. */
export function SettingsDialog({ open, settings, temperatureError, maxTokensError, onChange, onClose, storage, onKeepStorage }: SettingsDialogProps) {
  const systemId = useId();

  return (
    // Our own messages explain a bad value, and Done always closes (the value is just not sent).
    <ModalDialog open={open} title="Settings" closeLabel="Done" onClose={onClose}>
      <div className="flex flex-col gap-1">
        <label htmlFor={systemId} className="text-sm font-medium">
          System prompt
        </label>
        <textarea
          id={systemId}
          rows={4}
          value={settings.systemPrompt}
          placeholder="No system prompt"
          onChange={(event) => onChange({ systemPrompt: event.target.value })}
          className={`${FIELD_CLASS} resize-y`}
        />
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Sent first with every message; leave it empty to send none.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField
          label="Temperature"
          value={settings.temperature}
          error={temperatureError}
          help="From 0 (focused) to 2 (varied)."
          inputMode="decimal"
          min={0}
          max={2}
          step={0.1}
          onChange={(temperature) => onChange({ temperature })}
        />
        <NumberField
          label="Max tokens"
          value={settings.maxTokens}
          error={maxTokensError}
          help="The longest reply, in tokens."
          inputMode="numeric"
          min={1}
          step={1}
          onChange={(maxTokens) => onChange({ maxTokens })}
        />
      </div>
      <ReplyScrollField value={settings.replyScroll} onChange={(replyScroll) => onChange({ replyScroll })} />
      {storage ? <StorageSection storage={storage} onKeep={onKeepStorage} /> : null}
    </ModalDialog>
  );
}
