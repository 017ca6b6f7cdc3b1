// Math ($$…$$) typeset with KaTeX once it is complete. KaTeX (78 KB gzipped,
// its stylesheet 8 KB, fonts as used) loads apart from the entry script, when
// the first formula appears; until then, and while a formula is still
// streaming in, its TeX source shows in its place. Never re-typeset per
// token: an inline formula is typeset once its own closing $$ has come, one
// on lines of its own once its block is done, and each only once.
import { memo, useSyncExternalStore } from 'react';
import { openFence } from './block-splitter.ts';
import { OPEN_FORMULA } from './math-source.ts';
import { focusableWhenScrolls } from './scroll-focus.ts';

type Katex = typeof import('katex').default;

let katex: Katex | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

/**
 * Loads KaTeX, its stylesheet and its copy handler once (a selection with
 * formulas in it copies as text with their TeX, in $…$ and $$…$$, not
 * KaTeX's letters one per line); a failed load leaves formulas as source, and
 * is tried again by the next formula.
 */
export function loadKatex(): Promise<void> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css'), import('katex/contrib/copy-tex')]).then(
    ([module]) => {
      katex = module.default;
      for (const listener of listeners) listener();
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

function onKatexLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const katexLoaded = (): boolean => katex !== undefined;

// Typeset once per formula: a settled reply re-renders (a new version shown,
// a replay) with the same formulas.
const typeset = new Map<string, string>();
const TYPESET_KEPT = 500;

function typesetHtml(engine: Katex, tex: string, display: boolean): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let html = typeset.get(key);
  if (html === undefined) {
    // An error shows as KaTeX shows it (the source, in red, with the message in its title), not as a broken page.
    // maxSize caps what \rule or \kern a reply can ask for (in em): no formula can be made to cover the page.
    html = engine.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', strict: 'ignore', maxSize: 20 });
    if (typeset.size >= TYPESET_KEPT) typeset.delete(typeset.keys().next().value!);
    typeset.set(key, html);
  }
  return html;
}

interface MathFormulaProps {
  tex: string;
  /** A formula on lines of its own, centred; otherwise inline in the text. */
  display: boolean;
  /** False while it may still grow (the streaming tail): its source shows; so it does while it ends in OPEN_FORMULA. */
  complete: boolean;
}

/** A formula: its TeX source until it is complete and KaTeX is in, then typeset (with MathML for screen readers). */
export const MathFormula = memo(function MathFormula({ tex: source, display, complete: done }: MathFormulaProps) {
  const loaded = useSyncExternalStore(onKatexLoaded, katexLoaded, katexLoaded);
  if (!loaded) void loadKatex().catch(() => undefined);
  // One the tail repair closed is still streaming in.
  const open = source.endsWith(OPEN_FORMULA);
  const tex = open ? source.slice(0, -OPEN_FORMULA.length) : source;
  const complete = done && !open;
  const Tag = display ? 'div' : 'span';
  // A formula on lines of its own scrolls sideways when wide: a tab stop then, so a keyboard can scroll it (scroll-focus.ts).
  const focus = display ? focusableWhenScrolls : undefined;
  if (complete && katex) {
    return <Tag className={display ? 'math math-display' : 'math math-inline'} ref={focus} dangerouslySetInnerHTML={{ __html: typesetHtml(katex, tex, display) }} />;
  }
  return (
    <Tag className={display ? 'math math-display math-source' : 'math math-inline math-source'} ref={focus}>
      {tex}
    </Tag>
  );
});

/** A tail that opens a display formula not closed yet: its TeX so far, a half-typed closing line held back. */
export function parseOpenMath(tail: string): string | undefined {
  const newline = tail.indexOf('\n');
  // The opening line as the block splitter reads it: two or more dollars, nothing with a dollar after them.
  if (openFence(newline < 0 ? tail : tail.slice(0, newline))?.marker !== '$') return undefined;
  if (newline < 0) return '';
  return tail.slice(newline + 1).replace(/(^|\n) {0,3}\$+$/, '$1').replace(/\n$/, '');
}
