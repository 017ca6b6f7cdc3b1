// Renders markdown as it streams: finished blocks are rendered once and kept
// (memoised by their text, their DOM never replaced), only the unfinished tail
// re-renders per commit, repaired so raw markers never flash.
import { memo, useState, type ComponentProps } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { BlockSplitter } from './block-splitter.ts';
import { CodeBlock } from './code-block.tsx';
import { remarkHtmlAsText } from './html-as-text.ts';
import { LiveFence, parseOpenFence } from './live-fence.tsx';
import { repairTail } from './repair-tail.ts';

// Module-level so memoised blocks never see new plugin or component identities.
const remarkPlugins = [remarkGfm, remarkHtmlAsText];

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

function makeComponents(complete: boolean): Components {
  return {
    pre({ node }) {
      const code = (node as HastNode | undefined)?.children?.find((c) => c.tagName === 'code');
      return <CodeBlock code={textOf(code).replace(/\n$/, '')} language={languageOf(code)} complete={complete} />;
    },
    a({ href, children }) {
      // react-markdown's URL transform already empties unsafe protocols (javascript:, data:…).
      if (!href) return <span className="md-unsafe-link">{children}</span>;
      return (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {children}
        </a>
      );
    },
    table({ children }) {
      return (
        <div className="md-table-wrap">
          <table>{children}</table>
        </div>
      );
    },
  };
}

const settledComponents = makeComponents(true);
const liveComponents = makeComponents(false);

type MarkdownProps = ComponentProps<typeof Markdown>;
const baseProps: Partial<MarkdownProps> = { remarkPlugins };

interface BlockProps {
  text: string;
  /** The unfinished tail: repaired, not highlighted, an open fence rendered line by line. */
  live: boolean;
  /** With live: the tail ends inside an open code fence. */
  inOpenFence?: boolean;
}

const Block = memo(function Block({ text, live, inOpenFence = false }: BlockProps) {
  if (live && inOpenFence) {
    const fence = parseOpenFence(text);
    if (fence) return <LiveFence language={fence.language} body={fence.body} />;
  }
  return (
    <Markdown {...baseProps} components={live ? liveComponents : settledComponents}>
      {live ? repairTail(text) : text}
    </Markdown>
  );
});

interface MarkdownViewProps {
  text: string;
  streaming: boolean;
}

/**
 * Settled or streaming, the reply renders block by block, so the blocks that
 * were frozen while streaming keep their DOM when it ends. Only replies with
 * markdown that crosses blocks (reference links, footnotes) are rendered
 * whole once they settle.
 */
export const MarkdownView = memo(function MarkdownView({ text, streaming }: MarkdownViewProps) {
  // The splitter is a per-reply cache: update() with the same text returns the same split.
  const [splitter] = useState(() => new BlockSplitter());
  const { frozen, tail, needsFinalPass, inOpenFence } = splitter.update(text);
  if (!streaming && needsFinalPass) return <MarkdownDocument text={text} />;
  return (
    <div className="markdown">
      {frozen.map((block, index) => (
        <Block key={index} text={block} live={false} />
      ))}
      {tail ? <Block key={frozen.length} text={tail} live={streaming} inOpenFence={inOpenFence} /> : null}
    </div>
  );
});

/** The whole text rendered in one pass: what a streamed reply must end up equal to. */
export function MarkdownDocument({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Block text={text} live={false} />
    </div>
  );
}
