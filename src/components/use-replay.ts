// Plays a reply's recorded trace again in its place: a position in the
// trace's milliseconds, moved by the time that passed times the speed, as
// often as a live reply commits (every other frame at 60 Hz). The message
// view renders the reply as it was at that position.
import { useCallback, useEffect, useRef, useState } from 'react';
import { COMMIT_GAP_MS } from '../chat/event-batcher.ts';
import { isStopKey } from '../chat/stop-key.ts';
import type { ReplyTrace } from '../chat/types.ts';

export const REPLAY_SPEEDS = [1, 2, 4] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export interface Replay {
  /** Where the replay is, while one runs: milliseconds after the reply was asked for, in the trace's time. */
  position: number | undefined;
  speed: ReplaySpeed;
  /** A key for the reply's views: a new one when a replay starts or ends, so each starts afresh. */
  key: string;
  start(): void;
  stop(): void;
  setSpeed(speed: ReplaySpeed): void;
}

export function useReplay(trace: ReplyTrace | undefined): Replay {
  const [position, setPosition] = useState<number | undefined>();
  const [speed, setSpeedState] = useState<ReplaySpeed>(1);
  // The speed as the frame loop reads it, so a change of speed does not restart the loop.
  const speedNow = useRef<ReplaySpeed>(1);
  const [runs, setRuns] = useState(0);
  const replaying = position !== undefined && trace !== undefined;

  useEffect(() => {
    if (!replaying) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      frame = requestAnimationFrame(tick);
      // Every other frame at 60 Hz, as a stream commits; frame times jitter a
      // little, hence the half frame of slack under the commits' gap.
      if (now - last < COMMIT_GAP_MS - 8) return;
      const passed = now - last;
      last = now;
      setPosition((current) => {
        if (current === undefined) return current;
        const next = current + passed * speedNow.current;
        return next >= trace.end ? undefined : next;
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [replaying, trace]);

  // Esc stops a replay as it stops a reply.
  useEffect(() => {
    if (!replaying) return;
    const onKey = (event: KeyboardEvent): void => {
      if (isStopKey(event)) setPosition(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [replaying]);

  const start = useCallback(() => {
    setRuns((n) => n + 1);
    setPosition(0);
  }, []);
  const stop = useCallback(() => setPosition(undefined), []);
  const setSpeed = useCallback((next: ReplaySpeed) => {
    speedNow.current = next;
    setSpeedState(next);
  }, []);
  return { position: replaying ? position : undefined, speed, key: `${replaying ? 'replay' : 'reply'}-${runs}`, start, stop, setSpeed };
}
