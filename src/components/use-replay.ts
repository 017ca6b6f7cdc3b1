// Plays a reply's recorded trace again in its place: a position in the
// trace's milliseconds, moved on every frame by the time that passed times
// the speed. The message view renders the reply as it was at that position.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isStopKey } from '../chat/stop-key.ts';
import type { ReplyTrace } from '../chat/types.ts';

export const REPLAY_SPEEDS = [1, 2, 4] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

interface ReplayState {
  /** Milliseconds after the reply was asked for, in the trace's time. */
  position: number;
  speed: ReplaySpeed;
}

export interface Replay {
  /** Where the replay is, while one runs. */
  position: number | undefined;
  speed: ReplaySpeed;
  /** A key for the reply's views: a new one when a replay starts or ends, so each starts afresh. */
  key: string;
  start(): void;
  stop(): void;
  setSpeed(speed: ReplaySpeed): void;
}

export function useReplay(trace: ReplyTrace | undefined): Replay {
  const [state, setState] = useState<ReplayState | undefined>();
  const [speed, setSpeedState] = useState<ReplaySpeed>(1);
  // The speed a replay starts at, so that start keeps one identity.
  const startSpeed = useRef<ReplaySpeed>(1);
  const [runs, setRuns] = useState(0);
  const replaying = state !== undefined && trace !== undefined;

  useEffect(() => {
    if (!replaying) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const passed = now - last;
      last = now;
      setState((current) => {
        if (!current) return current;
        const position = current.position + passed * current.speed;
        return position >= trace.end ? undefined : { ...current, position };
      });
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [replaying, trace]);

  // Esc stops a replay as it stops a reply.
  useEffect(() => {
    if (!replaying) return;
    const onKey = (event: KeyboardEvent): void => {
      if (isStopKey(event)) setState(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [replaying]);

  const start = useCallback(() => {
    setRuns((n) => n + 1);
    setState({ position: 0, speed: startSpeed.current });
  }, []);
  const stop = useCallback(() => setState(undefined), []);
  const setSpeed = useCallback((next: ReplaySpeed) => {
    startSpeed.current = next;
    setSpeedState(next);
    setState((current) => current && { ...current, speed: next });
  }, []);
  return { position: replaying ? state.position : undefined, speed, key: `${replaying ? 'replay' : 'reply'}-${runs}`, start, stop, setSpeed };
}
