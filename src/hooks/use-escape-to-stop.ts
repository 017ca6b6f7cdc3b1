// Esc stops the reply in flight, unless it is closing something first: a
// dialog, or a message being edited.
import { useEffect } from 'react';

export function useEscapeToStop(enabled: boolean, stop: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      const inside = event.target instanceof Element && event.target.closest('dialog, article textarea');
      // Shift+Esc is another shortcut: it moves to the message box.
      if (event.key === 'Escape' && !event.shiftKey && !inside) stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, stop]);
}
