// Warms the reply renderer while the page is idle, before the first reply.
// Without it the first commits of the first stream pay for V8 compiling
// React's and the markdown pipeline's code paths: measured at 4x CPU
// throttle, they took 100-230 ms each, long enough to swallow keystrokes.
// A sample reply is rendered into a detached element, one step per idle
// period; then, settled, it is laid out once in the document, unseen (no
// paint), for its fonts, and unmounted.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ModelInfo } from '../chat/model-catalog.ts';
import type { AssistantMessage } from '../chat/types.ts';
import { MessageView } from '../components/message-view.tsx';
import { ModelLookupContext } from '../components/model-lookup.ts';
import { highlightCode } from '../markdown/highlight.ts';
import { loadDeferredParts } from '../markdown/deferred-parts.ts';

const SAMPLE = [
  '# A heading',
  '',
  'A paragraph with **bold**, *emphasis*, `code` and a [link](https://example.com/docs).',
  '',
  '- a tight list',
  '- with **two** items',
  '',
  '1. an ordered list',
  '   - with a nested item',
  '',
  '> A quoted line.',
  '',
  '| Provider | Tokens/s |',
  '|---|--:|',
  '| `openai` | **120** |',
  '| ollama | 45 |',
  '',
  '```ts',
  'export function add(a: number, b: number): number {',
  '  return a + b;',
  '}',
  '```',
  '',
  'Text with _underscores_, ~~strike~~, <b>html</b> and https://example.com.',
  '',
].join('\n');

const STEPS = 12;

/** A settled sample's trace: a token every 50 ms, so the Pace chart's code is warm too. */
const SAMPLE_TRACE = {
  at: Array.from({ length: 20 }, (_, i) => 10 + i * 50),
  content: Array.from({ length: 20 }, (_, i) => Math.round((SAMPLE.length * (i + 1)) / 20)),
  reasoning: Array.from({ length: 20 }, () => 0),
  end: 1000,
};

function sampleMessage(content: string, settled: boolean): AssistantMessage {
  const sample: AssistantMessage = {
    id: 'warm-up',
    role: 'assistant',
    model: 'warm-up/model',
    content,
    reasoning: '',
    toolCalls: [],
    status: settled ? 'done' : 'streaming',
    usage: settled ? { promptTokens: 10, completionTokens: 90, totalTokens: 100 } : undefined,
    finishReason: settled ? 'stop' : undefined,
    error: undefined,
    timing: { startedAt: 0, firstTokenAt: 10, endedAt: settled ? 1000 : undefined },
  };
  // Settled, with prices kept and a trace: the usage panel's Cost row (its
  // currency formats are slow to build the first time: about 1 ms, 4 ms at
  // 4x CPU, in the frame that ends the first reply) and its Pace chart.
  if (settled) Object.assign(sample, { trace: SAMPLE_TRACE, pricing: { currency: 'USD', inputPerToken: 0.000001, outputPerToken: 0.000002 } });
  return sample;
}

const SAMPLE_MODEL: ModelInfo = { id: 'warm-up/model', provider: 'warm-up', name: 'model', ownedBy: undefined, contextWindow: 128_000, pricing: undefined };
const sampleModel = (id: string): ModelInfo | undefined => (id === SAMPLE_MODEL.id ? SAMPLE_MODEL : undefined);

const idle = (): Promise<void> =>
  new Promise((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 50);
  });

/**
 * Lays the settled sample out once, unseen: the browser finds and shapes the
 * reply's fonts (regular, bold, italic, monospace, each size) here, not in the
 * first frames of the first reply. Linux Chromium asks the browser process
 * for each new font and size: at 4x CPU that cost the first reply 110–125 ms
 * of its layouts (11 fonts matched), the first layout alone 70–160 ms.
 * Messages and runs skip the layout of what is off screen or hidden
 * (content-visibility), so here they show theirs.
 */
function layOutOnce(holder: HTMLElement): void {
  holder.setAttribute('aria-hidden', 'true');
  holder.inert = true;
  holder.style.cssText = 'position:fixed;top:0;left:0;width:40rem;visibility:hidden;pointer-events:none;contain:layout paint style';
  for (const skipping of holder.querySelectorAll<HTMLElement>('.msg-item, .md-run')) skipping.style.contentVisibility = 'visible';
  document.body.append(holder);
  void holder.offsetHeight;
  holder.remove();
}

/** Streams the sample through the renderer in steps, each in its own idle period. */
export async function warmUpRenderer(): Promise<void> {
  // A streaming reply renders nothing until its tail repair has loaded.
  await loadDeferredParts();
  const holder = document.createElement('div');
  const root = createRoot(holder);
  try {
    for (let step = 1; step <= STEPS; step++) {
      await idle();
      const content = SAMPLE.slice(0, Math.ceil((SAMPLE.length * step) / STEPS));
      flushSync(() => root.render(<MessageView message={sampleMessage(content, false)} />));
    }
    await idle();
    // With the model's window, as the gateway gives it: the Context row's compact number format is slow to build the first time too.
    flushSync(() =>
      root.render(
        <ModelLookupContext value={sampleModel}>
          <MessageView message={sampleMessage(SAMPLE, true)} />
        </ModelLookupContext>,
      ),
    );
    await idle();
    layOutOnce(holder);
    await highlightCode('const a = 1;', 'ts');
  } finally {
    root.unmount();
  }
}
