// A conversation as a web page of its own, to share: what the app shows,
// copied from the page (the replies rendered, code highlighted, math typeset,
// each reply's model and usage), with the app's styles inlined and nothing
// to press. No script runs in it and it loads nothing (its own
// Content-Security-Policy says so), so it opens the same anywhere, offline,
// in light or dark as the reader's system has it.
//
// Copying the page rather than rendering the conversation again keeps the
// file what the reader saw (the versions shown, the highlighter's colours)
// without a second renderer in the bundle. Components mark what is no use in
// a file with data-export="omit" (a message's actions, its versions); every
// control goes too.
import { scrollable } from '../markdown/scroll-focus.ts';

// Controls do nothing without the app: gone. Live regions have nothing to say.
const REMOVED = '[data-export="omit"], select, textarea, input:not([type="checkbox"]), [role="status"], [aria-live]';
const ATTRIBUTES_REMOVED = ['aria-busy', 'aria-controls', 'aria-expanded', 'aria-keyshortcuts', 'aria-describedby'];

// After the app's own rules (theirs are in layers, and unlayered rules win):
// a folded message unfolds, and off-screen content is laid out (a static
// page has no streaming to save the work for, and its scrollbar then tells
// the page's true length).
const PAGE_CSS = `
.msg-item, .md-run { content-visibility: visible; contain-intrinsic-size: none; }
[data-fold] { max-height: none; overflow: visible; mask-image: none; }
`;

// No script, nothing fetched: images come inside the file (data: URLs).
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const unquote = (name: string): string => name.trim().replace(/^["']|["']$/g, '');
const faceKey = (family: string, weight: string, style: string): string => `${unquote(family)}|${weight || 'normal'}|${style || 'normal'}`;

const FONT_FORMATS = [
  { extension: 'woff2', type: 'font/woff2', format: 'woff2' },
  { extension: 'woff', type: 'font/woff', format: 'woff' },
  { extension: 'ttf', type: 'font/ttf', format: 'truetype' },
] as const;

/** A font file as a data: URL of its type, or undefined where it cannot be read. */
async function fontData(url: string, type: string): Promise<string | undefined> {
  const response = await fetch(url);
  if (!response.ok) return undefined;
  const bytes = new Uint8Array(await response.arrayBuffer());
  // btoa takes a string of bytes; built in slices, as an argument list has a limit.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}

/**
 * A font the page has used (KaTeX's, once math is typeset) comes in the file,
 * its smallest file (WOFF2 where there is one) as a data: URL: the file loads
 * nothing. One it has not used is left out (the file could not load it
 * either, and it is no use to what the copy shows).
 */
async function inlineFont(rule: CSSFontFaceRule, base: string, used: ReadonlySet<string>): Promise<string | undefined> {
  const { style } = rule;
  const key = faceKey(style.getPropertyValue('font-family'), style.getPropertyValue('font-weight'), style.getPropertyValue('font-style'));
  if (!used.has(key)) return undefined;
  const urls = Array.from(style.getPropertyValue('src').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g), (match) => match[1]!);
  const file = FONT_FORMATS.flatMap((kind) => {
    const url = urls.find((candidate) => candidate.endsWith(`.${kind.extension}`));
    return url ? [{ url, ...kind }] : [];
  })[0];
  const data = file ? await fontData(new URL(file.url, base).href, file.type).catch(() => undefined) : undefined;
  if (!file || !data) return undefined;
  const descriptors = ['font-family', 'font-style', 'font-weight', 'font-display']
    .map((name) => [name, style.getPropertyValue(name)] as const)
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}: ${value};`);
  return `@font-face { ${descriptors.join(' ')} src: url("${data}") format("${file.format}"); }`;
}

/** The style rules the page has now, as text, with the fonts it has used inside (a sheet the page may not read is left out). */
export async function pageCss(doc: Document): Promise<string> {
  const used = new Set<string>();
  doc.fonts.forEach((face) => {
    if (face.status === 'loaded') used.add(faceKey(face.family, face.weight, face.style));
  });
  const rules = Array.from(doc.styleSheets).flatMap((sheet) => {
    try {
      return Array.from(sheet.cssRules, (rule) => ({ rule, base: sheet.href ?? doc.baseURI }));
    } catch {
      // Another origin's sheet: not readable, and not the app's.
      return [];
    }
  });
  const texts = await Promise.all(rules.map(({ rule, base }) => (rule instanceof CSSFontFaceRule ? inlineFont(rule, base, used) : rule.cssText)));
  return texts.filter((text) => text !== undefined).join('\n');
}

/** A toggle that is on says which view the copy shows ("Last message"): its text stays, as it looked. */
function asText(button: HTMLButtonElement): HTMLSpanElement {
  const text = button.ownerDocument.createElement('span');
  text.className = button.className;
  text.textContent = button.textContent;
  return text;
}

/** A copy of `content` with the controls and what is marked to omit taken out; a button holding an image leaves the image (named as the button's title named it), a toggle that is on its text. */
export function exportedContent(content: Element): Element {
  const copy = content.cloneNode(true) as Element;
  // A box that scrolls on its own is a tab stop here only while it scrolls
  // (scroll-focus.ts); the page, read at another width with no script to
  // look again, makes each one a tab stop, as a keyboard may have to scroll it.
  const copies = copy.querySelectorAll('*');
  content.querySelectorAll('*').forEach((original, i) => {
    const { overflowX, overflowY } = getComputedStyle(original);
    if (scrollable(overflowX) || scrollable(overflowY)) copies[i]?.setAttribute('tabindex', '0');
  });
  for (const button of copy.querySelectorAll('button')) {
    const images = Array.from(button.querySelectorAll('img'));
    // The button named the image (its file, in its title): the image is named so instead.
    for (const image of images) if (!image.alt) image.alt = button.title;
    if (images.length > 0) button.replaceWith(...images);
    else if (button.getAttribute('aria-pressed') === 'true') button.replaceWith(asText(button));
    else button.remove();
  }
  for (const element of copy.querySelectorAll(REMOVED)) element.remove();
  for (const element of [copy, ...copy.querySelectorAll('*')]) {
    for (const name of ATTRIBUTES_REMOVED) element.removeAttribute(name);
  }
  return copy;
}

/** "Exported from Gateway Chat on 7 December 2026 at 09:41", then what else is said (`more`). */
export function exportByline(more?: string): string {
  const when = new Date().toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
  return [`Exported from Gateway Chat on ${when}`, more].filter(Boolean).join(' · ');
}

export interface PageExport {
  /** The page's title and heading. */
  title: string;
  /** The line under the heading: where and when it comes from. */
  byline: string;
  /** What the page shows, as it is on screen now. */
  content: Element;
  /** The app's style rules (pageCss). */
  css: string;
  /** The heading across the page (a comparison's lanes take its width), not over a column. */
  wide?: boolean;
}

/** The whole file: a page of its own holding a copy of `content`. */
export function standalonePage({ title, byline, content, css, wide = false }: PageExport): string {
  const doc = document.implementation.createHTMLDocument(title);
  doc.documentElement.lang = document.documentElement.lang || 'en';
  const meta = (attributes: Record<string, string>): HTMLMetaElement => {
    const element = doc.createElement('meta');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    doc.head.append(element);
    return element;
  };
  // The encoding first, before the title's text (a file opened from disk has only this to say it).
  doc.head.prepend(meta({ charset: 'utf-8' }));
  meta({ 'http-equiv': 'Content-Security-Policy', content: POLICY });
  meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' });
  meta({ name: 'color-scheme', content: 'light dark' });
  meta({ name: 'generator', content: 'Gateway Chat' });
  // Serialised as it is: a "</style" inside a rule (in a quoted string) would end the element.
  const style = doc.createElement('style');
  style.textContent = `${css}\n${PAGE_CSS}`.replaceAll('</style', '<\\/style');
  doc.head.append(style);

  doc.body.className = 'bg-white text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100';
  const header = doc.createElement('header');
  header.className = `${wide ? '' : 'mx-auto max-w-3xl '}border-b border-zinc-200 px-4 pt-6 pb-3 dark:border-zinc-800`;
  const heading = doc.createElement('h1');
  heading.className = 'text-lg font-semibold';
  heading.textContent = title;
  const line = doc.createElement('p');
  line.className = 'text-xs text-zinc-500 dark:text-zinc-400';
  line.textContent = byline;
  header.append(heading, line);
  const main = doc.createElement('main');
  main.append(doc.importNode(exportedContent(content), true));
  doc.body.append(header, main);
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}
