import { describe, expect, it } from 'vitest';
import { COMMIT_GAP_MS, createEventBatcher, type FrameScheduler } from './event-batcher.ts';

/**
 * A page's clock run by hand: a frame every `frameMs` (its callbacks run as
 * one task, before that frame's layout and paint), and timers as they fall
 * due, each a task of its own after the frame.
 */
function manualScheduler(frameMs = 16) {
  const clock = { now: 0, inFrame: false };
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { callback: () => void; due: number; ms: number }>();
  let next = 1;
  const scheduler: FrameScheduler = {
    requestFrame: (callback) => (frames.set(next, callback), next++),
    cancelFrame: (handle) => void frames.delete(handle),
    setTimer: (callback, ms) => (timers.set(next, { callback, due: clock.now + ms, ms }), next++),
    clearTimer: (handle) => void timers.delete(handle),
    now: () => clock.now,
  };
  const runFrame = (): void => {
    const callbacks = [...frames.values()];
    frames.clear();
    clock.inFrame = true;
    callbacks.forEach((callback) => callback());
    clock.inFrame = false;
  };
  const runDueTimers = (): void => {
    for (;;) {
      const due = [...timers].filter(([, t]) => t.due <= clock.now).toSorted((a, b) => a[1].due - b[1].due || a[0] - b[0])[0];
      if (!due) return;
      timers.delete(due[0]);
      due[1].callback();
    }
  };
  /** Moves the clock on a millisecond at a time: frames on every multiple of frameMs, then the timers due. */
  const advance = (ms: number): void => {
    for (let i = 0; i < ms; i++) {
      clock.now++;
      if (clock.now % frameMs === 0) runFrame();
      runDueTimers();
    }
  };
  return { scheduler, clock, frames, timers, advance, runFrame, runDueTimers };
}

/** A batcher whose flushes are recorded with when they ran and whether inside a frame's task. */
function recorded<T>(setup: ReturnType<typeof manualScheduler>, fallbackMs?: number, minGapMs?: number) {
  const flushes: Array<{ items: T[]; at: number; inFrame: boolean }> = [];
  const batcher = createEventBatcher<T>((items) => flushes.push({ items, at: setup.clock.now, inFrame: setup.clock.inFrame }), setup.scheduler, fallbackMs, minGapMs);
  return { batcher, flushes, items: () => flushes.map((f) => f.items) };
}

describe('createEventBatcher', () => {
  it('flushes the first item in the task that brought it, then waits for the frame that paints it', () => {
    const setup = manualScheduler();
    const { batcher, items } = recorded<number>(setup);
    batcher.push([1]);
    expect(items()).toEqual([[1]]);
    batcher.push([2]);
    batcher.push([3]);
    expect(items()).toEqual([[1]]);
    expect(setup.frames.size).toBe(1);
  });

  it('never flushes inside a frame’s task: after the frame, in a task of its own', () => {
    const setup = manualScheduler();
    const { batcher, flushes } = recorded<number>(setup);
    batcher.push([1]);
    setup.clock.now = 100; // long past the gap, but no frame has painted the flush yet
    batcher.push([2]);
    setup.runFrame();
    expect(flushes).toHaveLength(1);
    setup.runDueTimers();
    expect(flushes.map((f) => f.items)).toEqual([[1], [2]]);
    expect(flushes.every((f) => !f.inFrame)).toBe(true);
  });

  it('flushes a dense stream COMMIT_GAP_MS apart or more, once per painted frame at most, never inside one', () => {
    const setup = manualScheduler();
    const { batcher, flushes } = recorded<number>(setup);
    // A token every 2 ms for a second.
    for (let t = 0; t < 1000; t += 2) {
      batcher.push([t]);
      setup.advance(2);
    }
    const gaps = flushes.slice(1).map((f, i) => f.at - flushes[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(COMMIT_GAP_MS);
    // About two frames apart at 60 Hz: 30 a second, not 60.
    expect(flushes.length).toBeGreaterThanOrEqual(24);
    expect(flushes.length).toBeLessThanOrEqual(31);
    // A frame (every 16 ms) between every two flushes.
    for (let i = 1; i < flushes.length; i++) expect(Math.floor(flushes[i]!.at / 16)).toBeGreaterThan(Math.floor(flushes[i - 1]!.at / 16));
    expect(flushes.some((f) => f.inFrame)).toBe(false);
    batcher.flushNow();
    expect(flushes.flatMap((f) => f.items)).toHaveLength(500);
  });

  it('flushes a slow stream’s token in its own task, once the gap and a frame have passed', () => {
    const setup = manualScheduler();
    const { batcher, flushes } = recorded<number>(setup);
    batcher.push([1]);
    setup.advance(500);
    batcher.push([2]);
    expect(flushes.map((f) => [f.items, f.at])).toEqual([
      [[1], 0],
      [[2], 500],
    ]);
  });

  it('takes items that came together whole: urgent if any is, and never split between two commits', () => {
    const setup = manualScheduler();
    const { batcher, items } = recorded<number>(setup);
    batcher.push([1, 2, 3]);
    expect(items()).toEqual([[1, 2, 3]]);
    batcher.push([4, 5], true);
    expect(items()).toEqual([[1, 2, 3], [4, 5]]);
    batcher.push([6, 7]);
    setup.advance(COMMIT_GAP_MS + 16);
    expect(items()).toEqual([[1, 2, 3], [4, 5], [6, 7]]);
  });

  it('lets an urgent item through at once, frame or no frame, gap or no gap', () => {
    const setup = manualScheduler();
    const { batcher, items } = recorded<number>(setup);
    batcher.push([1]);
    batcher.push([2], true);
    expect(items()).toEqual([[1], [2]]);
    batcher.push([3]);
    batcher.push([4], true);
    expect(items()).toEqual([[1], [2], [3, 4]]);
  });

  it('falls back to a timer when no frame runs (hidden tab)', () => {
    const setup = manualScheduler();
    const { batcher, items } = recorded<number>(setup, 100);
    batcher.push([1]);
    batcher.push([2]);
    expect([...setup.timers.values()].map((t) => t.ms)).toEqual([100]);
    // No frames: the clock moves, but only timers run.
    setup.clock.now = 100;
    const [timer] = [...setup.timers.values()];
    timer!.callback();
    expect(items()).toEqual([[1], [2]]);
  });

  it('flushNow delivers pending items synchronously and flushes nothing when empty', () => {
    const setup = manualScheduler();
    const { batcher, items } = recorded<number>(setup);
    batcher.flushNow();
    expect(items()).toEqual([]);
    batcher.push([5]);
    batcher.push([6]);
    batcher.flushNow();
    expect(items()).toEqual([[5], [6]]);
  });

  it('lets a stream that shares the scheduler join a flush for the same frame (a compare view’s lanes)', () => {
    const setup = manualScheduler();
    const a = recorded<string>(setup, 100, 40);
    const b = recorded<string>(setup, 100, 40);
    a.batcher.push(['a1']); // 0
    setup.advance(10);
    b.batcher.push(['b1']); // 10
    setup.advance(10); // a frame at 16 paints both
    a.batcher.push(['a2']); // 20: a's gap ends at 40
    setup.advance(22); // a flushes at 40; the next frame is at 48
    expect(a.flushes.map((f) => f.at)).toEqual([0, 40]);
    // b's own gap ends at 50, after that frame; it joins a's flush instead of
    // making the page lay out and paint once more, a frame later.
    b.batcher.push(['b2']); // 42
    expect(b.flushes.map((f) => f.at)).toEqual([10, 42]);
  });

  it('does not join when a frame has not painted its own last flush', () => {
    const setup = manualScheduler();
    const a = recorded<string>(setup);
    const b = recorded<string>(setup);
    a.batcher.push(['a1']);
    b.batcher.push(['b1']);
    b.batcher.push(['b2']);
    expect(b.items()).toEqual([['b1']]);
    setup.advance(16);
    setup.advance(COMMIT_GAP_MS);
    expect(b.items()).toEqual([['b1'], ['b2']]);
  });

  it('flushes once per painted frame with no gap', () => {
    const setup = manualScheduler();
    const { batcher, flushes } = recorded<number>(setup, 100, 0);
    for (let t = 0; t < 64; t += 4) {
      batcher.push([t]);
      setup.advance(4);
    }
    expect(flushes.map((f) => f.at)).toEqual([0, 16, 32, 48, 64]);
  });

  it('drops pending items on dispose and schedules nothing after', () => {
    const setup = manualScheduler();
    const { batcher, items } = recorded<number>(setup);
    batcher.push([1]);
    batcher.push([2]);
    batcher.dispose();
    expect(setup.frames.size).toBe(0);
    expect(setup.timers.size).toBe(0);
    setup.advance(200);
    expect(items()).toEqual([[1]]);
  });
});
