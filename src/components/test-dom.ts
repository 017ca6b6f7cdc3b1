// Test helper: jsdom has no ResizeObserver, and lays nothing out for one to report.
import { vi } from 'vitest';

/** An inert ResizeObserver for the test (undo with vi.unstubAllGlobals). */
export function stubResizeObserver(): void {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    },
  );
}
