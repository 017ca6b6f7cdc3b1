// Long lists (a reply's blocks, a table's rows) render in runs of RUN items.
// A run whose items are all finished keeps one element object, and React
// skips an identical element at once: a commit visits the open run, not every
// item of a reply hundreds of blocks long.
import type { ReactElement } from 'react';

export const RUN = 32;

/** Renders its items with no element of its own, so runs leave no trace in the DOM (a table's rows). */
export function Run({ children }: { children: ReactElement[] }) {
  return children;
}

/**
 * A run of a reply's blocks, in an element of its own so the browser can skip
 * a run's layout and paint while it is off screen (index.css).
 */
export function BlockRun({ children }: { children: ReactElement[] }) {
  return <div className="md-run">{children}</div>;
}
