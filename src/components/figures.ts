// How the page writes its figures: plain digits with thousands separators, times in ms or s.
export const integer = new Intl.NumberFormat('en-US');
export const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
export const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** Big round numbers, short: 128K, 1M. */
export const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 0 });

/** 250 ms, or 1.3 s from a second up. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${oneDecimal.format(ms / 1000)} s`;
}

const moneyFormats = new Map<string, { cents: Intl.NumberFormat; fractions: Intl.NumberFormat }>();
/** An amount in its currency: in cents from a cent up ($2.50), else to three significant digits (a reply costs $0.000102). */
export function money(amount: number, currency: string): string {
  let formats = moneyFormats.get(currency);
  if (!formats) {
    formats = {
      cents: new Intl.NumberFormat('en-US', { style: 'currency', currency }),
      fractions: new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumSignificantDigits: 3 }),
    };
    moneyFormats.set(currency, formats);
  }
  return (amount === 0 || amount >= 0.01 ? formats.cents : formats.fractions).format(amount);
}

/** A share (0–1) as a percentage: one decimal below 10%, "<0.1%" for less. */
export function percent(share: number): string {
  const value = share * 100;
  if (value > 0 && value < 0.1) return '<0.1%';
  return `${value < 10 ? oneDecimal.format(value) : wholeNumber.format(value)}%`;
}
