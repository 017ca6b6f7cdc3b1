import { describe, expect, it } from 'vitest';
import { createEventBatcher, type FrameScheduler } from './event-batcher.ts';

function fire<A extends unknown[]>(map: Map<number, (...args: A) => void>, ...args: A): void {
  const callbacks = [...map.values()];
  map.clear();
  callbacks.forEach((cb) => cb(...args));
}

/** Frames and timers run by hand; each frame is 16 ms after the last, as at 60 Hz. */
function manualScheduler() {
  const frames = new Map<number, (frameTime: number) => void>();
  const timers = new Map<number, () => void>();
  let next = 1;
  const clock = { now: 0 };
  const scheduler: FrameScheduler = {
    requestFrame: (cb) => (frames.set(next, cb), next++),
    cancelFrame: (h) => void frames.delete(h),
    setTimer: (cb) => (timers.set(next, cb), next++),
    clearTimer: (h) => void timers.delete(h),
  };
  const runFrame = (): void => {
    clock.now += 16;
    fire(frames, clock.now);
  };
  return { scheduler, frames, timers, clock, runFrame, runTimers: () => fire(timers) };
}

describe('createEventBatcher', () => {
  it('flushes an urgent item at once, then batches the rest into one flush per frame', () => {
    const { scheduler, runFrame, frames } = manualScheduler();
    const flushed: number[][] = [];
    const batcher = createEventBatcher<number>((items) => flushed.push(items), scheduler);
    batcher.push(1, true);
    expect(flushed).toEqual([[1]]);
    batcher.push(2);
    batcher.push(3);
    batcher.push(4);
    expect(flushed).toEqual([[1]]);
    expect(frames.size).toBe(1);
    runFrame();
    expect(flushed).toEqual([[1], [2, 3, 4]]);
  });

  it('falls back to a timer when no frame runs (hidden tab) and cancels the frame', () => {
    const { scheduler, runTimers, frames } = manualScheduler();
    const flushed: number[][] = [];
    const batcher = createEventBatcher<number>((items) => flushed.push(items), scheduler);
    batcher.push(1);
    runTimers();
    expect(flushed).toEqual([[1]]);
    expect(frames.size).toBe(0);
  });

  it('flushNow delivers pending items synchronously and flushes nothing when empty', () => {
    const { scheduler } = manualScheduler();
    const flushed: number[][] = [];
    const batcher = createEventBatcher<number>((items) => flushed.push(items), scheduler);
    batcher.flushNow();
    expect(flushed).toEqual([]);
    batcher.push(5);
    batcher.flushNow();
    expect(flushed).toEqual([[5]]);
  });

  it('flushes a dense stream every other frame: a frame sooner than the gap after the last flush passes', () => {
    const { scheduler, runFrame, frames } = manualScheduler();
    const flushed: number[][] = [];
    const batcher = createEventBatcher<number>((items) => flushed.push(items), scheduler);
    batcher.push(1);
    runFrame();
    expect(flushed).toEqual([[1]]);
    batcher.push(2);
    runFrame(); // 16 ms after the flush
    expect(flushed).toEqual([[1]]);
    expect(frames.size).toBe(1);
    batcher.push(3);
    runFrame(); // 32 ms after it
    expect(flushed).toEqual([[1], [2, 3]]);
    expect(frames.size).toBe(0);
  });

  it('lets an urgent item and a slow stream through without waiting for the gap', () => {
    const { scheduler, runFrame, clock } = manualScheduler();
    const flushed: number[][] = [];
    const batcher = createEventBatcher<number>((items) => flushed.push(items), scheduler);
    batcher.push(1);
    runFrame();
    // Right after a frame flush, an urgent item still goes at once.
    batcher.push(2, true);
    expect(flushed).toEqual([[1], [2]]);
    // A token that comes long after the last frame flush is painted in the next frame.
    clock.now += 500;
    batcher.push(3);
    runFrame();
    expect(flushed).toEqual([[1], [2], [3]]);
  });

  it('still falls back to the timer while frames pass for the gap', () => {
    const { scheduler, runFrame, runTimers, frames } = manualScheduler();
    const flushed: number[][] = [];
    const batcher = createEventBatcher<number>((items) => flushed.push(items), scheduler);
    batcher.push(1);
    runFrame();
    batcher.push(2);
    runFrame();
    expect(flushed).toEqual([[1]]);
    runTimers();
    expect(flushed).toEqual([[1], [2]]);
    expect(frames.size).toBe(0);
  });

  it('flushes streams that share a scheduler in the same frames (a compare view’s lanes)', () => {
    const { scheduler, runFrame } = manualScheduler();
    const flushed: string[][] = [];
    const a = createEventBatcher<string>((items) => flushed.push(items), scheduler);
    const b = createEventBatcher<string>((items) => flushed.push(items), scheduler);
    a.push('a1');
    runFrame(); // 16: a flushes
    b.push('b1');
    runFrame(); // 32: 16 ms after a's frame, so b waits for the next one...
    expect(flushed).toEqual([['a1']]);
    a.push('a2');
    runFrame(); // 48: ...where both flush: one layout and paint for the two
    expect(flushed).toEqual([['a1'], ['b1'], ['a2']]);
  });

  it('flushes every frame with no gap', () => {
    const { scheduler, runFrame } = manualScheduler();
    const flushed: number[][] = [];
    const batcher = createEventBatcher<number>((items) => flushed.push(items), scheduler, 100, 0);
    for (const item of [1, 2, 3]) {
      batcher.push(item);
      runFrame();
    }
    expect(flushed).toEqual([[1], [2], [3]]);
  });

  it('drops pending items on dispose', () => {
    const { scheduler, runFrame } = manualScheduler();
    const flushed: number[][] = [];
    const batcher = createEventBatcher<number>((items) => flushed.push(items), scheduler);
    batcher.push(1);
    batcher.dispose();
    runFrame();
    expect(flushed).toEqual([]);
  });
});
