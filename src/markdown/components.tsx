// How markdown elements render: code through CodeBlock (highlighted once
// complete), math through KaTeX (once complete), links safely in a new tab,
// tables in a scroll wrapper.
import type { Components } from 'react-markdown';
import { CodeBlock } from './code-block.tsx';
import { deferredParts } from './deferred-parts.ts';
import { focusableWhenScrolls } from './scroll-focus.ts';

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: { className?: unknown };
  children?: HastNode[];
}

function textOf(node: HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function classesOf(node: HastNode | undefined): unknown[] {
  const classes = node?.properties?.className;
  return Array.isArray(classes) ? classes : [];
}

function languageOf(node: HastNode | undefined): string | undefined {
  const match = classesOf(node).find((c): c is string => typeof c === 'string' && c.startsWith('language-'));
  return match?.slice('language-'.length);
}

// Shared by the live and the settled maps: a component whose identity changed
// when a block settles would remount, and its DOM (a link, a table) with it.
const a: NonNullable<Components['a']> = ({ href, children }) => {
  // react-markdown's URL transform already empties unsafe protocols (javascript:, data:…).
  if (!href) return <span className="md-unsafe-link">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
};

/** The host a URL names (`evil.example`), or undefined for a relative one. */
function hostOf(url: string): string | undefined {
  return /^[a-z][a-z\d+.-]*:\/\/([^/?#@]*@)?([^/?#]+)/i.exec(url)?.[2];
}

const IMAGE_NOT_LOADED =
  'Images a reply names are not loaded here: the page asks nothing of any other site, so a reply cannot send what is on it anywhere. Opens in a new tab.';

// An image in a reply (`![chart](https://…)`) is never fetched: a reply a
// prompt injection steered could put the conversation in the image's URL, and
// loading it would send it to that site (the page's Content-Security-Policy
// refuses other sites' images too). It shows as a link to open it in a tab of
// its own, by the reader's choice.
const img: NonNullable<Components['img']> = ({ src, alt }) => {
  const name = `Image: ${alt?.trim() || 'no description'}`;
  // react-markdown's URL transform has emptied an unsafe one (javascript:, data:…).
  if (typeof src !== 'string' || !src) return <span className="md-image-link">{name}</span>;
  const host = hostOf(src);
  return (
    <a className="md-image-link" href={src} target="_blank" rel="noopener noreferrer nofollow" title={IMAGE_NOT_LOADED}>
      {host ? `${name} (${host})` : name}
    </a>
  );
};

// One for both maps, so an inline formula keeps its element when its block
// settles. (A formula the tail repair closed shows as its source: MathFormula
// knows it by its mark. Math nodes come from the deferred parts' syntax, so
// their component is in too.)
const code: NonNullable<Components['code']> = ({ node, className, children }) => {
  const Formula = deferredParts()?.MathFormula;
  if (Formula && classesOf(node as HastNode | undefined).includes('math-inline')) {
    return <Formula tex={textOf(node as HastNode)} display={false} complete />;
  }
  return <code className={className}>{children}</code>;
};

const table: NonNullable<Components['table']> = ({ children }) => (
  // A tab stop while it scrolls sideways (scroll-focus.ts). LiveTable's wrap is the same.
  <div className="md-table-wrap" ref={focusableWhenScrolls}>
    <table>{children}</table>
  </div>
);

// A task list's box (GFM's `- [x]`), read-only. Its text is beside it, not a
// label, so it is named "Task": a screen reader says "Task, check box,
// checked" and then the item's text, not the text twice.
const input: NonNullable<Components['input']> = ({ node: _node, ...props }) =>
  props.type === 'checkbox' ? <input {...props} aria-label="Task" /> : <input {...props} />;

function makeComponents(complete: boolean): Components {
  return {
    pre({ node }) {
      const inner = (node as HastNode | undefined)?.children?.find((c) => c.tagName === 'code');
      const Formula = deferredParts()?.MathFormula;
      if (Formula && classesOf(inner).includes('math-display')) return <Formula tex={textOf(inner)} display complete={complete} />;
      return <CodeBlock code={textOf(inner).replace(/\n$/, '')} language={languageOf(inner)} complete={complete} />;
    },
    code,
    a,
    table,
    input,
    img,
  };
}

export const settledComponents = makeComponents(true);
export const liveComponents = makeComponents(false);
