import { useRef, type ChangeEvent } from 'react';
import { ExportMenu, type ExportChoice } from './export-menu.tsx';

export type ExportFormat = 'markdown' | 'json' | 'html';

interface ExportImportProps {
  /** Whether there is a saved conversation open to export. */
  canExport: boolean;
  onExport(format: ExportFormat): void;
  onImport(file: File): void;
  /** Why the last import failed, in words. */
  importError: string | undefined;
  /** What the last import is doing or did ("Importing 1,000 conversations…"). */
  importStatus?: string | undefined;
}

const BUTTON_CLASS =
  'h-8 rounded-md border border-zinc-300 px-3 text-sm hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-900';

const FORMATS: readonly ExportChoice<ExportFormat>[] = [
  { format: 'markdown', label: 'Markdown (.md)' },
  { format: 'html', label: 'Web page (.html), to share', title: 'The conversation as it reads here, as a page of its own: it opens in any browser, without the app' },
  { format: 'json', label: 'JSON (.json), to import' },
];

/** Export the open conversation as Markdown, a web page or JSON; import conversations from JSON. */
export function ExportImport({ canExport, onExport, onImport, importError, importStatus }: ExportImportProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    // The same file can be picked again after a failed import.
    event.target.value = '';
    if (file) onImport(file);
  };

  return (
    <div className="flex flex-col gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <div className="flex gap-2">
        <ExportMenu
          choices={FORMATS}
          onPick={onExport}
          disabled={!canExport}
          title={canExport ? 'Save the open conversation as a file' : 'Open a saved conversation to export it'}
          className={BUTTON_CLASS}
          opens="above"
        >
          Export
        </ExportMenu>
        <button type="button" onClick={() => fileInput.current?.click()} className={BUTTON_CLASS}>
          Import
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={onFile} />
      </div>
      {/* Always there, so what it comes to say is announced. */}
      <p aria-live="polite" className={importStatus ? 'text-xs text-zinc-600 dark:text-zinc-300' : 'sr-only'}>
        {importStatus}
      </p>
      {importError ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {importError}
        </p>
      ) : null}
    </div>
  );
}
