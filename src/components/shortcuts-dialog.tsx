// The page's keyboard shortcuts in one list, opened from the header or by its own shortcut.
import { Fragment } from 'react';
import { ModalDialog } from './modal-dialog.tsx';

export interface ShortcutHelp {
  /** The keys as the reader presses them: "Ctrl+K", "⌘K". */
  keys: string;
  /** What they do, as a verb phrase. */
  does: string;
}

interface ShortcutsDialogProps {
  open: boolean;
  shortcuts: readonly ShortcutHelp[];
  onClose(): void;
}

export function ShortcutsDialog({ open, shortcuts, onClose }: ShortcutsDialogProps) {
  return (
    <ModalDialog open={open} title="Keyboard shortcuts" closeLabel="Close" onClose={onClose}>
      <dl className="grid grid-cols-[auto_1fr] items-baseline gap-x-4 gap-y-2 text-sm">
        {shortcuts.map(({ keys, does }) => (
          <Fragment key={keys}>
            <dt>
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900">{keys}</kbd>
            </dt>
            <dd>{does}</dd>
          </Fragment>
        ))}
      </dl>
    </ModalDialog>
  );
}
