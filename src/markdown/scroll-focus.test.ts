// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { tabStopWhileScrolls } from './scroll-focus.ts';

/** A box of `client` × 100 px holding content of `content` × `tall` px (jsdom lays nothing out: the sizes are given). */
function box(style: string, client: number, content: number, tall = 100): HTMLElement {
  const element = document.createElement('div');
  element.setAttribute('style', style);
  const sizes = { clientWidth: client, scrollWidth: content, clientHeight: 100, scrollHeight: tall };
  for (const [name, value] of Object.entries(sizes)) Object.defineProperty(element, name, { configurable: true, get: () => value });
  return element;
}

it('makes a box a tab stop while its content overflows it in a direction it scrolls in, and none once it fits', () => {
  const wide = box('overflow-x: auto', 300, 500);
  tabStopWhileScrolls(wide);
  expect(wide.getAttribute('tabindex')).toBe('0');
  Object.defineProperty(wide, 'scrollWidth', { get: () => 300 });
  tabStopWhileScrolls(wide);
  expect(wide.hasAttribute('tabindex')).toBe(false);

  // Taller than it is, but clipped that way (a formula's glyphs): nothing to scroll.
  const clipped = box('overflow-x: auto; overflow-y: hidden', 300, 300, 104);
  tabStopWhileScrolls(clipped);
  expect(clipped.hasAttribute('tabindex')).toBe(false);
  // A capped box whose content is taller: it scrolls down.
  const capped = box('overflow-y: auto', 300, 300, 400);
  tabStopWhileScrolls(capped);
  expect(capped.getAttribute('tabindex')).toBe('0');
  // Overflowing, but not a scroller at all.
  const plain = box('', 300, 500);
  tabStopWhileScrolls(plain);
  expect(plain.hasAttribute('tabindex')).toBe(false);
});
