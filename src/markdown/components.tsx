// How markdown elements render: code through CodeBlock (highlighted once
// complete), links safely in a new tab, tables in a scroll wrapper.
import type { Components } from 'react-markdown';
import { CodeBlock } from './code-block.tsx';

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

function languageOf(node: HastNode | undefined): string | undefined {
  const classes = node?.properties?.className;
  if (!Array.isArray(classes)) return undefined;
  const match = classes.find((c): c is string => typeof c === 'string' && c.startsWith('language-'));
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

const table: NonNullable<Components['table']> = ({ children }) => (
  <div className="md-table-wrap">
    <table>{children}</table>
  </div>
);

function makeComponents(complete: boolean): Components {
  return {
    pre({ node }) {
      const code = (node as HastNode | undefined)?.children?.find((c) => c.tagName === 'code');
      return <CodeBlock code={textOf(code).replace(/\n$/, '')} language={languageOf(code)} complete={complete} />;
    },
    a,
    table,
  };
}

export const settledComponents = makeComponents(true);
export const liveComponents = makeComponents(false);
