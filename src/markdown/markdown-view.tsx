// Renders markdown as it streams: finished blocks are rendered once and kept
// (memoised by their text), only the unfinished tail re-renders per commit.
// When the reply settles, the whole text is rendered once so non-local
// markdown comes out exactly as a one-shot render would.
import { memo, useState, type ComponentProps } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { BlockSplitter } from './block-splitter.ts';
import { CodeBlock } from './code-block.tsx';
import { remarkHtmlAsText } from './html-as-text.ts';

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

const FrozenBlock = memo(function FrozenBlock({ text }: { text: string }) {
  return (
    <Markdown {...baseProps} components={settledComponents}>
      {text}
    </Markdown>
  );
});

function LiveTail({ text }: { text: string }) {
  return (
    <Markdown {...baseProps} components={liveComponents}>
      {text}
    </Markdown>
  );
}

function StreamingMarkdown({ text }: { text: string }) {
  // The splitter is a per-reply cache: update() with the same text returns the same split.
  const [splitter] = useState(() => new BlockSplitter());
  const { frozen, tail } = splitter.update(text);
  return (
    <>
      {frozen.map((block, index) => (
        <FrozenBlock key={index} text={block} />
      ))}
      <LiveTail text={tail} />
    </>
  );
}

interface MarkdownViewProps {
  text: string;
  streaming: boolean;
}

export const MarkdownView = memo(function MarkdownView({ text, streaming }: MarkdownViewProps) {
  return (
    <div className="markdown">
      {streaming ? <StreamingMarkdown text={text} /> : <FrozenBlock text={text} />}
    </div>
  );
});
