// Esc stops the reply in flight, unless it is closing something first: a
// dialog, or a message being edited.
import { useEffect } from 'react';
import { isStopKey } from '../chat/stop-key.ts';

export function useEscapeToStop(enabled: boolean, stop: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      if (isStopKey(event)) stop();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, stop]);
}
