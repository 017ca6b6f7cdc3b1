// Which stream events are worth a commit of their own instead of waiting for
// the next frame: the first token (time to first paint is what a reader feels
// most) and the end of the stream (the final text and the usage). The app's
// session and the benchmark page both use this one rule.
import type { StreamEvent } from '../gateway/client.ts';

export function isToken(event: StreamEvent): boolean {
  return event.type === 'delta' || event.type === 'reasoning' || event.type === 'toolCall';
}

/** The stream's last word: it ended ([DONE]) or was cut. */
export function isStreamEnd(event: StreamEvent): boolean {
  return event.type === 'done' || event.type === 'interrupted';
}

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
