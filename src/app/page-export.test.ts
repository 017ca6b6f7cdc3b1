// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportedContent, pageCss, standalonePage } from './page-export.ts';

const html = (markup: string): HTMLElement => {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  return holder;
};

describe('exportedContent', () => {
  it('takes out the controls and what is marked to omit, and leaves the page as it was', () => {
    const page = html(`
      <article aria-label="Assistant" aria-busy="true">
        <p>Hello <a href="https://example.com/">there</a></p>
        <div class="code-block"><div class="code-block-bar"><span>ts</span><button aria-label="Copy code">Copy</button></div><pre tabindex="0"><code>let a = 1;</code></pre></div>
        <ul><li><input type="checkbox" checked disabled> A finished task</li></ul>
        <div data-export="omit"><button>Regenerate</button><span>1 / 2</span></div>
        <select aria-label="Replay speed"><option>1×</option></select>
        <textarea aria-label="Edited prompt">draft</textarea>
        <input type="text" value="x">
        <p role="status" class="sr-only">No token for 5 s</p>
        <span aria-live="polite" class="sr-only">Copied</span>
      </article>
      <button aria-expanded="false" aria-controls="m">Show more</button>`);
    const before = page.innerHTML;
    const copy = exportedContent(page);
    expect(page.innerHTML).toBe(before);
    expect(copy.querySelectorAll('button, select, textarea, [role="status"], [aria-live], [data-export]')).toHaveLength(0);
    expect(copy.querySelectorAll('input')).toHaveLength(1);
    expect(copy.querySelector('input')?.type).toBe('checkbox');
    expect(copy.textContent).not.toContain('1 / 2');
    expect(copy.textContent).toContain('Hello there');
    expect(copy.querySelector('.code-block-bar')?.textContent).toBe('ts');
    expect(copy.querySelector('pre code')?.textContent).toBe('let a = 1;');
    expect(copy.querySelector('a')?.getAttribute('href')).toBe('https://example.com/');
    expect(copy.querySelector('[aria-busy]')).toBeNull();
  });

  it('keeps an image a button opens, and the text of a toggle that is on', () => {
    const copy = exportedContent(
      html(`
      <ul aria-label="Images sent"><li><button aria-label="View chart.png" title="chart.png"><img src="data:image/png;base64,AAAA" alt=""></button></li></ul>
      <div role="group" aria-label="Figures of"><button aria-pressed="true" class="rounded font-medium">Last message</button><button aria-pressed="false">All messages</button></div>`),
    );
    expect(copy.querySelector('li > img')?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(copy.querySelector('li > img')?.getAttribute('alt')).toBe('chart.png');
    const group = copy.querySelector('[role="group"]')!;
    expect(group.textContent).toBe('Last message');
    expect(group.querySelector('span')?.className).toBe('rounded font-medium');
    expect(copy.querySelector('[aria-pressed]')).toBeNull();
  });
});

const parse = (text: string): Document => new DOMParser().parseFromString(text, 'text/html');

describe('standalonePage', () => {
  it('is a page of its own: a title, the copy, the styles inline, and a policy that runs and loads nothing', () => {
    const text = standalonePage({
      title: 'What is <script>alert(1)</script>?',
      byline: 'Exported from Gateway Chat on 7 December 2026',
      content: html('<article aria-label="You"><p>What is &lt;script&gt;?</p></article><button>Jump to latest</button>'),
      css: '.a { color: red; } .b::after { content: "</style>"; }',
    });
    expect(text.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const doc = parse(text);
    expect(doc.title).toBe('What is <script>alert(1)</script>?');
    expect(doc.querySelector('h1')?.textContent).toBe('What is <script>alert(1)</script>?');
    expect(doc.querySelector('header p')?.textContent).toBe('Exported from Gateway Chat on 7 December 2026');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:",
    );
    // The encoding first in the head, before the title.
    expect(doc.head.firstElementChild?.getAttribute('charset')).toBe('utf-8');
    // One style element, holding the app's rules whole (its "</style" cannot end it) and then the export's own.
    const styles = doc.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toContain('.a { color: red; }');
    expect(styles[0]!.textContent).toContain('content: "<\\/style>"');
    expect(styles[0]!.textContent).toMatch(/\[data-fold\] \{ max-height: none;/);
    expect(doc.querySelector('main article[aria-label="You"]')?.textContent).toBe('What is <script>?');
    expect(doc.querySelector('main button')).toBeNull();
  });
});

// jsdom's CSSOM drops a font face's src: a rule as a browser's CSSOM has it.
const fontFace = (descriptors: Record<string, string>): CSSFontFaceRule =>
  Object.create(CSSFontFaceRule.prototype, {
    style: { value: { getPropertyValue: (name: string) => descriptors[name] ?? '' } },
  }) as CSSFontFaceRule;
const face = (family: string, style: string, src: string) => fontFace({ 'font-family': family, 'font-style': style, 'font-weight': '400', src });

describe('pageCss', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('gives the page’s rules as text, and leaves out a font the page has not used', async () => {
    const style = document.createElement('style');
    style.textContent = '.msg { color: red; } @font-face { font-family: "Unused"; src: url(/unused.woff2) format("woff2"); } @media (min-width: 40rem) { .msg { color: blue; } }';
    document.head.append(style);
    // jsdom has no FontFaceSet: one with no font loaded.
    Object.defineProperty(document, 'fonts', { configurable: true, value: { forEach: () => undefined } });
    const css = await pageCss(document);
    expect(css).toMatch(/^\.msg \{ ?color: red; ?\}\n/);
    expect(css).toMatch(/\n@media \(min-width: 40rem\) \{\s*\.msg \{ ?color: blue; ?\}\s*\}$/);
    expect(css).not.toContain('Unused');
  });

  it('brings each font the page has used inside the file, its smallest file as a data: URL; one it cannot fetch is left out', async () => {
    const rules = [
      face('KaTeX_Main', 'normal', 'url("Main.woff2") format("woff2"), url("Main.woff") format("woff")'),
      face('KaTeX_Size3', 'normal', 'url("Size3.woff") format("woff"), url("Size3.ttf") format("truetype")'),
      face('KaTeX_Math', 'italic', 'url("Gone.woff2") format("woff2")'),
      face('KaTeX_AMS', 'normal', 'url("AMS.woff2") format("woff2")'),
    ];
    // What the page has used: not KaTeX_AMS (the family as FontFace gives it may be quoted).
    const used = [
      { family: 'KaTeX_Main', style: 'normal' },
      { family: 'KaTeX_Size3', style: 'normal' },
      { family: '"KaTeX_Math"', style: 'italic' },
    ].map((font) => ({ ...font, weight: '400', status: 'loaded' }));
    const page = {
      fonts: { forEach: (each: (font: object) => void) => used.forEach(each) },
      styleSheets: [{ href: 'http://app.test/assets/index.css', cssRules: [...rules, { cssText: '.katex { font: normal 1.21em KaTeX_Main; }' }] }],
      baseURI: 'http://app.test/',
    } as unknown as Document;
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return url.endsWith('Gone.woff2') ? new Response('', { status: 404 }) : new Response(new Uint8Array([1, 2, 3]));
    });
    const css = await pageCss(page);
    expect(fetched).toEqual(['http://app.test/assets/Main.woff2', 'http://app.test/assets/Size3.woff', 'http://app.test/assets/Gone.woff2']);
    expect(css).toBe(
      [
        '@font-face { font-family: KaTeX_Main; font-style: normal; font-weight: 400; src: url("data:font/woff2;base64,AQID") format("woff2"); }',
        '@font-face { font-family: KaTeX_Size3; font-style: normal; font-weight: 400; src: url("data:font/woff;base64,AQID") format("woff"); }',
        '.katex { font: normal 1.21em KaTeX_Main; }',
      ].join('\n'),
    );
  });
});
