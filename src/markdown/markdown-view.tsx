// Renders markdown as it streams: finished blocks are rendered once and kept
// (memoised by their text, their DOM never replaced), only the unfinished tail
// re-renders per commit, repaired so raw markers never flash.
import { memo, useState, useSyncExternalStore, type ReactElement } from 'react';
// react-markdown's Markdown uses no hooks: called as a function it returns its element tree.
import markdownElements, { type Options } from 'react-markdown';
import { fastBlock, MAY_HOLD_MATH } from './fast-block.ts';
import { BlockSplitter } from './block-splitter.ts';
import { CodeBlock } from './code-block.tsx';
import { liveComponents, settledComponents } from './components.tsx';
import { deferredParts, deferredPartsPending, loadDeferredParts, onDeferredPartsSettled, mathToDollars } from './deferred-parts.ts';
import { parseClosedFence, parseOpenFence } from './fences.ts';
import { LiveTable, parseLiveTable } from './live-table.tsx';
import { remarkPlugins } from './plugins.ts';
import { renderHast } from './render-hast.ts';
import { BlockRun, RUN } from './run.tsx';
import { repairTail } from './repair-tail.ts';

const baseProps: Partial<Options> = { remarkPlugins };
/** GFM syntax in the deferred parts: a footnote's call or definition (`[^label]`), a task list item (`- [x]`), strikethrough (`~~x~~`, `~x~`). */
const DEFERRED_GFM = /\[\^[^\]\s]+\]|^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]|~[^\s~]/m;

interface BlockProps {
  text: string;
  /** The unfinished tail: repaired, not highlighted, an open fence rendered line by line. */
  live: boolean;
  /** With live: the tail ends inside an open code fence. */
  inOpenFence?: boolean;
}

const Block = memo(function Block({ text, live, inOpenFence = false }: BlockProps) {
  // A list that streamed item by item settles the same way, keeping its DOM
  // (noted once, as React has information from an earlier render kept: in state).
  const [listed, setListed] = useState(false);
  if (live && inOpenFence) {
    const fence = parseOpenFence(text);
    if (fence) return <CodeBlock code={fence.body} language={fence.language} complete={false} />;
    // A live tail renders once the deferred parts are in, math's among them.
    const math = deferredParts();
    const tex = math?.parseOpenMath(text);
    if (math && tex !== undefined) return <math.MathFormula tex={tex} display complete={false} />;
  }
  // A block that is one closed fence or one plain table needs no markdown
  // parse of the whole: an 800-line fence or a 200-row table closing must not
  // stall the final paint. A fence renders through CodeBlock from its first
  // line to its last, so it keeps the DOM it streamed; so does a table.
  const closedFence = inOpenFence ? undefined : parseClosedFence(text);
  if (closedFence) return <CodeBlock code={closedFence.code} language={closedFence.language} complete />;
  // A list streams item by item: the items that are done are parsed once (live-list.tsx).
  const lists = live || listed ? deferredParts() : undefined;
  const list = lists?.parseLiveList(text, live);
  if (lists && list) {
    if (!listed) setListed(true);
    return <lists.LiveList parts={list} live={live} whole={() => wholeBlock(text, live)} />;
  }
  if (live && !inOpenFence) {
    const table = parseLiveTable(text);
    if (table) return <LiveTable parts={table} />;
  }
  if (!live) {
    const table = text.includes('\\') ? undefined : parseLiveTable(text);
    if (table && table.partial === undefined) return <LiveTable parts={table} />;
  }
  return wholeBlock(text, live);
});

/** A block rendered whole: the fast path where it models the block, else the parser; a streaming tail repaired. */
function wholeBlock(text: string, live: boolean): ReactElement {
  // Most frames of a streaming paragraph leave no marker open: then
  // there is nothing to repair, and the tail skips repair's passes.
  const closed = live ? fastBlock(text, true) : undefined;
  if (closed) return renderHast(closed, liveComponents);
  const converted = mathToDollars(text, live);
  const source = live ? repairTail(converted) : converted;
  const components = live ? liveComponents : settledComponents;
  // A one-line paragraph or heading skips the parser. Markdown is called as a
  // function, not mounted, so both paths return the same element tree and a
  // block that leaves the fast path (or joins it) keeps its DOM.
  const fast = fastBlock(source);
  if (fast) return renderHast(fast, components);
  return markdownElements({ ...baseProps, components, children: source });
}

interface MarkdownViewProps {
  text: string;
  streaming: boolean;
}

/** Elements of frozen blocks by index, and of full runs by first index, for one splitter generation. */
class ElementCache {
  private generation = 0;
  readonly blocks = new Map<number, ReactElement>();
  readonly runs = new Map<number, ReactElement>();

  /** Drops everything when the splitter has started over. */
  sync(generation: number): this {
    if (generation !== this.generation) {
      this.generation = generation;
      this.blocks.clear();
      this.runs.clear();
    }
    return this;
  }
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
  // Elements of frozen blocks by index, and of runs whose blocks are all
  // frozen: per-reply caches like the splitter, dropped when it starts over.
  const [elements] = useState(() => new ElementCache());
  // A streaming reply's tail needs remend, and math, footnotes, task lists and
  // strikethrough their syntax: while they load (they are asked for as the page starts),
  // show nothing rather than raw markers.
  const partsPending = useSyncExternalStore(onDeferredPartsSettled, deferredPartsPending, deferredPartsPending);
  if (partsPending && (streaming || MAY_HOLD_MATH.test(text) || DEFERRED_GFM.test(text))) {
    void loadDeferredParts().catch(() => undefined);
    return <div className="markdown" />;
  }
  // While streaming the text only grows (the reducer appends): the splitter
  // checks the seam instead of the whole prefix.
  const { frozen, tail, needsFinalPass, inOpenFence, generation } = splitter.update(text, streaming);
  if (!streaming && needsFinalPass) return <MarkdownDocument text={text} />;
  const cache = elements.sync(generation);
  const frozenBlock = (index: number): ReactElement => {
    let element = cache.blocks.get(index);
    if (!element) {
      element = <Block key={index} text={frozen[index]!} live={false} />;
      cache.blocks.set(index, element);
    }
    return element;
  };
  // Every block keeps one key (its index) in one run from the moment it
  // appears: when the tail freezes it keeps its instance, so its DOM (and a
  // live table's or fence's frozen rows) carry over, not remount. Frozen
  // blocks keep their element objects and full runs theirs, so React skips
  // them at once and a reply of hundreds of blocks costs little per commit.
  const count = frozen.length + (tail ? 1 : 0);
  const runs: ReactElement[] = [];
  for (let start = 0; start < count; start += RUN) {
    const end = start + RUN;
    const full = end <= frozen.length;
    let run = full ? cache.runs.get(start) : undefined;
    if (!run) {
      const children: ReactElement[] = [];
      for (let index = start; index < Math.min(end, frozen.length); index++) children.push(frozenBlock(index));
      if (tail && frozen.length < end) children.push(<Block key={frozen.length} text={tail} live={streaming} inOpenFence={inOpenFence} />);
      run = <BlockRun key={start}>{children}</BlockRun>;
      if (full) cache.runs.set(start, run);
    }
    runs.push(run);
  }
  return <div className="markdown">{runs}</div>;
});

/** The whole text rendered in one pass: what a streamed reply must end up equal to. */
export function MarkdownDocument({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Block text={text} live={false} />
    </div>
  );
}
