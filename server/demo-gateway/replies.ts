// The demo gateway's answers: realistic markdown replies picked by the prompt,
// so a person trying the app sees code, tables, lists and reasoning render.

import { mixedAnswer } from './generated.ts';

export interface DemoReply {
  name: string;
  /** Lower-case words that pick this reply when the prompt contains one of them. */
  keywords: string[];
  reasoning: string;
  content: string;
}

const fence = '```';

const goroutines: DemoReply = {
  name: 'goroutines',
  keywords: ['goroutine', 'thread', 'concurrency', 'golang'],
  reasoning:
    'The user wants goroutines compared with OS threads. I should cover what each is, who schedules it, what it costs in memory, and how they communicate. A small table will make the differences scannable, and a short Go example shows the syntax. I will end with guidance on when the difference matters.',
  content: `## Goroutines vs. threads

A **goroutine** is a function running concurrently under the Go runtime's scheduler. An **OS thread** is scheduled by the kernel. Go multiplexes many goroutines onto a small pool of threads (the *M:N* model), which is why you can start hundreds of thousands of goroutines but only a few thousand threads.

| | Goroutine | OS thread |
|---|---|---|
| Scheduled by | Go runtime (user space) | Kernel |
| Initial stack | ~2 KB, grows and shrinks | 1–8 MB, fixed |
| Creation cost | ~1 µs | ~10–100 µs |
| Context switch | ~100–200 ns, no syscall | ~1–2 µs, syscall |
| Identity | none exposed | thread id |
| Communication | channels (\`chan\`), \`sync\` | shared memory + locks |

### What it looks like

${fence}go
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make(chan int, 10)

	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			results <- n * n
		}(i)
	}

	wg.Wait()
	close(results)

	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum of squares:", sum) // 385
}
${fence}

### When the difference matters

1. **High fan-out I/O** — one goroutine per connection is idiomatic; one thread per connection is not.
2. **Blocking syscalls** — the runtime parks the thread and hands its other goroutines to a new one, so a blocked read does not stall the program.
3. **CPU-bound work** — parallelism is capped by \`GOMAXPROCS\` (default: the number of cores), so more goroutines than cores won't make number-crunching faster.

> Rule of thumb: *don't communicate by sharing memory; share memory by communicating.*

See the [Go memory model](https://go.dev/ref/mem) for the exact guarantees.`,
};

const code: DemoReply = {
  name: 'code',
  keywords: ['code', 'function', 'typescript', 'javascript', 'python', 'implement', 'debounce', 'example'],
  reasoning:
    'They want code. A debounce helper is a good, self-contained example: I will write it in TypeScript with proper typings, explain the moving parts, then show the Python equivalent for comparison and a test.',
  content: `Here is a typed \`debounce\` in TypeScript, with cancellation and a flush:

${fence}ts
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
  flush(): void;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastArgs: A | undefined;

  const run = () => {
    timer = undefined;
    if (lastArgs) {
      const args = lastArgs;
      lastArgs = undefined;
      fn(...args);
    }
  };

  const debounced = ((...args: A) => {
    lastArgs = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  }) as Debounced<A>;

  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    lastArgs = undefined;
  };
  debounced.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  return debounced;
}
${fence}

**How it works**

- Every call stores the latest arguments and restarts the timer.
- When the timer fires, \`run\` calls \`fn\` once with the *last* arguments.
- \`cancel()\` drops a pending call; \`flush()\` runs it right now.

The same idea in Python, using \`threading.Timer\`:

${fence}python
import threading
from typing import Any, Callable


def debounce(wait_s: float) -> Callable[[Callable[..., Any]], Callable[..., None]]:
    def decorator(fn: Callable[..., Any]) -> Callable[..., None]:
        timer: threading.Timer | None = None
        lock = threading.Lock()

        def debounced(*args: Any, **kwargs: Any) -> None:
            nonlocal timer
            with lock:
                if timer is not None:
                    timer.cancel()
                timer = threading.Timer(wait_s, fn, args, kwargs)
                timer.start()

        return debounced

    return decorator
${fence}

And a quick test with fake timers (Vitest):

${fence}ts
import { expect, test, vi } from 'vitest';
import { debounce } from './debounce';

test('calls once with the last arguments', () => {
  vi.useFakeTimers();
  const spy = vi.fn();
  const d = debounce(spy, 100);
  d(1); d(2); d(3);
  vi.advanceTimersByTime(100);
  expect(spy).toHaveBeenCalledTimes(1);
  expect(spy).toHaveBeenCalledWith(3);
});
${fence}`,
};

const table: DemoReply = {
  name: 'table',
  keywords: ['table', 'compare', 'comparison', 'versus', 'providers', 'pricing'],
  reasoning:
    'A comparison is best as a table. I will compare a handful of hosted model providers on latency, context window and typical price, then add caveats because these numbers change often.',
  content: `Here is a rough comparison of popular providers behind the gateway (figures are typical, not guarantees):

| Provider | Example model | Context window | Typical speed | Price per 1M input tokens |
|---|---|---:|---|---:|
| Groq | \`llama-3.3-70b-versatile\` | 128K | very fast (~300 tok/s) | $0.59 |
| OpenAI | \`gpt-4o-mini\` | 128K | fast | $0.15 |
| Anthropic | \`claude-sonnet-4-5\` | 200K | moderate | $3.00 |
| DeepSeek | \`deepseek-reasoner\` | 64K | slow start (reasons first) | $0.55 |
| Google | \`gemini-2.5-flash\` | 1M | fast | $0.30 |
| Mistral | \`mistral-small-latest\` | 32K | fast | $0.10 |
| Ollama | \`qwen3:8b\` | 40K | depends on your GPU | free (local) |

**How to read it**

- *Context window* is the prompt plus the answer, in tokens.
- *Typical speed* is output tokens per second once streaming has started; **time to first token** is a separate number and matters more for chat.
- Prices are per **million** tokens and output usually costs 3–5× input.

| If you care most about… | Try |
|---|---|
| Latency | Groq, Gemini Flash |
| Long documents | Gemini, Claude |
| Reasoning | DeepSeek Reasoner, o-series |
| Privacy / offline | Ollama |

~~Benchmarks settle this~~ — run your own prompts side by side; the gateway makes that a one-line change of \`model\`.`,
};

const steps: DemoReply = {
  name: 'steps',
  keywords: ['steps', 'how do i', 'how to', 'setup', 'set up', 'install', 'ollama', 'list'],
  reasoning:
    'They want instructions. A numbered list with nested details works best. I should cover installing Ollama, pulling a model, running the gateway with the right environment variables, and pointing this app at it.',
  content: `### Run the gateway with a local Ollama

1. **Install Ollama** and pull a model:
   ${fence}bash
   ollama pull qwen3:8b
   ${fence}
2. **Start the Inference Gateway** next to it:
   ${fence}bash
   docker run --rm -p 8080:8080 \\
     -e OLLAMA_API_URL=http://host.docker.internal:11434/v1 \\
     ghcr.io/inference-gateway/inference-gateway:latest
   ${fence}
3. **Check it answers**:
   - \`curl http://localhost:8080/health\` → \`{"message":"OK"}\`
   - \`curl http://localhost:8080/v1/models\` lists \`ollama/qwen3:8b\`
4. **Start this app** pointing at it:
   ${fence}bash
   INFERENCE_GATEWAY_URL=http://localhost:8080/v1 \\
   LLM_PROVIDER=ollama LLM_MODEL=qwen3:8b npm start
   ${fence}

**Checklist**

- [x] Gateway reachable on port 8080
- [x] Model listed under \`ollama\`
- [ ] Auth: set \`INFERENCE_GATEWAY_TOKEN\` if the gateway runs with \`AUTH_ENABLED=true\`

*Tip:* a local model that needs more than 10 s for its first token can hit the gateway's client timeout; warm it up with one short prompt first.`,
};

const showcase: DemoReply = {
  name: 'showcase',
  keywords: ['markdown', 'showcase', 'format', 'render'],
  reasoning: 'Show every markdown feature the renderer supports, including a link that must not be clickable because it is unsafe.',
  content: `# Markdown showcase

Plain text with **bold**, *italic*, ***both***, ~~strikethrough~~, \`inline code\` and a [safe link](https://example.com/docs).

A [sneaky link](javascript:alert(1)) is shown as text only, and raw HTML like <b>this</b> stays text.

An image is a link to open, never loaded by the page: ![a chart of tokens per second](https://example.com/chart.png?from=showcase).

> A blockquote, with **emphasis** inside.

- Bullet one
- Bullet two
  - Nested bullet
- [ ] A task
- [x] A finished task

1. First
2. Second
3. Third

| Left | Center | Right |
|:-----|:------:|------:|
| a | b | 1 |
| c | d | 22 |
| e | f | 333 |

${fence}json
{ "model": "groq/llama-3.3-70b-versatile", "stream": true }
${fence}

---

That's all: headings, emphasis, lists, tables, code, quotes and rules.`,
};

// A reply with math: $$…$$ inline and on lines of its own (typeset once
// complete), in \( … \) and in single dollars, and prices, which stay text.
const math: DemoReply = {
  name: 'math',
  keywords: ['math', 'formula', 'equation', 'quadratic', 'latex', 'integral'],
  reasoning: 'They want to see maths. The quadratic formula is the classic: derive it by completing the square, show the discriminant cases, and add one integral so a display formula with limits appears too.',
  content: String.raw`The roots of $$ax^2 + bx + c = 0$$ (with $$a \neq 0$$) come from completing the square:

$$
x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}
$$

The **discriminant** $$\Delta = b^2 - 4ac$$ says how many real roots there are:

| $$\Delta$$ | real roots |
|---|---|
| $$> 0$$ | two |
| $$= 0$$ | one (a double root) |
| $$< 0$$ | none: two complex ones |

For example, $$x^2 - 3x + 2 = 0$$ has $$\Delta = 1$$, so $$x = 1$$ or $$x = 2$$. Written as other models write math, \(x_1 x_2 = \tfrac{c}{a}\) and $x_1 + x_2 = -\tfrac{b}{a}$ read the same.

And one integral, with limits:

$$
\int_0^1 x^2 \, dx = \left[ \frac{x^3}{3} \right]_0^1 = \frac{1}{3}
$$

Prices stay prices: the answer cost $0.0001 at $0.60 per million tokens, $5 or $10 a month.`,
};

const hello: DemoReply = {
  name: 'hello',
  keywords: ['hello', 'hi', 'hey', 'thanks', 'thank you'],
  reasoning: 'A greeting. Answer briefly and offer a few things to try.',
  content: `Hello! 👋 I'm the **demo gateway** built into this app — no real model is answering. Try asking for:

- *"Explain goroutines vs threads"* — prose, a table and Go code
- *"Write a debounce function in TypeScript"* — code blocks with a **Copy** button
- *"Compare providers in a table"* — GFM tables
- *"Show me a markdown showcase"* — everything at once
- *"Show me the quadratic formula"* — math, typeset

Pick another model above to see other streaming shapes: reasoning, usage on the last chunk, or no usage at all.`,
};

const streaming: DemoReply = {
  name: 'streaming',
  keywords: [],
  reasoning:
    'The question is general. I will explain how this answer is streamed: server-sent events from the gateway, token by token, with usage at the end, and what the numbers in the usage panel mean.',
  content: `## How this answer reached you

This reply is **streamed**: the gateway sends it as [server-sent events](https://html.spec.whatwg.org/multipage/server-sent-events.html), one small JSON chunk per token, and the page paints them as they arrive.

${fence}text
data: {"choices":[{"delta":{"content":"This"}}]}
data: {"choices":[{"delta":{"content":" reply"}}]}
…
data: {"choices":[],"usage":{"prompt_tokens":34,"completion_tokens":182,"total_tokens":216}}
data: [DONE]
${fence}

### What the usage panel tells you

- **Prompt tokens** — what your conversation cost to read, as the gateway reported it.
- **Completion tokens** — what the answer cost to write.
- **Time to first token** — how long you waited before anything appeared; for chat it matters more than raw speed.
- **Tokens per second** — the speed once text is flowing.

### Things to try

1. Press **Stop** (or \`Esc\`) halfway: the partial answer stays, marked *Stopped*.
2. Pick \`ollama/demo-cut-stream\` to see a connection drop mid-answer: the text stays, marked *Interrupted*.
3. Pick \`openai/demo-rate-limit\` to see how a gateway error reads.
4. Pick \`mistral/demo-stall\` to see a provider go silent for a while: the reply says so, and goes on when tokens come again.

This is the built-in demo gateway. Point \`INFERENCE_GATEWAY_URL\` at a real Inference Gateway to talk to real models.`,
};

const long: DemoReply = {
  name: 'long',
  keywords: ['detailed', 'in depth', 'long answer', 'everything'],
  reasoning: 'They want depth. I will combine an explanation, code, a comparison table and setup steps into one long answer.',
  content: ['# A detailed answer', goroutines, code, table, steps].map((part) => (typeof part === 'string' ? part : part.content)).join('\n\n---\n\n'),
};

// The benchmark's 28 KB answer (73 blocks of prose, code, lists, quotes and
// tables): long enough to show a long reply streaming, and to span three runs
// of blocks in the renderer.
const stress: DemoReply = {
  name: 'stress',
  keywords: ['stress test', 'very long'],
  reasoning: 'A stress test: one long answer with every kind of block, so the reader can watch a long reply stream.',
  content: mixedAnswer(28_000, 28),
};

export const DEMO_REPLIES: readonly DemoReply[] = [stress, long, goroutines, code, table, steps, showcase, math, hello, streaming];

/** The answer to a message with images: what came, said back, since the demo cannot look at them. */
export function imagesReply(images: ReadonlyArray<{ type: string; bytes: number }>, text: string): DemoReply {
  const list = images.map((image) => `${image.type.replace('image/', '').toUpperCase()}, ${Math.max(1, Math.round(image.bytes / 1024))} KB`).join('; ');
  const count = images.length === 1 ? 'one image' : `${images.length} images`;
  const asked = text.trim() ? `\n\nWith ${images.length === 1 ? 'it' : 'them'} you wrote: *${text.trim().replace(/[*_`]/g, '')}*` : '';
  return {
    name: 'images',
    keywords: [],
    reasoning: `The message came with ${count}. The demo cannot see them, so say what arrived.`,
    content: `I received **${count}** with your message (${list}).\n\nThis is the demo gateway: it cannot look at images. Behind a real Inference Gateway, a vision model would describe ${images.length === 1 ? 'it' : 'them'} here.${asked}`,
  };
}

/** Picks the reply whose keyword appears first in the prompt; the streaming explainer otherwise. */
export function pickReply(prompt: string): DemoReply {
  const text = prompt.toLowerCase();
  let best: { reply: DemoReply; at: number } | undefined;
  for (const reply of DEMO_REPLIES) {
    for (const keyword of reply.keywords) {
      const pattern = new RegExp(`(^|[^a-z])${keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
      const match = pattern.exec(text);
      if (match && (!best || match.index < best.at)) best = { reply, at: match.index };
    }
  }
  return best?.reply ?? streaming;
}
