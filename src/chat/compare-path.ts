// The compare view's address: its lanes in the URL. Apart from the compare
// view's reducer, so the page's entry script (which links to the view and
// reads its lanes) does not carry the view itself, which loads on first use.

/** Lanes from the URL's `lanes` parameter: comma-separated model ids. */
export function lanesFromSearch(search: string): string[] {
  const value = new URLSearchParams(search).get('lanes') ?? '';
  return [...new Set(value.split(',').map((model) => model.trim()).filter(Boolean))];
}

export function comparePath(lanes: readonly string[]): string {
  // Model ids hold slashes and colons; commas separate them. Both read fine unescaped in a query.
  return lanes.length ? `/compare?lanes=${lanes.map((model) => encodeURIComponent(model).replace(/%2F/g, '/').replace(/%3A/g, ':')).join(',')}` : '/compare';
}
