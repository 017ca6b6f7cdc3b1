// Decouples arrival from painting: items are flushed at most once per
// animation frame, with a timer fallback for when frames don't run (hidden
// tab); an urgent item (the first token, the end) flushes at once.
// Scheduling is injected so tests drive it by hand.

export interface FrameScheduler {
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  setTimer(callback: () => void, ms: number): number;
  clearTimer(handle: number): void;
}

export interface EventBatcher<T> {
  push(item: T, urgent?: boolean): void;
  /** Flushes whatever is pending right now (end of stream, stop). */
  flushNow(): void;
  dispose(): void;
}

export function browserFrameScheduler(): FrameScheduler {
  return {
    requestFrame: (cb) => requestAnimationFrame(cb),
    cancelFrame: (h) => cancelAnimationFrame(h),
    setTimer: (cb, ms) => window.setTimeout(cb, ms),
    clearTimer: (h) => window.clearTimeout(h),
  };
}

export function createEventBatcher<T>(
  flush: (items: T[]) => void,
  scheduler: FrameScheduler,
  fallbackMs = 100,
): EventBatcher<T> {
  let pending: T[] = [];
  let frame: number | undefined;
  let timer: number | undefined;

  const cancelScheduled = (): void => {
    if (frame !== undefined) scheduler.cancelFrame(frame);
    if (timer !== undefined) scheduler.clearTimer(timer);
    frame = undefined;
    timer = undefined;
  };

  const flushNow = (): void => {
    cancelScheduled();
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    flush(items);
  };

  return {
    push(item, urgent = false) {
      pending.push(item);
      if (urgent) {
        flushNow();
        return;
      }
      if (frame === undefined) {
        frame = scheduler.requestFrame(flushNow);
        timer = scheduler.setTimer(flushNow, fallbackMs);
      }
    },
    flushNow,
    dispose() {
      cancelScheduled();
      pending = [];
    },
  };
}
