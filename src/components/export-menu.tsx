import { useId, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';

export interface ExportChoice<F extends string> {
  format: F;
  label: string;
  title?: string;
}

interface ExportMenuProps<F extends string> {
  choices: readonly ExportChoice<F>[];
  onPick(format: F): void;
  disabled?: boolean;
  title?: string;
  /** The button's class. */
  className: string;
  /** Where the menu opens: above the button (at the page's foot) or below it, at its right edge. */
  opens: 'above' | 'below';
  /** What the button says. */
  children: ReactNode;
}

const ITEM_CLASS = 'w-full rounded px-3 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800';

/** A button that opens the formats a file can be saved in; picking one, Esc, the button again or Tab away closes the menu. */
export function ExportMenu<F extends string>({ choices, onPick, disabled = false, title, className, opens, children }: ExportMenuProps<F>) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  // Esc closes it and gives the focus back to the button (the format it was on goes).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  // The focus going to something else (Tab past the last format) closes it. Going
  // to nothing does not: Safari takes no focus to a button clicked, so a click
  // on a format there blurs the menu before the click lands.
  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };
  return (
    <div className="relative" onBlur={onBlur} onKeyDown={onKeyDown}>
      <button ref={toggle} type="button" disabled={disabled} aria-expanded={open} aria-controls={id} title={title} onClick={() => setOpen(!open)} className={className}>
        {children}
      </button>
      {open && !disabled ? (
        <div
          id={id}
          className={`absolute ${opens === 'above' ? 'bottom-full left-0 mb-1' : 'top-full right-0 mt-1'} z-10 w-56 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900`}
        >
          {choices.map((choice, i) => (
            <button
              key={choice.format}
              type="button"
              autoFocus={i === 0}
              title={choice.title}
              onClick={() => {
                setOpen(false);
                onPick(choice.format);
              }}
              className={ITEM_CLASS}
            >
              {choice.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
