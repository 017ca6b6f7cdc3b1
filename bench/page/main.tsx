// The benchmark page: one arm per load (?arm=none|plain|prebuilt|naive|ours),
// all fed by the app's own gateway client and frame batcher, so only rendering
// differs.
// Ours also does what the app does around a reply: it records the reply's
// trace beside the batcher (the batch that ends the stream carries it), and its
// usage panel has the model's prices and window from a catalog.
import { memo, useLayoutEffect, useReducer, useState, type Dispatch } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Streamdown } from 'streamdown';
import { chatReducer, initialChatState, type ChatAction } from '../../src/chat/chat-reducer.ts';
import { browserFrameScheduler, createEventBatcher } from '../../src/chat/event-batcher.ts';
import { createPaintNow } from '../../src/chat/paint-now.ts';
import type { ModelInfo } from '../../src/chat/model-catalog.ts';
import { createTraceRecorder } from '../../src/chat/reply-trace.ts';
import type { ReplyTrace } from '../../src/chat/types.ts';
import { isStreamEnd, streamHere, type FetchLike, type TimedStreamEvent } from '../../src/gateway/client.ts';
import { createWorkerStreamer } from '../../src/gateway/worker-streamer.ts';
import { MessageView } from '../../src/components/message-view.tsx';
import { ModelLookupContext } from '../../src/components/model-lookup.ts';
import { BlockSplitter } from '../../src/markdown/block-splitter.ts';
import { parseLiveList } from '../../src/markdown/live-list.tsx';
import { MarkdownDocument } from '../../src/markdown/markdown-view.tsx';
import { RUN } from '../../src/markdown/run.tsx';
import { warmUpRenderer } from '../../src/app/warm-up.tsx';
import { FIXTURES, type FixtureName } from '../fixtures.ts';
import './bench.css';
import type { Arm, PageMetrics } from '../metrics.ts';

const params = new URLSearchParams(location.search);
const arm = (params.get('arm') ?? 'ours') as Arm;
// What the demo gateway streams; fill() changes it for the replies it adds.
const stream = { fixture: params.get('fixture') ?? 'mixed-28k', rate: params.get('rate') ?? '400' };
const gate = params.get('gate') === '1';
const root = document.getElementById('root')!;
// ?cv=0: messages without content-visibility, to measure what it saves in a long conversation.
if (params.get('cv') === '0') {
  const style = document.createElement('style');
  style.textContent = '.msg-item { content-visibility: visible; contain-intrinsic-size: none; }';
  document.head.append(style);
}

const m: PageMetrics = {
  arm,
  commits: [],
  firstByteAt: 0,
  lastByteAt: 0,
  finalCommitAt: 0,
  finalPaintAt: 0,
  frames: [],
  loafOver50: 0,
  loafBlockingMs: 0,
  inputDelays: [],
  chars: 0,
  replies: 0,
  finished: false,
  markerCommits: 0,
  markerSamples: [],
  finalEqualsOneShot: undefined,
  finalDiff: undefined,
};

// The demo gateway streams the fixture and rate these headers name.
const demoHeaders = (): Record<string, string> => ({ 'X-Demo-Fixture': stream.fixture, 'X-Demo-Rate': stream.rate });
// As the app reads replies: in a worker. ?recv=main reads them on the page's
// main thread instead, as the app did before, to measure what the worker saves.
const readOnMain = params.get('recv') === 'main';
const fetchHere: FetchLike = (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), ...demoHeaders() } });
const streamer = createWorkerStreamer(() => new Worker(new URL('../../src/gateway/stream.worker.ts', import.meta.url), { type: 'module' }), {
  headers: demoHeaders,
});
const streamChat = readOnMain ? streamHere(fetchHere) : streamer.streamChat;

// Every arm follows the reply the way a chat app does while the reader is at
// the bottom (the app's use-stick-to-bottom also reacts to a ResizeObserver):
// new text is painted on screen and earlier text scrolls away, as in real use.
new ResizeObserver(() => {
  const scroller = document.scrollingElement!;
  scroller.scrollTop = scroller.scrollHeight;
}).observe(root);

let measuring = false;
document.getElementById('typing')!.addEventListener('keydown', (event) => {
  if (measuring) m.inputDelays.push(performance.now() - event.timeStamp);
});
new PerformanceObserver((list) => {
  if (!measuring) return;
  for (const entry of list.getEntries()) {
    if (entry.duration > 50) m.loafOver50++;
    m.loafBlockingMs += (entry as PerformanceEntry & { blockingDuration?: number }).blockingDuration ?? 0;
  }
}).observe({ type: 'long-animation-frame', buffered: false });

function sampleFrames(): void {
  let last = performance.now();
  const tick = (now: number): void => {
    if (!measuring) return;
    m.frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const nextPaint = (): Promise<number> =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));

// Raw markdown markers in painted text outside code: what tail repair must prevent.
const MARKERS = /\*\*|__|~~|`|\]\(|^\s*\|.*\|/m;
function checkMarkers(container: Element): void {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('pre, code')) continue;
    const text = node.textContent ?? '';
    const marker = MARKERS.exec(text);
    if (marker) {
      m.markerCommits++;
      // The marker with what comes before it.
      if (m.markerSamples.length < 5) m.markerSamples.push(text.slice(Math.max(0, marker.index - 60), marker.index + marker[0].length + 20));
      return;
    }
  }
}

/** Times one commit; in gate mode also checks the painted text. */
function timed(commit: () => void): void {
  const start = performance.now();
  commit();
  m.commits.push(performance.now() - start);
  if (gate) checkMarkers(root);
}

// --- arms ---------------------------------------------------------------

/** A batch of events, and with the batch that ends the stream, how it arrived. */
type Sink = (events: TimedStreamEvent[], trace?: ReplyTrace) => void;
/** What the mounted arm plugs in: where batches go, how a reply starts, whether it records the reply's trace. */
const arms: { sink: Sink; setupReply: (id: string, startedAt: number) => void; records?: boolean } = {
  sink: () => undefined,
  setupReply: () => undefined,
};
let fullText = '';

function mountPlain(): void {
  let paragraph: HTMLParagraphElement | undefined;
  let pendingNewline = false;
  const container = document.createElement('div');
  container.className = 'markdown';
  root.append(container);
  arms.setupReply = () => {
    paragraph = undefined;
  };
  arms.sink = (events) =>
    timed(() => {
      // One text node per paragraph per frame: the physical floor of showing characters.
      const added = events.flatMap(({ event }) => (event.type === 'delta' ? [event.text] : [])).join('');
      if (added) {
        const parts = ((pendingNewline ? '\n' : '') + added).split('\n\n');
        pendingNewline = false;
        parts.forEach((part, i) => {
          if (i > 0 || !paragraph) {
            paragraph = document.createElement('p');
            container.append(paragraph);
          }
          let text = part;
          if (i === parts.length - 1 && text.endsWith('\n')) {
            pendingNewline = true;
            text = text.slice(0, -1);
          }
          if (text) paragraph.append(text);
        });
      }
    });
}

/** Polls once a frame until `done` holds; fails loudly rather than hang the run. */
async function frameUntil(done: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > limitMs) throw new Error(`bench page: ${what} not done after ${limitMs} ms`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** A piece of a block's prebuilt DOM, put in the page once the text up to `end` has arrived. */
interface Piece {
  end: number;
  /** Goes inside an element already shown (a table's row, a list's item), not at the end of the run. */
  inner: boolean;
  show(run: HTMLElement): void;
}

/**
 * A block's prebuilt DOM in the pieces it streams in: a table row by row
 * (its head with the delimiter line), a list item by item (an item is done
 * where the next starts), anything else whole at its end.
 */
function piecesOf(block: string, start: number, nodes: Node[]): Piece[] {
  const whole: Piece[] = [{ end: start + block.length, inner: false, show: (run) => run.append(...nodes) }];
  const only = nodes.filter((node) => node.nodeType === Node.ELEMENT_NODE);
  const element = only.length === 1 ? (only[0] as HTMLElement) : undefined;
  const lineEnds: number[] = [];
  for (let at = block.indexOf('\n'); at !== -1; at = block.indexOf('\n', at + 1)) lineEnds.push(start + at + 1);
  lineEnds.push(start + block.length);
  const body = element?.querySelector(':scope > table > tbody');
  if (element?.classList.contains('md-table-wrap') && body) {
    const rows = [...body.children];
    if (rows.length + 2 > lineEnds.length) return whole;
    rows.forEach((row) => row.remove());
    return [
      { end: lineEnds[1]!, inner: false, show: (run) => run.append(...nodes) },
      ...rows.map((row, i) => ({ end: lineEnds[i + 2]!, inner: true, show: () => body.append(row) })),
    ];
  }
  // The items as the renderer's own list reader splits them (each runs to the next).
  const listed = element && (element.tagName === 'UL' || element.tagName === 'OL') ? parseLiveList(block, false) : undefined;
  if (element && listed) {
    const items = [...element.children];
    if (listed.items.length !== items.length) return whole;
    items.forEach((item) => item.remove());
    let end = start;
    const ends = listed.items.map((itemText) => (end += itemText.length));
    return items.map((item, i) => ({
      end: ends[i]!,
      inner: i > 0,
      show: (run) => {
        element.append(item);
        if (i === 0) run.append(...nodes);
      },
    }));
  }
  return whole;
}

/**
 * A yardstick for what showing this markdown as DOM costs: ours' final DOM
 * of each block, rendered before the stream (highlighted code and all) and
 * moved into the page as its text arrives (piecesOf), in ours' runs of blocks
 * (.md-run), the unfinished rest as plain text after it, as plain append
 * shows it (a text node per commit). No parsing and no React per commit: what is left is
 * the browser's own work (style, layout, paint) on markdown's richer DOM.
 * One reply per page.
 */
async function mountPrebuilt(): Promise<void> {
  const text = FIXTURES[stream.fixture as FixtureName]();
  const { frozen, tail } = new BlockSplitter().update(text, false);
  const holder = document.createElement('div');
  document.body.append(holder);
  const blocks: Array<{ block: string; start: number; host: HTMLElement }> = [];
  let from = 0;
  for (const block of tail ? [...frozen, tail] : frozen) {
    const start = text.indexOf(block, from);
    from = start + block.length;
    const host = document.createElement('div');
    holder.append(host);
    flushSync(() => createRoot(host).render(<MarkdownDocument text={block} />));
    blocks.push({ block, start, host });
  }
  // Code is highlighted in a worker: wait for every fence's highlighted HTML.
  await frameUntil(() => [...holder.querySelectorAll('pre > code')].every((code) => code.classList.contains('hljs')), 'highlighting');
  holder.remove();
  const pieces = blocks.flatMap(({ block, start, host }, index) =>
    piecesOf(block, start, [...host.firstElementChild!.childNodes]).map((piece) => ({ ...piece, index })),
  );
  const container = document.createElement('div');
  container.className = 'markdown';
  root.append(container);
  // In runs of RUN blocks, as ours has them (the browser skips a run off screen).
  const runs: HTMLElement[] = [];
  const runOf = (index: number): HTMLElement => {
    const at = Math.floor(index / RUN);
    if (!runs[at]) {
      runs[at] = document.createElement('div');
      runs[at].className = 'md-run';
      container.append(runs[at]);
    }
    return runs[at];
  };
  // The unfinished rest: the last child of its run, as ours' tail is, moved
  // only when a block comes in before it (not with each row or item).
  const unfinished = document.createElement('p');
  let received = 0;
  let shown = 0;
  let typed = 0;
  arms.sink = (events) =>
    timed(() => {
      received += events.reduce((sum, { event }) => sum + (event.type === 'delta' ? event.text.length : 0), 0);
      for (; shown < pieces.length && pieces[shown]!.end <= received; shown++) {
        const piece = pieces[shown]!;
        unfinished.replaceChildren();
        if (!piece.inner) unfinished.remove();
        piece.show(runOf(piece.index));
        typed = piece.end;
      }
      const added = text.slice(typed, received);
      typed = received;
      if (unfinished.firstChild ? added : added.trim()) unfinished.append(unfinished.firstChild ? added : added.trimStart());
      const next = pieces[shown];
      if (next && unfinished.firstChild && !unfinished.isConnected) runOf(next.index).append(unfinished);
      if (!unfinished.firstChild) unfinished.remove();
    });
}

const plugins = [remarkGfm];
// Naive re-renders the whole reply per update, not every earlier reply too.
const NaiveReply = memo(function NaiveReply({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Markdown remarkPlugins={plugins}>{text}</Markdown>
    </div>
  );
});
// The best-known library for the job, as its README has it: Streamdown
// (Vercel's) splits the reply into blocks, memoises them and repairs the
// unfinished tail (remend), with its own styles. It highlights no code
// without its code plugin (ours does), so it does less here than ours.
const StreamdownReply = memo(function StreamdownReply({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <div className="sd-reply">
      <Streamdown isAnimating={streaming}>{text}</Streamdown>
    </div>
  );
});
function NaiveApp({ Reply }: { Reply: typeof NaiveReply | typeof StreamdownReply }) {
  const [texts, setTexts] = useState<string[]>([]);
  const [streaming, setStreaming] = useState(false);
  useLayoutEffect(() => bindNaive(setTexts, setStreaming), []);
  return (
    <>
      {/* Naive's props stay its text alone: no render more than it had before Streamdown came. */}
      {texts.map((text, i) => (Reply === NaiveReply ? <NaiveReply key={i} text={text} /> : <Reply key={i} text={text} streaming={streaming && i === texts.length - 1} />))}
    </>
  );
}

// As the app has it from the gateway's catalog: the usage panel's cost and context rows.
const MODEL = 'openai/gpt-4o-mini';
const PRICING = { currency: 'USD', inputPerToken: 0.15e-6, outputPerToken: 0.6e-6 };
const catalog: ModelInfo = { id: MODEL, provider: 'openai', name: 'gpt-4o-mini', ownedBy: 'openai', contextWindow: 128_000, pricing: PRICING };
const lookupModel = (id: string): ModelInfo | undefined => (id === MODEL ? catalog : undefined);

function OursApp() {
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  useLayoutEffect(() => bindOurs(dispatch), []);
  return (
    <ModelLookupContext value={lookupModel}>
      <div className="flex flex-col gap-6">
        {state.messages.map((message) => (
          <MessageView key={message.id} message={message} />
        ))}
      </div>
    </ModelLookupContext>
  );
}
function bindNaive(setTexts: Dispatch<(list: string[]) => string[]>, setStreaming: Dispatch<boolean>): void {
  arms.sink = (events) =>
    timed(() =>
      flushSync(() => {
        setTexts((list) => {
          const added = events.flatMap(({ event }) => (event.type === 'delta' ? [event.text] : [])).join('');
          return added ? [...list.slice(0, -1), (list.at(-1) ?? '') + added] : list;
        });
        if (events.some(({ event }) => isStreamEnd(event))) setStreaming(false);
      }),
    );
  arms.setupReply = () =>
    flushSync(() => {
      setTexts((list) => [...list, '']);
      setStreaming(true);
    });
}

const current = { replyId: '' };
function bindOurs(dispatch: Dispatch<ChatAction>): void {
  arms.sink = (events, trace) => timed(() => flushSync(() => dispatch({ type: 'streamEventsReceived', replyId: current.replyId, events, trace })));
  arms.setupReply = (id, startedAt) => {
    current.replyId = id;
    flushSync(() =>
      dispatch({ type: 'sendRequested', user: { id: `u-${id}`, role: 'user', content: 'Benchmark prompt' }, replyId: id, model: MODEL, at: startedAt, pricing: PRICING }),
    );
  };
  // As the app's pump: the trace joins the reply in the commit that ends it.
  arms.records = true;
}

const prebuilt = arm === 'prebuilt' ? mountPrebuilt() : undefined;
if (arm === 'plain') mountPlain();
else if (arm === 'naive') flushSync(() => createRoot(root).render(<NaiveApp Reply={NaiveReply} />));
else if (arm === 'streamdown') flushSync(() => createRoot(root).render(<NaiveApp Reply={StreamdownReply} />));
else if (arm === 'ours') flushSync(() => createRoot(root).render(<OursApp />));

// --- one reply ------------------------------------------------------------

async function streamOne(): Promise<void> {
  const id = `r${m.replies}`;
  const startedAt = Date.now();
  arms.setupReply(id, startedAt);
  // Ours records the reply's trace beside the batcher, as the app's pump does.
  const recorder = arms.records ? createTraceRecorder(startedAt) : undefined;
  let endedTrace: ReplyTrace | undefined;
  // The final paint is a double rAF after the commit that ends the stream,
  // asked for as that commit returns: the loop's own ending after it
  // (the generator finishing, the batcher's disposal) is not rendering.
  let finalPaint: Promise<number> | undefined;
  fullText = '';
  const batcher = createEventBatcher<TimedStreamEvent>((events) => {
    const trace = endedTrace;
    endedTrace = undefined;
    arms.sink(events, trace);
    if (events.some(({ event }) => isStreamEnd(event))) {
      m.finalCommitAt = performance.now();
      finalPaint = nextPaint();
    }
  }, browserFrameScheduler());
  const paintNow = createPaintNow();
  for await (const batch of streamChat({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'bench' }], stream: true })) {
    let urgent = false;
    for (const item of batch) {
      const { event } = item;
      // When the bytes were read (in the worker), on this page's clock.
      const at = item.at - performance.timeOrigin;
      if (event.type === 'delta') {
        if (!m.firstByteAt) m.firstByteAt = at;
        m.chars += event.text.length;
        fullText += event.text;
      }
      const end = isStreamEnd(event);
      if (end) m.lastByteAt = at;
      if (arm === 'none') continue;
      recorder?.record(item);
      if (end) endedTrace = recorder?.finish(item.at);
      if (paintNow(event)) urgent = true;
    }
    // As the app's pump: the batch goes whole.
    if (arm !== 'none') batcher.push(batch, urgent);
  }
  batcher.flushNow();
  batcher.dispose();
  // The floor commits nothing: its paint is the frame after it has read the stream.
  m.finalPaintAt = await (finalPaint ?? nextPaint());
  m.replies++;
}

const normalize = (html: string): string =>
  html
    .replace(/<span class="hljs[^"]*">/g, '')
    .replace(/<\/span>/g, '')
    .replace(/ class="hljs language-/g, ' class="language-')
    .replace(/>\s+</g, '><')
    // A tab stop only while it scrolls: a matter of the box's width, not of the markdown.
    .replace(/ tabindex="0"/g, '')
    .trim();

async function compareWithOneShot(): Promise<void> {
  const holder = document.getElementById('oneshot')!;
  flushSync(() =>
    createRoot(holder).render(
      arm === 'ours' || arm === 'prebuilt' ? <MarkdownDocument text={fullText} /> : arm === 'streamdown' ? <StreamdownReply text={fullText} streaming={false} /> : <div className="markdown"><Markdown remarkPlugins={plugins}>{fullText}</Markdown></div>,
    ),
  );
  await nextPaint();
  const reply = arm === 'streamdown' ? '.sd-reply' : '.markdown';
  const streamed = root.querySelectorAll(reply);
  // Run wrappers group a reply's blocks for the browser; they hold no content.
  const finalView = streamed[streamed.length - 1]?.cloneNode(true) as HTMLElement | undefined;
  finalView?.querySelectorAll('.md-run').forEach((run) => run.replaceWith(...run.childNodes));
  const final = normalize(finalView?.outerHTML ?? '');
  const oneShot = normalize(holder.querySelector(reply)?.outerHTML ?? '');
  m.finalEqualsOneShot = final === oneShot;
  if (!m.finalEqualsOneShot) {
    let i = 0;
    while (i < final.length && final[i] === oneShot[i]) i++;
    m.finalDiff = `streamed …${final.slice(Math.max(0, i - 80), i + 120)}\none-shot …${oneShot.slice(Math.max(0, i - 80), i + 120)}`;
  }
}

declare global {
  interface Window {
    benchHarness: {
      run(replies?: number): Promise<PageMetrics>;
      fill(replies: number, fixture: string, rate: string): Promise<void>;
      metrics: PageMetrics;
      ready: Promise<unknown>;
    };
  }
}

window.benchHarness = {
  metrics: m,
  // The app starts the highlighter and warms the renderer while idle, before
  // any reply: start from the same state (the warm-up ends with a highlight).
  // The app starts the worker that reads replies as it starts, too.
  // Then one painted frame, so the page's first paint is behind it too.
  // The prebuilt arm renders its blocks first.
  ready: Promise.all([prebuilt, arm === 'ours' ? warmUpRenderer() : undefined, readOnMain ? undefined : streamer.warm()]).then(nextPaint),
  /** Adds settled replies before a measured run, unmeasured: a long conversation. */
  async fill(replies, fixture, rate) {
    const measured = { ...stream };
    Object.assign(stream, { fixture, rate });
    for (let i = 0; i < replies; i++) await streamOne();
    Object.assign(stream, measured);
    Object.assign(m, { commits: [], firstByteAt: 0, lastByteAt: 0, finalCommitAt: 0, chars: 0 });
  },
  async run(replies = 1) {
    measuring = true;
    sampleFrames();
    for (let i = 0; i < replies; i++) await streamOne();
    measuring = false;
    m.finished = true;
    if (gate && arm !== 'none' && arm !== 'plain') await compareWithOneShot();
    return m;
  },
};
