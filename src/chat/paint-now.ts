// Which stream events are worth a commit of their own instead of waiting for
// the next frame: the first token (time to first paint is what a reader feels
// most) and the end of the stream (the final text and the usage). The app's
// session and the benchmark page both use this one rule.
import { isStreamEnd, isToken, type StreamEvent } from '../gateway/client.ts';

/** A per-stream rule: call it on every event, in order; true means flush now. */
export function createPaintNow(): (event: StreamEvent) => boolean {
  let sawToken = false;
  return (event) => {
    const token = isToken(event);
    const now = (token && !sawToken) || isStreamEnd(event);
    if (token) sawToken = true;
    return now;
  };
}
