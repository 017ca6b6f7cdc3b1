// How the page writes its figures: plain digits with thousands separators, times in ms or s.
export const integer = new Intl.NumberFormat('en-US');
export const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
export const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 250 ms, or 1.3 s from a second up. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${oneDecimal.format(ms / 1000)} s`;
}
