// Decouples arrival from painting: items are flushed at most once per
// animation frame, in frames COMMIT_GAP_MS apart or more, with a timer
// fallback for when frames don't run (hidden tab); an urgent item (the first
// token, the end) flushes at once. Scheduling is injected so tests drive it by
// hand.

export interface FrameScheduler {
  /** `callback` gets the frame's time, the same for every callback of one frame. */
  requestFrame(callback: (frameTime: number) => void): number;
  cancelFrame(handle: number): void;
  setTimer(callback: () => void, ms: number): number;
  clearTimer(handle: number): void;
}

/**
 * The least time between two frames that flush: every other frame at 60 Hz
 * (every third at 120 Hz), so a dense stream commits, and the browser lays out
 * and paints it, about 30 times a second instead of 60. That is still smooth
 * for text, and it took a sixth to a half off the main thread's time per
 * streamed reply at 1x CPU in the benchmark (README, Rendering). The first
 * token and the end are urgent and wait for no gap; a slow stream's token
 * waits at most one extra frame.
 */
export const COMMIT_GAP_MS = 25;

export interface EventBatcher<T> {
  push(item: T, urgent?: boolean): void;
  /** Flushes whatever is pending right now (end of stream, stop). */
  flushNow(): void;
  dispose(): void;
}

const browserScheduler: FrameScheduler = {
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (h) => cancelAnimationFrame(h),
  setTimer: (cb, ms) => window.setTimeout(cb, ms),
  clearTimer: (h) => window.clearTimeout(h),
};

/** The page's one scheduler: every stream's batcher shares its frames (see lastFrameFlush). */
export function browserFrameScheduler(): FrameScheduler {
  return browserScheduler;
}

/**
 * The time of the last frame in which a batcher on this scheduler flushed.
 * Batchers share it, so streams that run together (a compare view's lanes)
 * flush in the same frames: the page is laid out and painted for all of them
 * about 30 times a second, not once per lane, each in its own phase.
 */
const lastFrameFlush = new WeakMap<FrameScheduler, number>();

export function createEventBatcher<T>(
  flush: (items: T[]) => void,
  scheduler: FrameScheduler,
  fallbackMs = 100,
  minGapMs = COMMIT_GAP_MS,
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
  // A frame sooner than the gap after the last frame flush passes, unless it
  // is that frame (another stream flushed in it: joining adds no layout or paint).
  const onFrame = (frameTime: number): void => {
    const last = lastFrameFlush.get(scheduler) ?? -Infinity;
    if (frameTime !== last && frameTime - last < minGapMs) {
      frame = scheduler.requestFrame(onFrame);
      return;
    }
    lastFrameFlush.set(scheduler, frameTime);
    flushNow();
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
