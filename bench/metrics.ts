// What the benchmark page measures in one load, read back by the harness.

export const ARMS = ['none', 'plain', 'naive', 'ours'] as const;
/**
 * Beside the issue's four arms, yardsticks: ours' final DOM prebuilt and moved
 * in as its text arrives (the browser's own work on markdown's DOM, with no
 * parsing or React), and Streamdown (run.ts runs it with BENCH_STREAMDOWN=1).
 */
export type Arm = (typeof ARMS)[number] | 'prebuilt' | 'streamdown';

export interface PageMetrics {
  arm: Arm;
  /** Synchronous render + commit time of each commit, ms. */
  commits: number[];
  /** When the reader (the worker, or the page with ?recv=main) read the first and the last byte, on the page's clock. */
  firstByteAt: number;
  lastByteAt: number;
  /** When the commit that carried the stream's end returned (0 for the floor, which commits nothing). */
  finalCommitAt: number;
  /** A double rAF after the final commit (for the floor, after it has read the stream). */
  finalPaintAt: number;
  /** rAF deltas while measuring. */
  frames: number[];
  loafOver50: number;
  loafBlockingMs: number;
  /** Keydown event to handler, ms, while the probe types. */
  inputDelays: number[];
  chars: number;
  replies: number;
  finished: boolean;
  /** Gate mode: commits whose painted text outside code held raw markdown markers. */
  markerCommits: number;
  markerSamples: string[];
  finalEqualsOneShot: boolean | undefined;
  finalDiff: string | undefined;
}
