// Starts several replies' replays in one commit, so they play side by side
// from the same moment: the compare view's race, replayed.
import { createContext } from 'react';

export interface ReplayTogether {
  /** The replies to replay. */
  ids: ReadonlySet<string>;
  /** A new number each time they are to start again. */
  run: number;
}

export const ReplayTogetherContext = createContext<ReplayTogether | undefined>(undefined);
