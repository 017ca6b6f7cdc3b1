// Decouples arrival from painting. Items are flushed (committed) at most once
// per painted frame and COMMIT_GAP_MS apart or more, in a task of their own:
// the task that brought them, or one right after the frame that painted the
// last flush. Never inside the frame's own task, so a key pressed while a
// reply streams waits for a commit or for a frame's rendering, not for both
// back to back. A timer stands in when frames don't run (hidden tab); an
// urgent item (the first token, the end) flushes at once. Scheduling is
// injected so tests drive it by hand.

export interface FrameScheduler {
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  setTimer(callback: () => void, ms: number): number;
  clearTimer(handle: number): void;
  now(): number;
}

/**
 * The least time between two flushes: two frames at 60 Hz (four at 120 Hz),
 * so a dense stream commits, and the browser lays out and paints it, about
 * 30 times a second instead of 60. That is still smooth for text, and it took
 * a sixth to a half off the main thread's time per streamed reply at 1x CPU
 * in the benchmark (README, Rendering). The first token and the end are
 * urgent and wait for no gap.
 */
export const COMMIT_GAP_MS = 33;

export interface EventBatcher<T> {
  /** Items that came together (one message from the reading worker); urgent if any of them is. */
  push(items: readonly T[], urgent?: boolean): void;
  /** Flushes whatever is pending right now (end of stream, stop). */
  flushNow(): void;
  dispose(): void;
}

const browserScheduler: FrameScheduler = {
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (h) => cancelAnimationFrame(h),
  setTimer: (cb, ms) => window.setTimeout(cb, ms),
  clearTimer: (h) => window.clearTimeout(h),
  now: () => performance.now(),
};

/** The page's one scheduler: every stream's batcher shares its frames (see renderDue). */
export function browserFrameScheduler(): FrameScheduler {
  return browserScheduler;
}

/**
 * Per scheduler: whether a batcher on it has flushed since the last frame, so
 * the next frame lays out and paints anyway. Another stream's batcher that
 * may flush once the gap has passed flushes now instead, and joins that
 * frame: streams that run together (a compare view's lanes) commit for the
 * same frames, and the page is laid out and painted for all of them about 30
 * times a second, not once per lane, each in its own phase.
 */
const renderDue = new WeakMap<FrameScheduler, boolean>();

export function createEventBatcher<T>(
  flush: (items: T[]) => void,
  scheduler: FrameScheduler,
  fallbackMs = 100,
  minGapMs = COMMIT_GAP_MS,
): EventBatcher<T> {
  let pending: T[] = [];
  let frame: number | undefined;
  let timer: number | undefined;
  let fallback: number | undefined;
  let lastFlushAt = -Infinity;
  // Whether the frame that paints the last flush has begun (its callbacks run
  // just before its layout and paint, in the same task).
  let framePassed = true;

  const clearTimers = (): void => {
    if (timer !== undefined) scheduler.clearTimer(timer);
    if (fallback !== undefined) scheduler.clearTimer(fallback);
    timer = fallback = undefined;
  };
  const later = (ms: number): void => {
    timer ??= scheduler.setTimer(() => {
      timer = undefined;
      tryFlush();
    }, ms);
  };

  const flushNow = (): void => {
    clearTimers();
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    lastFlushAt = scheduler.now();
    framePassed = false;
    renderDue.set(scheduler, true);
    frame ??= scheduler.requestFrame(onFrame);
    flush(items);
  };
  const onFrame = (): void => {
    frame = undefined;
    framePassed = true;
    renderDue.set(scheduler, false);
    if (fallback !== undefined) scheduler.clearTimer(fallback);
    fallback = undefined;
    // In a task of its own, after this frame's layout and paint.
    if (pending.length > 0) later(0);
  };
  function tryFlush(): void {
    if (pending.length === 0) return;
    if (!framePassed) {
      // onFrame goes on; the timer is for a page whose frames don't run.
      fallback ??= scheduler.setTimer(flushNow, fallbackMs);
      return;
    }
    const wait = lastFlushAt + minGapMs - scheduler.now();
    if (wait <= 0 || renderDue.get(scheduler) === true) flushNow();
    else later(wait);
  }

  return {
    push(items, urgent = false) {
      for (const item of items) pending.push(item);
      if (urgent) flushNow();
      else tryFlush();
    },
    flushNow,
    dispose() {
      clearTimers();
      if (frame !== undefined) scheduler.cancelFrame(frame);
      frame = undefined;
      pending = [];
    },
  };
}
