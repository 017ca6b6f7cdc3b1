// The browser's own modal dialog, opened and closed by a prop: it holds the
// focus while open, Esc closes it, and the page behind is inert. It is named
// by its heading and closed by its one button (a form of method "dialog").
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  open: boolean;
  /** The heading, which names the dialog. */
  title: string;
  /** The words on the button that closes it. */
  closeLabel: string;
  onClose(): void;
  children: ReactNode;
  /** As wide as the screen allows (an image), not a form's width. */
  wide?: boolean | undefined;
}

/**
 * A screen with touch and no mouse: there the first field taking the focus
 * brings up the on-screen keyboard over half the dialog before anything is
 * asked for, so the dialog itself takes it (a screen reader still reads its
 * name, and the next swipe or Tab reaches the first field).
 */
function touchOnly(): boolean {
  return window.matchMedia('(pointer: coarse)').matches && !window.matchMedia('(any-pointer: fine)').matches;
}

export function ModalDialog({ open, title, closeLabel, onClose, children, wide = false }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // showModal has focused its first field (the dialog's own autofocus
      // attribute did not change that in Chromium 156): the same task moves
      // the focus on, before a keyboard would come up.
      if (touchOnly()) element.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      // Focusable itself, for a touch screen's (below); Tab from it goes to its first field.
      tabIndex={-1}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`m-auto outline-none ${wide ? 'max-w-[calc(100vw-2rem)]' : 'w-[min(32rem,calc(100vw-2rem))]'} rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100`}
    >
      {/* No browser validation: a dialog's own messages explain a bad value, and its button always closes it. */}
      <form method="dialog" noValidate className="flex flex-col gap-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
        <div className="flex justify-end">
          <button type="submit" className="h-9 rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-500">
            {closeLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
