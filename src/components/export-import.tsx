import { useRef, useState, type ChangeEvent } from 'react';

export type ExportFormat = 'markdown' | 'json';

interface ExportImportProps {
  /** Whether there is a saved conversation open to export. */
  canExport: boolean;
  onExport(format: ExportFormat): void;
  onImport(file: File): void;
  /** Why the last import failed, in words. */
  importError: string | undefined;
}

const BUTTON_CLASS =
  'h-8 rounded-md border border-zinc-300 px-3 text-sm hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-900';
const ITEM_CLASS = 'w-full rounded px-3 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800';

/** Export the open conversation as Markdown or JSON; import conversations from JSON. */
export function ExportImport({ canExport, onExport, onImport, importError }: ExportImportProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const pick = (format: ExportFormat): void => {
    setMenuOpen(false);
    onExport(format);
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    // The same file can be picked again after a failed import.
    event.target.value = '';
    if (file) onImport(file);
  };

  return (
    <div className="flex flex-col gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <div className="relative flex gap-2">
        <button
          type="button"
          disabled={!canExport}
          aria-expanded={menuOpen}
          aria-controls="export-formats"
          title={canExport ? 'Save the open conversation as a file' : 'Open a saved conversation to export it'}
          onClick={() => setMenuOpen((open) => !open)}
          className={BUTTON_CLASS}
        >
          Export
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} className={BUTTON_CLASS}>
          Import
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={onFile} />
        {menuOpen && canExport ? (
          <div
            id="export-formats"
            onKeyDown={(event) => event.key === 'Escape' && setMenuOpen(false)}
            className="absolute bottom-full left-0 z-10 mb-1 w-48 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          >
            <button type="button" autoFocus onClick={() => pick('markdown')} className={ITEM_CLASS}>
              Markdown (.md)
            </button>
            <button type="button" onClick={() => pick('json')} className={ITEM_CLASS}>
              JSON (.json), to import
            </button>
          </div>
        ) : null}
      </div>
      {importError ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {importError}
        </p>
      ) : null}
    </div>
  );
}
