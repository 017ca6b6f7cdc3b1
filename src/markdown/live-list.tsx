// A list while it streams: each finished item is parsed once and kept; only
// the item being typed re-renders. A list is one block to the splitter (a
// blank line between two items makes every item's paragraphs <p>, so its
// items cannot be blocks of their own), and an LLM's long answers are often
// one long list: "1. **Point**", a paragraph, a few sub-items, sixty times.
// Re-parsing the whole list on every commit made each commit cost the list
// so far, as a naive renderer's does the reply (README, Rendering).
//
// Items are independent containers: one parsed alone gives the same <li> as
// in the list, given the list's looseness, which is forced on it. The item
// being typed in a list its earlier items have made loose goes block by block
// in turn (its paragraph is parsed once, not again with each of its
// sub-items), and settles from those blocks, not from a parse of its whole.
// An item whose lines are indented less than its text ("10. " then
// "   - sub", or "1. " then "  - sub") ends the list there: what those lines
// make follows the list, and the next item starts a new one, as a one-pass
// render has it.
// A list whose items are not all plainly items (a line at the margin that is
// not the next item: a lazy line, another list, a rule), a task list, an
// item that parses alone to more than one item, or one that ends its list
// with anything after it but sub-items, paragraphs, headings, quotes or a
// fenced block, is declined, and the block takes the whole-block path.
//
// Loaded with the renderer's deferred parts (deferred.ts), which a streaming
// reply waits for anyway.
import { Fragment, useState, type ReactElement } from 'react';
import type { ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
// react-markdown's Markdown uses no hooks: called as a function it returns its element tree.
import markdownElements, { type Options } from 'react-markdown';
import { BlockSplitter, closesFence, openFence } from './block-splitter.ts';
import { liveComponents, settledComponents } from './components.tsx';
import { mathToDollars } from './math-source.ts';
import { fastBlock } from './fast-block.ts';
import { remarkPlugins } from './plugins.ts';
import { renderHast } from './render-hast.ts';
import { repairTail } from './repair-tail.ts';
import { RUN, Run } from './run.tsx';

export interface LiveListParts {
  ordered: boolean;
  /** Each item's text, from its marker to the next item's (the blank lines after it included). */
  items: string[];
  /** Each item's number (an ordered list's `start` where a list begins with it); 1 for a bullet. */
  numbers: number[];
  /** Whether each item's text ends with a blank line. */
  blankAfter: boolean[];
}

const ITEM = /^(?:([-*+])|(\d{1,9})([.)]))(?:[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const TASK = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\](?:[ \t]|$)/;
// The line being typed, when it is only a marker so far ("2", "2.", "-"): the
// next item, or not; held back, as the splitter holds back such a line after a blank.
const BARE_MARKER = /\n(?:\d{1,9}[.)]?|[-*+])[ \t]*$/;
const ENDS_BLANK = /\n[ \t]*\n$/;
const FENCE_MARKS = /```|~~~|\$\$/;
const CONTAINER_MARKERS = /^(?:[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?=[ \t]|$))*[ \t]*/;

/** Whether an item's text ends inside a code fence it opened (its blank lines at the end are then the fence's). */
function endsInFence(item: string): boolean {
  // Most items hold no fence at all: this runs for every item on every commit, so those skip the line scan.
  if (!FENCE_MARKS.test(item)) return false;
  let fence: ReturnType<typeof openFence>;
  for (const line of item.split('\n')) {
    // A fence may open on an item's (or a quote's) own line: "- ```".
    const content = line.replace(CONTAINER_MARKERS, '');
    if (fence) {
      if (closesFence(content, fence)) fence = undefined;
    } else fence = openFence(content);
  }
  return fence !== undefined;
}

/** Reads a block that is one top-level list into its items; undefined for anything else. While it streams, a last line that is only a marker is held back. */
export function parseLiveList(block: string, live: boolean): LiveListParts | undefined {
  const first = ITEM.exec(block);
  if (!first || block.includes('\r')) return undefined;
  const kind = first[1] ?? first[3];
  const text = live ? block.replace(BARE_MARKER, '\n') : block;
  const starts: number[] = [];
  const numbers: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line !== '' && line[0] !== ' ' && line[0] !== '\t') {
      const item = ITEM.exec(line);
      if (!item || (item[1] ?? item[3]) !== kind || THEMATIC_BREAK.test(line) || TASK.test(line)) return undefined;
      starts.push(offset);
      numbers.push(item[2] === undefined ? 1 : Number(item[2]));
    }
    offset += line.length + 1;
  }
  const items = starts.map((start, index) => text.slice(start, starts[index + 1] ?? text.length));
  const blankAfter = items.map((item) => ENDS_BLANK.test(item));
  // Blank lines at the end of a fence left open would be the fence's, not between items: too fine a rule to follow here.
  if (items.some((item, index) => blankAfter[index] && index < items.length - 1 && endsInFence(item))) return undefined;
  return { ordered: first[2] !== undefined, items, numbers, blankAfter };
}

interface Rendered {
  text: string;
  loose: boolean;
  live: boolean;
  /** The <li> (in a fragment), or nothing: a live item repaired to nothing yet. */
  element: ReactElement;
  /** The item is loose by itself (a blank line between two of its own blocks). */
  spread: boolean;
  /** What its lines indented too little for it make, after the list, which ends with it. */
  after: ReactElement | undefined;
  /** The item being typed, rendered block by block: what it keeps between commits. */
  blocks?: ItemBlocks;
}

/**
 * The item being typed in a list already loose, block by block: its content's
 * finished blocks are parsed once, only the block being typed on each commit
 * (an item is a container: its content parses as a document would, and in a
 * loose list each block of it is what it is at the top level). Without this
 * an item of a paragraph and a few sub-items was parsed whole on every commit
 * it was typed in.
 */
interface ItemBlocks {
  splitter: BlockSplitter;
  generation: number;
  /** Each finished block's nodes, by index; null for one that is not elements alone. */
  done: Array<ElementContent[] | null>;
}

interface ItemParse {
  loose: boolean;
  spread: boolean;
  single: boolean;
  rest: boolean;
}

const FOLLOWERS = new Set(['list', 'paragraph', 'heading', 'blockquote']);

/** remark: the item alone is one list of one item, maybe with blocks after it; its own looseness is noted, the list's forced on it. */
function forceLooseness(this: unknown, parse: ItemParse) {
  return (tree: MdastRoot, file: { value: unknown }): void => {
    const [list, ...rest] = tree.children;
    // What may follow a list an item ends: what LLMs write under an item
    // indented too little (sub-items, paragraphs, a fenced block). Others
    // (an indented code block with table rows in it, found by fuzzing) can
    // leave the parser reading the next item differently in the whole list.
    const source = String(file.value);
    const follows = (node: MdastRoot['children'][number]): boolean =>
      FOLLOWERS.has(node.type) || (node.type === 'code' && /^[ \t]*(?:```|~~~)/.test(source.slice(node.position?.start.offset ?? 0)));
    parse.single = (list === undefined || (list.type === 'list' && list.children.length === 1)) && rest.every(follows);
    parse.rest = rest.length > 0;
    if (list?.type !== 'list') return;
    parse.spread = list.children[0]?.spread === true;
    list.spread = parse.loose;
  };
}

/** rehype: the item's <li> alone, without the list around it. */
function itemOnly() {
  return (tree: HastRoot): void => {
    const list = tree.children.find((node) => node.type === 'element');
    const item = list?.type === 'element' ? list.children.find((node) => node.type === 'element' && node.tagName === 'li') : undefined;
    tree.children = item?.type === 'element' ? [item] : [];
  };
}

/** rehype: what follows the item's list, without it. */
function afterList() {
  return (tree: HastRoot): void => {
    const list = tree.children.findIndex((node) => node.type === 'element');
    tree.children = tree.children.slice(list + 1);
  };
}

/** One item rendered as it is in a list of this looseness; undefined when it is not one item alone. */
function renderItem(text: string, loose: boolean, live: boolean): Rendered | undefined {
  const fromHast = (tree: HastRoot, components: typeof liveComponents): Rendered | undefined => {
    const list = tree.children[0];
    const item = list?.type === 'element' ? list.children.filter((node) => node.type === 'element') : [];
    if (tree.children.length > 1 || item.length > 1) return undefined;
    return { text, loose, live, element: renderHast({ type: 'root', children: item }, components), spread: false, after: undefined };
  };
  // A tight item with no marker left open needs no repair, and most skip the parser (fast-block.ts).
  const closed = live && !loose ? fastBlock(text, true) : undefined;
  if (closed) return fromHast(closed, liveComponents);
  const source = live ? repairTail(mathToDollars(text, true)) : mathToDollars(text, false);
  const components = live ? liveComponents : settledComponents;
  const fast = loose ? undefined : fastBlock(source);
  if (fast) return fromHast(fast, components);
  const parse: ItemParse = { loose, spread: false, single: true, rest: false };
  const remark: Options['remarkPlugins'] = [...remarkPlugins, [forceLooseness, parse]];
  const element = markdownElements({ remarkPlugins: remark, rehypePlugins: [itemOnly], components, children: source });
  if (!parse.single) return undefined;
  // Rare (an indent too small for its item): parsed once more for what follows the list.
  const after = parse.rest ? markdownElements({ remarkPlugins: remark, rehypePlugins: [afterList], components, children: source }) : undefined;
  return { text, loose, live, element, spread: parse.spread, after };
}

// An item's first line: its marker and the one to four spaces before its text.
const ITEM_HEAD = /^(?:[-*+]|\d{1,9}[.)])( {1,4})(?=[^ \t\n])/;
const ONLY_SPACES = /^ *$/;
// Markdown whose meaning crosses blocks (a reference definition, a footnote).
const NON_LOCAL = /\]:|\[\^/;

/**
 * An item's content as a document: its marker and every later line's indent
 * to the item's text taken off; undefined for an item with a tab, an empty or
 * code-indented first line, a line indented less than its text, or markdown
 * whose meaning crosses blocks.
 */
export function itemContent(item: string): string | undefined {
  const head = ITEM_HEAD.exec(item);
  if (!head || item.includes('\t') || NON_LOCAL.test(item)) return undefined;
  const width = head[0].length;
  const indent = ' '.repeat(width);
  const lines = item.split('\n');
  lines[0] = lines[0]!.slice(width);
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    // A blank line keeps what spaces it has past the indent (a fenced block's own).
    if (line.startsWith(indent)) lines[index] = line.slice(width);
    else if (ONLY_SPACES.test(line)) lines[index] = '';
    else return undefined;
  }
  return lines.join('\n');
}

/** rehype: hands the block's nodes to `box`, leaving nothing to render (the nodes are what is wanted). */
function capture(this: unknown, box: { nodes: HastRoot['children'] }) {
  return (tree: HastRoot): void => {
    box.nodes = tree.children;
    tree.children = [];
  };
}

/** Blocks' nodes without the line breaks between them; null where one is not an element. */
function elementsOf(nodes: HastRoot['children']): ElementContent[] | null {
  const blocks = nodes.filter((node) => node.type !== 'text' || node.value !== '\n');
  return blocks.every((node) => node.type === 'element') ? (blocks as ElementContent[]) : null;
}

/** A block's nodes: the fast path's where it models the block, else the parser's. */
function blockNodes(source: string): ElementContent[] | null {
  const fast = fastBlock(source);
  const box = { nodes: fast?.children ?? [] };
  if (!fast) markdownElements({ remarkPlugins, rehypePlugins: [[capture, box]], children: source });
  return elementsOf(box.nodes);
}

/**
 * An item of a loose list, block by block (ItemBlocks): the item being typed,
 * and once it is finished (live false) the same item settled from the blocks
 * it was typed in, only its last block parsed again (not repaired); undefined
 * where it must be parsed whole.
 */
function renderByBlocks(text: string, kept: ItemBlocks | undefined, live: boolean): Rendered | undefined {
  const content = itemContent(text);
  if (content === undefined) return undefined;
  const blocks = kept ?? { splitter: new BlockSplitter(), generation: -1, done: [] };
  // While typed the item only grows, so the seam is checked; settling, the whole prefix, once.
  const split = blocks.splitter.update(content, live);
  if (split.needsFinalPass) return undefined;
  if (split.generation !== blocks.generation) {
    blocks.generation = split.generation;
    blocks.done = [];
  }
  const nodes: ElementContent[] = [];
  for (const [index, block] of split.frozen.entries()) {
    const done = blocks.done[index] === undefined ? (blocks.done[index] = blockNodes(mathToDollars(block, false))) : blocks.done[index];
    if (!done) return undefined;
    nodes.push(...done);
  }
  // Live, as the whole item's tail: no repair where no marker is left open.
  const closed = live ? fastBlock(split.tail, true) : undefined;
  const tail = closed ? elementsOf(closed.children) : blockNodes(live ? repairTail(mathToDollars(split.tail, true)) : mathToDollars(split.tail, false));
  if (!tail) return undefined;
  nodes.push(...tail);
  // As mdast-util-to-hast puts a loose item's blocks: a line break before each, and one at the end.
  const children: ElementContent[] = nodes.flatMap((node): ElementContent[] => [{ type: 'text', value: '\n' }, node]);
  if (children.length > 0) children.push({ type: 'text', value: '\n' });
  const item: HastRoot = { type: 'root', children: [{ type: 'element', tagName: 'li', properties: {}, children }] };
  const element = renderHast(item, live ? liveComponents : settledComponents);
  // Whether the item is loose by itself is not found out here: its list is already loose by the items before it.
  const rendered: Rendered = { text, loose: true, live, element, spread: false, after: undefined };
  // Settled, it keeps nothing: a finished item is not typed again.
  if (live) rendered.blocks = blocks;
  return rendered;
}

/** Whether the list the item at `index` is in is loose by its items before it alone: a blank line after one, or one loose by itself. */
function looseBefore(parts: LiveListParts, cache: readonly Rendered[], index: number): boolean {
  let first = index;
  while (first > 0 && !cache[first - 1]?.after) first--;
  for (let i = first; i < index; i++) if (parts.blankAfter[i] === true || cache[i]?.spread === true) return true;
  return false;
}

interface CachedRun {
  items: readonly Rendered[];
  element: ReactElement;
}

/**
 * Each item's looseness, from what is known of the items so far: a list
 * ends after an item with something after it (or the last); it is loose if a
 * blank line parts two of its items or one is loose by itself.
 */
function loosenessOf(parts: LiveListParts, items: readonly Rendered[]): boolean[] {
  const known = (index: number): Rendered | undefined => (items[index]?.text === parts.items[index] ? items[index] : undefined);
  const loose: boolean[] = [];
  let first = 0;
  for (const [index] of parts.items.entries()) {
    const last = index === parts.items.length - 1;
    if (!last && !known(index)?.after) continue;
    let listLoose = false;
    for (let i = first; i <= index; i++) listLoose ||= (i < index && parts.blankAfter[i] === true) || known(i)?.spread === true;
    for (let i = first; i <= index; i++) loose[i] = listLoose;
    first = index + 1;
  }
  return loose;
}

/**
 * Renders the list's items into `cache` (kept where text, looseness and
 * liveness are unchanged); false when an item is not one item alone.
 */
function renderItems(parts: LiveListParts, live: boolean, loose: readonly boolean[], cache: Rendered[]): boolean {
  const last = parts.items.length - 1;
  cache.length = Math.min(cache.length, parts.items.length);
  for (const [index, text] of parts.items.entries()) {
    const itemLive = live && index === last;
    const kept = cache[index];
    if (kept && kept.text === text && kept.loose === loose[index] && kept.live === itemLive) continue;
    // The item being typed in a list its earlier items have made loose goes
    // block by block, and settles from its blocks when the next item starts.
    const byBlocks = (itemLive || kept?.blocks !== undefined) && loose[index] === true && looseBefore(parts, cache, index);
    const rendered = (byBlocks ? renderByBlocks(text, kept?.blocks, itemLive) : undefined) ?? renderItem(text, loose[index] === true, itemLive);
    if (!rendered) return false;
    cache[index] = rendered;
  }
  return true;
}

/**
 * The list, item by item. Settled, it is what the whole list renders to in
 * one pass (the benchmark and the unit tests check); a list that streamed
 * settles through here too, so it keeps its DOM.
 */
export function LiveList({ parts, live, whole }: { parts: LiveListParts; live: boolean; whole: () => ReactElement }) {
  const [items] = useState<Rendered[]>(() => []);
  const [runCache] = useState(() => new Map<number, CachedRun>());
  // An item's own looseness, and whether a list ends with it, are known once
  // it is parsed: a list found loose only then renders its items again (once, as it turns loose).
  let loose = loosenessOf(parts, items);
  if (!renderItems(parts, live, loose, items)) return whole();
  const settled = loosenessOf(parts, items);
  if (settled.some((value, index) => value !== loose[index])) {
    loose = settled;
    if (!renderItems(parts, live, loose, items)) return whole();
  }
  // An item a list ends with is followed by a blank line before the next
  // item, or that item would go on its last paragraph (a "2." cannot start a list there).
  if (items.some((item, index) => item.after && index < items.length - 1 && !parts.blankAfter[index])) return whole();
  const output: ReactElement[] = [];
  let first = 0;
  for (const [index, item] of items.entries()) {
    if (!item.after && index < items.length - 1) continue;
    output.push(listElement(parts, first, items.slice(first, index + 1), runCache));
    if (item.after) output.push(<Fragment key={`after-${index}`}>{item.after}</Fragment>);
    first = index + 1;
  }
  return <>{output}</>;
}

/** One list of the items, from item `first` on, in runs that are kept while their items are. */
function listElement(parts: LiveListParts, first: number, members: readonly Rendered[], runCache: Map<number, CachedRun>): ReactElement {
  const runs: ReactElement[] = [];
  for (let offset = 0; offset < members.length; offset += RUN) {
    const start = first + offset;
    const run = members.slice(offset, offset + RUN);
    const cached = runCache.get(start);
    if (cached && cached.items.length === run.length && cached.items.every((item, i) => item === run[i])) {
      runs.push(cached.element);
      continue;
    }
    // A line break after each item, as the parser puts them between a list's items.
    const element = (
      <Run key={start}>
        {run.map((item, i) => (
          <Fragment key={start + i}>
            {item.element}
            {'\n'}
          </Fragment>
        ))}
      </Run>
    );
    runCache.set(start, { items: run, element });
    runs.push(element);
  }
  const number = parts.numbers[first] ?? 1;
  return parts.ordered ? (
    <ol key={`list-${first}`} start={number === 1 ? undefined : number}>
      {'\n'}
      {runs}
    </ol>
  ) : (
    <ul key={`list-${first}`}>
      {'\n'}
      {runs}
    </ul>
  );
}
