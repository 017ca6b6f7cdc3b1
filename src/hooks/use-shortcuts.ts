// The page's keyboard shortcuts, on the window: "mod" is Ctrl, or ⌘ on a Mac.
import { useEffect, useRef } from 'react';

export interface Shortcut {
  /** KeyboardEvent.key, compared without case. */
  key: string;
  mod?: boolean;
  shift?: boolean;
  run(): void;
}

export function matches(shortcut: Shortcut, event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  const mod = event.ctrlKey || event.metaKey;
  return (
    event.key.toLowerCase() === shortcut.key.toLowerCase() && mod === (shortcut.mod ?? false) && event.shiftKey === (shortcut.shift ?? false) && !event.altKey
  );
}

export function useShortcuts(shortcuts: readonly Shortcut[], enabled = true): void {
  // The latest list, read when a key goes down: the listener stays put.
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      // A dialog has the keyboard to itself.
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      const shortcut = latest.current.find((s) => matches(s, event));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
