// Renders markdown as it streams: finished blocks are rendered once and kept
// (memoised by their text, their DOM never replaced), only the unfinished tail
// re-renders per commit, repaired so raw markers never flash.
import { memo, useState, type ReactElement } from 'react';
// react-markdown's Markdown uses no hooks: called as a function it returns its element tree.
import markdownElements, { type Options } from 'react-markdown';
import { fastBlock } from './fast-block.ts';
import { BlockSplitter } from './block-splitter.ts';
import { CodeBlock } from './code-block.tsx';
import { liveComponents, settledComponents } from './components.tsx';
import { LiveFence, parseClosedFence, parseOpenFence } from './live-fence.tsx';
import { LiveTable, parseLiveTable } from './live-table.tsx';
import { remarkPlugins } from './plugins.ts';
import { renderHast } from './render-hast.ts';
import { repairTail } from './repair-tail.ts';

const baseProps: Partial<Options> = { remarkPlugins };

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
  if (live && !inOpenFence) {
    const table = parseLiveTable(text);
    if (table) return <LiveTable parts={table} />;
  }
  if (!live) {
    // A block that is one closed fence or one plain table needs no markdown
    // parse of the whole: an 800-line fence or a 200-row table closing must
    // not stall the final paint, and the table keeps the rows it streamed.
    const fence = parseClosedFence(text);
    if (fence) return <CodeBlock code={fence.code} language={fence.language} complete />;
    const table = text.includes('\\') ? undefined : parseLiveTable(text);
    if (table && table.partial === undefined) return <LiveTable parts={table} />;
  }
  const source = live ? repairTail(text) : text;
  const components = live ? liveComponents : settledComponents;
  // A one-line paragraph or heading skips the parser. Markdown is called as a
  // function, not mounted, so both paths return the same element tree and a
  // block that leaves the fast path (or joins it) keeps its DOM.
  const fast = fastBlock(source);
  if (fast) return renderHast(fast, components);
  return markdownElements({ ...baseProps, components, children: source });
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
  // The elements of frozen blocks, by index (a per-reply cache, like the splitter).
  const [elements] = useState(() => new Map<number, ReactElement>());
  const { frozen, tail, needsFinalPass, inOpenFence } = splitter.update(text);
  if (!streaming && needsFinalPass) return <MarkdownDocument text={text} />;
  // One keyed list: when the tail freezes it keeps its key and its instance, so
  // its DOM (and a live table's or fence's frozen rows) carry over, not remount.
  // Frozen blocks keep their element objects too: React skips an identical
  // element at once, so a reply of hundreds of blocks costs little per commit.
  const blocks = frozen.map((block, index) => {
    const cached = elements.get(index);
    if (cached && (cached.props as BlockProps).text === block) return cached;
    const element = <Block key={index} text={block} live={false} />;
    elements.set(index, element);
    return element;
  });
  if (tail) blocks.push(<Block key={frozen.length} text={tail} live={streaming} inOpenFence={inOpenFence} />);
  return <div className="markdown">{blocks}</div>;
});

/** The whole text rendered in one pass: what a streamed reply must end up equal to. */
export function MarkdownDocument({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Block text={text} live={false} />
    </div>
  );
}
