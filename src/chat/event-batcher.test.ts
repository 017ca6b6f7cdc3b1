import { describe, expect, it } from 'vitest';
import { createEventBatcher, type FrameScheduler } from './event-batcher.ts';

function fire(map: Map<number, () => void>): void {
  const callbacks = [...map.values()];
  map.clear();
  callbacks.forEach((cb) => cb());
}

function manualScheduler() {
  const frames = new Map<number, () => void>();
  const timers = new Map<number, () => void>();
  let next = 1;
  const scheduler: FrameScheduler = {
    requestFrame: (cb) => (frames.set(next, cb), next++),
    cancelFrame: (h) => void frames.delete(h),
    setTimer: (cb) => (timers.set(next, cb), next++),
    clearTimer: (h) => void timers.delete(h),
  };
  return { scheduler, frames, timers, runFrame: () => fire(frames), runTimers: () => fire(timers) };
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
