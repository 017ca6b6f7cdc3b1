// Test helper: a rendered reply's HTML as it compares with a one-shot render.
// A streamed reply groups its blocks in .md-run elements, which hold no
// content of their own; a one-shot render has none.

/** The HTML of an element's children (or of an HTML string), run wrappers unwrapped and whitespace between tags dropped. */
export function comparableHtml(source: Element | string): string {
  const holder = document.createElement('div');
  if (typeof source === 'string') holder.innerHTML = source;
  else holder.append(...[...source.childNodes].map((node) => node.cloneNode(true)));
  holder.querySelectorAll('.md-run').forEach((run) => run.replaceWith(...run.childNodes));
  return holder.innerHTML.replace(/>\s+</g, '><').trim();
}
