// A streamed text only grows, so whether a new text extends the last one can
// be checked at the seam instead of over the whole prefix: comparing the whole
// prefix on every update would make each update cost the whole reply.

const SEAM = 64;

/** `next` is at least as long as `previous` and agrees with its last characters. */
export function extendsAtSeam(next: string, previous: string): boolean {
  const from = Math.max(0, previous.length - SEAM);
  return next.length >= previous.length && next.slice(from, previous.length) === previous.slice(from);
}
