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

/** The bars as one path, a rectangle each (none where nothing came): one element to make, not one a bar. */
export function barsPath(rates: readonly number[], peak: number): string {
  return rates
    .map((rate, i) => {
      if (rate <= 0) return '';
      const height = Math.max(0.6, (HEIGHT * rate) / peak);
      return `M${i + 0.1} ${+(HEIGHT - height).toFixed(3)}h0.8v${+height.toFixed(3)}h-0.8z`;
    })
    .join('');
}

// The chart appears in the task that ends a reply: three elements, where a
// rect per bar made that commit about 3 ms longer (12 at 4x CPU throttle).
/** `tokens`: the completion tokens the gateway counted for the trace's text, when it reported them. */
export function PaceSparkline({ trace, tokens }: { trace: ReplyTrace; tokens: number | undefined }) {
  const profile = useMemo(() => paceProfile(trace, SLICES, tokens), [trace, tokens]);
  if (!profile || profile.peak <= 0) return <>—</>;
  const label = paceDescription(profile.peak, profile.longestPause);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${SLICES} ${HEIGHT}`} preserveAspectRatio="none" className="inline-block h-3.5 w-20 align-middle">
      <title>{label}</title>
      <path d={barsPath(profile.rates, profile.peak)} className="fill-indigo-500 dark:fill-indigo-400" />
    </svg>
  );
}
