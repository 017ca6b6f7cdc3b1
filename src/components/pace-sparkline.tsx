// A reply's pace over its course, as bars: tokens a second in equal slices of
// the time from its first token to its last. A stall shows as a gap, a burst
// as a spike; what a single tokens-a-second figure averages away.
import { useMemo } from 'react';
import { paceProfile } from '../chat/reply-trace.ts';
import type { ReplyTrace } from '../chat/types.ts';
import { duration, wholeNumber } from './figures.ts';

const SLICES = 24;
const HEIGHT = 10;

/** What the bars show, in words: the name of the image and its tooltip. */
export function paceDescription(peak: number, longestPause: number | undefined): string {
  const pause = longestPause === undefined ? 'no pause of a second or more' : `longest pause ${duration(longestPause)}`;
  return `Pace over the reply: up to ≈ ${wholeNumber.format(peak)} tok/s, ${pause}`;
}

export function PaceSparkline({ trace }: { trace: ReplyTrace }) {
  const profile = useMemo(() => paceProfile(trace, SLICES), [trace]);
  if (!profile || profile.peak <= 0) return <>—</>;
  const label = paceDescription(profile.peak, profile.longestPause);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${SLICES} ${HEIGHT}`} preserveAspectRatio="none" className="inline-block h-3.5 w-20 align-middle">
      <title>{label}</title>
      {profile.rates.map((rate, i) => {
        const height = rate > 0 ? Math.max(0.6, (HEIGHT * rate) / profile.peak) : 0;
        return height > 0 ? <rect key={i} x={i + 0.1} y={HEIGHT - height} width={0.8} height={height} className="fill-indigo-500 dark:fill-indigo-400" /> : null;
      })}
    </svg>
  );
}
