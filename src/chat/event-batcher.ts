// Decouples arrival from painting: items are flushed at most once per
// animation frame, and no sooner than COMMIT_GAP_MS after the last flush,
// with a timer fallback for when frames don't run (hidden tab); an urgent
// item (the first token, the end) flushes at once. Scheduling is injected so
// tests drive it by hand.

export interface FrameScheduler {
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  setTimer(callback: () => void, ms: number): number;
  clearTimer(handle: number): void;
  now(): number;
}

/**
 * The least time between two frame flushes: every other frame at 60 Hz (every
 * third at 120 Hz), so a dense stream commits, and the browser lays out and
 * paints it, about 30 times a second instead of 60. That is still smooth for
 * text, and it took 35–45% off the main thread's time per streamed reply at
 * 1x CPU in the benchmark (README, Rendering). The first token and the end
 * are urgent and wait for no gap; a slow stream's token waits at most one
 * extra frame.
 */
export const COMMIT_GAP_MS = 25;

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
    now: () => performance.now(),
  };
}

export function createEventBatcher<T>(
  flush: (items: T[]) => void,
  scheduler: FrameScheduler,
  fallbackMs = 100,
  minGapMs = COMMIT_GAP_MS,
): EventBatcher<T> {
  let pending: T[] = [];
  let lastFlushAt = -Infinity;
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
    lastFlushAt = scheduler.now();
    flush(items);
  };
  // A frame too soon after the last flush passes; the next one flushes.
  const onFrame = (): void => {
    if (scheduler.now() - lastFlushAt < minGapMs) frame = scheduler.requestFrame(onFrame);
    else flushNow();
  };

  return {
    push(item, urgent = false) {
      pending.push(item);
      if (urgent) {
        flushNow();
        return;
      }
      if (frame === undefined) {
        frame = scheduler.requestFrame(onFrame);
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
