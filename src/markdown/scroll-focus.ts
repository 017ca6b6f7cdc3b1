// A box that scrolls on its own (a code block, a table or a formula wider
// than the reply, a tool call's tall arguments) must take the keyboard's
// focus, or a keyboard cannot scroll it (Chromium makes such a scroller
// focusable by itself, Safari does not). One that fits is no tab stop: a
// reply with ten short code blocks is not ten more stops on the way to the
// next button. Whether it scrolls changes with the width of the page and as
// its content streams in, so one ResizeObserver, shared by all, watches them.

let observer: ResizeObserver | undefined;
/** What each watched element's size says something about: itself, or for a first child, its scroller. */
const scrollerOf = new WeakMap<Element, HTMLElement>();

/** Whether a box with this `overflow` scrolls when its content is larger (`hidden` clips, `visible` spills). */
export const scrollable = (overflow: string): boolean => overflow === 'auto' || overflow === 'scroll';

/** Makes the element a tab stop while its content overflows it in a direction it scrolls in (a formula's glyphs jut out of it, clipped), and none while it fits. */
export function tabStopWhileScrolls(element: HTMLElement): void {
  const { overflowX, overflowY } = getComputedStyle(element);
  const scrolls =
    (scrollable(overflowX) && element.scrollWidth > element.clientWidth + 1) || (scrollable(overflowY) && element.scrollHeight > element.clientHeight + 1);
  if (scrolls === element.hasAttribute('tabindex')) return;
  if (scrolls) element.tabIndex = 0;
  else element.removeAttribute('tabindex');
}

/**
 * Has a watched element looked at once more, after the next frame's layout
 * (so no layout of its own): for a change of content that changed no size,
 * such as a code block's last line grown past the edge.
 */
export function lookAgain(element: HTMLElement): void {
  if (!observer) return;
  observer.unobserve(element);
  observer.observe(element);
}

/**
 * A ref callback: the element is a tab stop exactly while it scrolls, looked
 * at each time it or its first child changes size (the observer's callback
 * comes after layout, so the look costs no layout of its own). Where there
 * is no ResizeObserver (a test's DOM), it stays a tab stop, as it would have to be to scroll.
 */
export function focusableWhenScrolls(element: HTMLElement | null): (() => void) | undefined {
  if (!element) return undefined;
  if (typeof ResizeObserver === 'undefined') {
    element.tabIndex = 0;
    return undefined;
  }
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      const scroller = scrollerOf.get(entry.target);
      if (scroller) tabStopWhileScrolls(scroller);
    }
  });
  const shared = observer;
  // A capped box (a tool call's arguments) stops growing where its content goes on: that is watched too.
  const watched = element.firstElementChild ? [element, element.firstElementChild] : [element];
  for (const target of watched) {
    scrollerOf.set(target, element);
    shared.observe(target);
  }
  return () => {
    for (const target of watched) shared.unobserve(target);
  };
}
