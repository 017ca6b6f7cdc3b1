import { crc32, deflateSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ChatPage } from './chat-page.ts';
import { E2E } from './ports.ts';

/** A PNG chunk: its length, type, data and CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of one colour, `width` by `height`: large in pixels, small in bytes. */
function solidPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x50)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), pngChunk('IHDR', header), pngChunk('IDAT', pixels), pngChunk('IEND', Buffer.alloc(0))]);
}

const format = (n: number): string => n.toLocaleString('en-US');

/** Asks for code at a typical pace and presses Stop once the first code block shows. */
async function stopInCode(page: Page): Promise<{ chat: ChatPage; reply: Locator }> {
  const chat = new ChatPage(page);
  await chat.open();
  const reply = await chat.ask('Write a debounce function in TypeScript', 'anthropic/claude-sonnet-4-5');
  await expect(reply.locator('pre').first()).toBeVisible();
  await chat.stop.click();
  return { chat, reply };
}

/**
 * Records every text the conversation ever shows with `marker` in it (outside
 * code, with `outsideCode`), from every DOM change; returns a reader of them.
 */
async function watchPainted(page: Page, marker: RegExp, outsideCode: boolean): Promise<() => Promise<string[]>> {
  await page.evaluate(
    ([source, skipCode]) => {
      const pattern = new RegExp(source);
      const seen: string[] = [];
      (window as unknown as { painted: string[] }).painted = seen;
      new MutationObserver(() => {
        const log = document.querySelector('[role="log"]');
        const walker = document.createTreeWalker(log ?? document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          if (pattern.test(text) && !(skipCode && node.parentElement?.closest('pre, code'))) seen.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    [marker.source, outsideCode] as const,
  );
  return () => page.evaluate(() => (window as unknown as { painted: string[] }).painted);
}

test.describe('chatting through the app server', () => {
  test('preselects LLM_PROVIDER / LLM_MODEL and lists every provider', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await expect(chat.provider).toHaveValue('openai');
    await expect(chat.model).toHaveValue('openai/gpt-4o-mini');
    const providers = await chat.provider.locator('option').allTextContents();
    expect(providers).toEqual(['groq', 'openai', 'anthropic', 'deepseek', 'google', 'mistral', 'cohere', 'ollama']);
  });

  test('shows partial text while the reply streams, then the exact usage the gateway reported', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('Explain goroutines vs threads', 'openai/gpt-4o-mini');
    await expect(reply).toHaveAttribute('aria-busy', 'true');
    await expect(reply.getByRole('heading', { name: 'Goroutines vs. threads' })).toBeVisible();
    // Still streaming while text is already on screen, and no usage yet.
    await expect(reply).toHaveAttribute('aria-busy', 'true');
    await expect(chat.stop).toBeVisible();
    await expect(chat.usage(reply)).toHaveCount(0);
    // Where the usage will be, the rate so far.
    const live = reply.getByText(/^≈ \d+ tok\/s so far · first token in \d+ ms$/);
    await expect(live).toBeVisible();

    await chat.waitForSettled(reply);
    await expect(live).toHaveCount(0);
    const stream = await chat.lastDemoStream();
    expect(stream.outcome).toBe('completed');
    const usage = chat.usage(reply);
    await expect(usage).toContainText(`Prompt tokens${format(stream.usage.prompt_tokens)}`);
    await expect(usage).toContainText(`Completion tokens${format(stream.usage.completion_tokens)}`);
    await expect(usage).toContainText(`Total tokens${format(stream.usage.total_tokens)}`);
    await expect(usage).toContainText(/Time to first token\d/);
    await expect(usage).toContainText(/Tokens per second\d/);
    // The gateway's prices for gpt-4o-mini ($0.15 and $0.60 per million tokens) and its 128,000-token window.
    const cost = (stream.usage.prompt_tokens * 0.15 + stream.usage.completion_tokens * 0.6) / 1e6;
    await expect(usage).toContainText(`Cost$${Number(cost.toPrecision(3))}`);
    await expect(usage.locator('div[title]', { hasText: /^Cost/ })).toHaveAttribute('title', /\$0\.15 per million prompt tokens, \$0\.60 per million completion tokens/);
    await expect(usage).toContainText(/Context(<0\.1|\d+\.\d)% of 128K/);
    // The pace over the reply, in words for a screen reader: a steady stream has no long pause.
    await expect(usage.getByRole('img', { name: /^Pace over the reply: up to ≈ \d+ tok\/s, no pause of a second or more$/ })).toBeVisible();
    await expect(chat.send).toBeVisible();
  });

  test('the rate so far ends where the counted rate is: it counts a token a streamed piece, not 4 characters a token', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    // Every rate so far the page shows while the reply streams, each time it changes.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { liveRates: number[] }).liveRates = seen;
      new MutationObserver(() => {
        for (const line of document.querySelectorAll('section[aria-label="Usage"] p')) {
          const rate = /^≈ (\d+) tok\/s so far/.exec(line.textContent ?? '')?.[1];
          if (rate !== undefined && seen.at(-1) !== Number(rate)) seen.push(Number(rate));
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // About 400 tokens at 70 a second, of table cells and pipes that run under 4 characters a token.
    const reply = await chat.ask('Compare providers in a table', 'openai/gpt-4o-mini');
    await chat.waitForSettled(reply);
    const rates = await page.evaluate(() => (window as unknown as { liveRates: number[] }).liveRates);
    const counted = Number(/Tokens per second([\d.]+)/.exec((await chat.usage(reply).textContent()) ?? '')?.[1]);
    expect(rates.length).toBeGreaterThan(0);
    // The last one shown, at most half a second before the end, within a tenth of the counted rate
    // (at 4 characters a token it read ≈ 55 against 70.2 counted).
    expect(Math.abs(rates.at(-1)! - counted) / counted).toBeLessThan(0.1);
  });

  test('Stop keeps the partial reply, marks it Stopped and closes the upstream request', async ({ page }) => {
    const { chat, reply } = await stopInCode(page);
    await expect(reply).toHaveAttribute('aria-busy', 'false');
    await expect(reply.getByText('Stopped', { exact: true })).toBeVisible();
    const kept = await reply.locator('.markdown').textContent();
    expect(kept?.length ?? 0).toBeGreaterThan(10);
    await expect.poll(async () => (await chat.lastDemoStream()).outcome).toBe('client-closed');
    // The kept text does not grow after Stop.
    await expect(reply.locator('.markdown')).toHaveText(kept ?? '');
    await expect(chat.usage(reply)).toContainText('Prompt tokensnot reported');
    // And says why, at the end of the reply where the reader is (without the word Stopped: the badge alone holds it).
    await expect(chat.usage(reply)).toContainText('No token counts: the gateway sends them with a reply’s last chunk, which did not come before Stop.');
    await expect(reply.getByText('Stopped')).toHaveCount(1);
  });

  test('Continue has a stopped reply go on where it stopped: the model gets it back as the last message, and the answer comes out whole', async ({ page }) => {
    const { chat, reply } = await stopInCode(page);
    await expect(reply.getByText('Stopped', { exact: true })).toBeVisible();
    const kept = (await reply.locator('.markdown').textContent()) ?? '';
    await reply.getByRole('button', { name: 'Continue' }).click();
    await chat.waitForSettled(reply);
    const sent = (await chat.lastDemoStream()).messages;
    expect(sent.at(-2)).toEqual({ role: 'user', content: 'Write a debounce function in TypeScript' });
    expect(sent.at(-1)?.role).toBe('assistant');
    expect(sent.at(-1)?.content.length).toBeGreaterThan(10);
    await expect(reply.getByText('Stopped', { exact: true })).toHaveCount(0);
    const whole = (await reply.locator('.markdown').textContent()) ?? '';
    expect(whole.startsWith(kept.trimEnd().slice(0, -20))).toBe(true);
    expect(whole.length).toBeGreaterThan(kept.length);
    // The figures are the continuation's, and say so; a reload keeps it that way.
    await expect(chat.usage(reply)).toContainText(/Completion tokens\d+/);
    await expect(chat.usage(reply)).toContainText('Continued: these figures are for the part after Continue.');
    await expect(reply.getByRole('button', { name: 'Continue' })).toHaveCount(0);
    await page.reload();
    await expect(chat.usage(chat.lastReply())).toContainText('Continued: these figures are for the part after Continue.');
    // The same question asked afresh gets the same answer: nothing was lost or said twice at the seam.
    await chat.newChat.click();
    const fresh = await chat.ask('Write a debounce function in TypeScript', 'anthropic/claude-sonnet-4-5');
    await chat.waitForSettled(fresh);
    expect(await fresh.locator('.markdown').textContent()).toBe(whole);
  });

  test('Esc stops the stream too', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('Compare providers in a table', 'openai/gpt-4o-mini');
    await expect(reply.locator('.markdown')).not.toBeEmpty();
    await page.keyboard.press('Escape');
    await expect(reply.getByText('Stopped', { exact: true })).toBeVisible();
    await expect.poll(async () => (await chat.lastDemoStream()).outcome).toBe('client-closed');
  });

  test('a rate limit reaches the person as the gateway’s own words', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('hello', 'openai/demo-rate-limit');
    const alert = reply.getByRole('alert');
    await expect(alert).toContainText('Rate limit exceeded: 30 requests per minute. Please retry in 12s.');
    await expect(alert).not.toContainText('{');
    await expect(reply).toHaveAttribute('aria-busy', 'false');
  });

  test('a Go timeout text from the gateway is shown as is', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('hello', 'ollama/demo-slow-timeout');
    await expect(reply.getByRole('alert')).toContainText('context deadline exceeded (Client.Timeout exceeded while awaiting headers)');
  });

  test('a mid-stream error keeps the partial text and shows the provider message', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('Explain goroutines vs threads', 'anthropic/demo-mid-stream-error');
    await expect(reply.getByRole('alert')).toContainText('Overloaded: the provider is at capacity');
    await expect(reply.locator('.markdown')).toContainText('Goroutines vs. threads');
  });

  test('Continue after a mid-stream error goes on from the partial text, and a second break keeps all of it with the gateway\'s words', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('Explain goroutines vs threads', 'anthropic/demo-mid-stream-error');
    await expect(reply.getByRole('alert')).toContainText('Overloaded: the provider is at capacity');
    const partial = (await reply.locator('.markdown').textContent()) ?? '';
    const streams = (await chat.demoStreams()).length;
    await reply.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(async () => (await chat.demoStreams()).length).toBe(streams + 1);
    await chat.waitForSettled(reply);
    const sent = await chat.lastDemoStream();
    expect(sent.model).toBe('anthropic/demo-mid-stream-error');
    expect(sent.messages.at(-1)?.role).toBe('assistant');
    expect(sent.outcome).toBe('errored');
    // The provider broke off again: what came before and what came since are both there, with its words, and it can be asked again.
    await expect(reply.getByRole('alert')).toContainText('Overloaded: the provider is at capacity');
    await expect(reply.locator('.markdown')).toContainText('Goroutines vs. threads');
    expect(((await reply.locator('.markdown').textContent()) ?? '').length).toBeGreaterThan(partial.length);
    await expect(chat.usage(reply)).toContainText('Continued: these figures are for the part after Continue.');
    await expect(reply.getByRole('button', { name: 'Continue' })).toBeVisible();
  });

  test('a stream cut without [DONE] keeps its text, marked Interrupted', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('Explain goroutines vs threads', 'ollama/demo-cut-stream');
    await expect(reply.getByText('Interrupted', { exact: true })).toBeVisible();
    await expect(reply.locator('.markdown')).toContainText('Goroutines vs. threads');
    await expect(reply).toHaveAttribute('aria-busy', 'false');
    expect((await chat.lastDemoStream()).outcome).toBe('cut');
    await expect(chat.usage(reply)).toContainText('No token counts: the gateway sends them with a reply’s last chunk, which never came.');
  });

  test('a provider that goes silent mid-answer is called out, and the note goes when tokens come again', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    // The demo model stops for 7 s a third of the way in, then sends the rest.
    const reply = await chat.ask('Explain goroutines vs threads', 'mistral/demo-stall');
    await expect(reply.locator('.markdown')).toContainText('Goroutines vs. threads');
    const words = 'No new tokens for 5 seconds: the provider may be slow or stuck. Wait, or Stop.';
    // Shown in the reply, and said by a status just after it: outside the article, which is aria-busy while it streams.
    const note = reply.getByText(words);
    const said = chat.replyStatus(reply);
    await expect(note).toBeVisible();
    await expect(said).toHaveText(words);
    const stalledAt = (await reply.locator('.markdown').textContent())?.length ?? 0;
    await expect(note).toHaveCount(0);
    await expect(said).toHaveText('');
    // The note goes with the first commit after the silence, whose text the tail repair may still hold back (a lone marker).
    await expect.poll(async () => (await reply.locator('.markdown').textContent())?.length ?? 0).toBeGreaterThan(stalledAt);
    await chat.waitForSettled(reply);
    expect((await chat.lastDemoStream()).outcome).toBe('completed');
    // The usage panel's pace chart names the silence (7 s in the demo gateway, as the browser received it).
    await expect(chat.usage(reply).getByRole('img', { name: /^Pace over the reply: up to ≈ \d+ tok\/s, longest pause 7\.\d s$/ })).toBeVisible();
  });

  test('markdown renders as real elements: tables, highlighted code with copy, lists, safe links', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // Highlighting runs in a worker: highlight.js never loads on the page itself.
    const scripts: string[] = [];
    page.on('request', (request) => void scripts.push(new URL(request.url()).pathname));
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('Show me a markdown showcase', 'groq/llama-3.3-70b-versatile');
    await chat.waitForSettled(reply);
    await expect(reply.getByRole('table')).toHaveCount(1);
    // A wide table scrolls inside its wrapper instead of widening the page.
    await expect(reply.locator('.md-table-wrap')).toHaveCSS('overflow-x', 'auto');
    await expect(reply.getByRole('columnheader', { name: 'Center' })).toBeVisible();
    await expect(reply.getByRole('heading', { level: 1, name: 'Markdown showcase' })).toBeVisible();
    await expect(reply.locator('strong', { hasText: 'bold' }).first()).toBeVisible();
    await expect(reply.locator('del')).toHaveText('strikethrough');
    await expect(reply.locator('ol > li')).toHaveCount(3);
    await expect(reply.locator('input[type=checkbox]')).toHaveCount(2);
    // A list mixing bullets and tasks keeps its bullets; only task items trade theirs for the checkbox.
    await expect(reply.locator('li', { hasText: 'Bullet one' })).toHaveCSS('list-style-type', 'disc');
    await expect(reply.locator('li', { hasText: 'A finished task' })).toHaveCSS('list-style-type', 'none');
    await expect(reply.getByRole('link', { name: 'safe link' })).toHaveAttribute('href', 'https://example.com/docs');
    await expect(reply.getByRole('link', { name: 'sneaky link' })).toHaveCount(0);
    await expect(reply.locator('[href^="javascript"]')).toHaveCount(0);
    await expect(reply.locator('b')).toHaveCount(0);
    await expect(reply.locator('.hljs-attr').first()).toBeVisible();
    expect(scripts.filter((path) => path.includes('highlight.worker'))).toHaveLength(1);
    expect(scripts.filter((path) => /\/common-/.test(path))).toEqual([]);
    // KaTeX loads with the first formula, and this reply has none.
    expect(scripts.filter((path) => /\/katex-/.test(path))).toEqual([]);
    await reply.getByRole('button', { name: 'Copy code' }).click();
    await expect(reply.getByRole('button', { name: 'Copy code' })).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('"stream": true');
  });

  test('an image a reply names is a link to open, never fetched; the page reaches no other origin (its Content-Security-Policy)', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => void requested.push(request.url()));
    // Every refusal the policy makes, from the page's start.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    const violations = (): Promise<string[]> => page.evaluate(() => (window as unknown as { violations: string[] }).violations.toSorted());
    const chat = new ChatPage(page);
    await chat.open();
    // Math too: KaTeX's fonts, some of them inlined by the bundler, load under the policy.
    const formula = await chat.ask('Show me the quadratic formula', 'groq/llama-3.3-70b-versatile');
    await chat.waitForSettled(formula);
    await expect.poll(() => page.evaluate(() => [...document.fonts].some((font) => font.family === 'KaTeX_Main' && font.status === 'loaded'))).toBe(true);
    const reply = await chat.ask('Show me a markdown showcase', 'groq/llama-3.3-70b-versatile');
    await chat.waitForSettled(reply);
    // The app itself asks for nothing the policy refuses.
    expect(await violations()).toEqual([]);
    const image = reply.getByRole('link', { name: 'Image: a chart of tokens per second (example.com)', exact: true });
    await expect(image).toHaveAttribute('href', 'https://example.com/chart.png?from=showcase');
    await expect(image).toHaveAttribute('target', '_blank');
    await expect(reply.locator('img')).toHaveCount(0);
    expect(requested.filter((url) => new URL(url).host === 'example.com')).toEqual([]);

    // Were an image or a fetch to another origin put in the page anyway (an
    // injected script, a bug), the browser refuses both and says why.
    const other = `${E2E.demoGatewayUrl}/health`;
    const fetched = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      document.body.append(img);
      return fetch(url).then(
        () => 'fetched',
        () => 'refused',
      );
    }, other);
    expect(fetched).toBe('refused');
    await expect.poll(violations).toEqual([`connect-src ${other}`, `img-src ${other}`]);
  });

  test('math streams as its TeX and is typeset once complete, with MathML; no $ is painted before TeX, and prices stay prices', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    // Any text the conversation ever shows with a $ before anything but a digit: a raw "$$", or a single-dollar formula's opener.
    const rawMath = await watchPainted(page, /\$\D/, false);
    // At a typical model's pace (70 tok/s), so a formula takes several frames to come in.
    const reply = await chat.ask('Show me the quadratic formula', 'openai/gpt-4o-mini');
    // While it streams, a formula still coming in shows as its source, muted, not typeset.
    await expect(reply.locator('.math-source').first()).toBeVisible();
    await chat.waitForSettled(reply);
    const formula = reply.locator('.math-display').first();
    await expect(formula.locator('.katex-display')).toBeVisible();
    await expect(formula.locator('annotation')).toHaveText('x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}');
    // KaTeX's stylesheet and fonts are in: the formula is set in its own face.
    await expect(formula.locator('.katex').first()).toHaveCSS('font-family', /KaTeX_Main/);
    // Two formulas on lines of their own, the rest inline (the table's cells too); each with MathML for a screen reader.
    await expect(reply.locator('.math-display .katex-display')).toHaveCount(2);
    await expect(reply.locator(':is(th, td) .math-inline .katex')).toHaveCount(4);
    await expect(reply.locator('.math-source')).toHaveCount(0);
    expect(await reply.locator('math').count()).toBeGreaterThanOrEqual(12);
    await expect(reply).toContainText('the answer cost $0.0001 at $0.60 per million tokens, $5 or $10 a month.');
    // A selection with formulas in it copies as text with their TeX, not KaTeX's glyphs one per line.
    const copied = await reply
      .locator('p', { hasText: 'come from completing the square' })
      .evaluate((paragraph) => {
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        const clipboardData = new DataTransfer();
        paragraph.dispatchEvent(new ClipboardEvent('copy', { clipboardData, bubbles: true, cancelable: true }));
        return clipboardData.getData('text/plain');
      });
    expect(copied).toBe('The roots of $ax^2 + bx + c = 0$ (with $a \\neq 0$) come from completing the square:');
    // Math as some models write it, in \( … \), reads the same.
    await expect(reply.locator('.math-inline annotation').filter({ hasText: 'x_1 x_2' })).toHaveText('x_1 x_2 = \\tfrac{c}{a}');
    // And so does math in single dollars, as Claude's and Gemini's models write it inline.
    await expect(reply.locator('.math-inline annotation').filter({ hasText: 'x_1 + x_2' })).toHaveText('x_1 + x_2 = -\\tfrac{b}{a}');
    await expect(reply).not.toContainText('\\(');
    expect(await rawMath()).toEqual([]);
  });

  test('a reply that streams before the tail repair has loaded shows nothing, never raw markers, then all of it formatted', async ({ page }) => {
    // The tail repair (remend) is in a chunk of its own, asked for as the page starts: hold it back.
    const gate: { open?: () => void } = {};
    const held = new Promise<void>((resolve) => (gate.open = resolve));
    await page.route('**/assets/deferred-*.js', async (route) => {
      await held;
      await route.continue();
    });
    const chat = new ChatPage(page);
    await chat.open();
    // Any text with a raw "**" the conversation ever shows, outside code.
    const rawMarkers = await watchPainted(page, /\*\*/, true);
    const reply = await chat.ask('Explain goroutines vs threads', 'openai/gpt-4o-mini');
    // Tokens have come (the wait for the first one is over), and the reply shows none of them yet.
    await expect(reply).toHaveAttribute('aria-busy', 'true');
    await expect(reply).not.toContainText('Waiting for the first token');
    await expect(reply.locator('.markdown')).toHaveText('');
    gate.open?.();
    await expect(reply.locator('strong').first()).toHaveText('goroutine');
    await chat.waitForSettled(reply);
    await expect(reply).toContainText('Goroutines vs. threads');
    expect(await rawMarkers()).toEqual([]);
  });

  test('replies are read in a worker; when it cannot load, a send asks the gateway nothing and says why, and the next one loads it and streams', async ({ page }) => {
    // The worker that reads replies is started as the page starts: that first load fails.
    let refused = 0;
    await page.route('**/assets/stream.worker-*.js', async (route) => {
      refused++;
      await route.abort('internetdisconnected');
    });
    const chat = new ChatPage(page);
    await chat.open();
    await expect.poll(() => refused).toBeGreaterThan(0);
    const before = (await chat.demoStreams()).length;
    const reply = await chat.ask('Explain goroutines vs threads', 'openai/gpt-4o-mini');
    await expect(reply.getByRole('alert')).toContainText('The page could not load the part that reads replies. Check the connection and reload the page.');
    await expect(reply).toHaveAttribute('aria-busy', 'false');
    await expect(chat.conversation.getByRole('article', { name: 'You' })).toContainText('Explain goroutines vs threads');
    expect((await chat.demoStreams()).length).toBe(before);
    expect(page.workers().map((worker) => worker.url())).not.toContainEqual(expect.stringContaining('stream.worker'));

    await page.unroute('**/assets/stream.worker-*.js');
    await reply.getByRole('button', { name: 'Regenerate' }).click();
    const again = chat.lastReply();
    await chat.waitForSettled(again);
    await expect(again).toContainText('Goroutines vs. threads');
    await expect(chat.usage(again)).toContainText(/Total tokens\d+/);
    expect(page.workers().map((worker) => worker.url())).toContainEqual(expect.stringMatching(/\/assets\/stream\.worker-[\w-]+\.js$/));
  });

  test('reasoning shows in a Reasoning group apart from the answer, from reasoning_content and from inline <think>', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const first = await chat.ask('hello', 'deepseek/deepseek-reasoner');
    await expect(first).toContainText('Waiting for the first token');
    await chat.waitForSettled(first);
    await expect(first.getByRole('group', { name: 'Reasoning' })).toContainText('A greeting');
    await expect(first.locator(':scope > .markdown')).not.toContainText('A greeting');

    const second = await chat.ask('hello', 'ollama/deepseek-r1:7b');
    await chat.waitForSettled(second);
    await expect(second.getByRole('group', { name: 'Reasoning' })).toContainText('A greeting');
    await expect(second).not.toContainText('<think>');
    await expect(second.locator(':scope > .markdown')).toContainText('demo gateway');
  });

  test('sends the history back as plain role/content, and New chat starts over', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const first = await chat.ask('hello', 'groq/llama-3.3-70b-versatile');
    await chat.waitForSettled(first);
    const second = await chat.ask('Compare providers in a table');
    await chat.waitForSettled(second);
    const stream = await chat.lastDemoStream();
    expect(stream.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(stream.messages[0]?.content).toBe('You are a helpful assistant.');
    expect(stream.messages[2]?.content).toContain('demo gateway');
    expect(stream.messages[3]?.content).toBe('Compare providers in a table');
    await expect(chat.conversation.getByRole('article')).toHaveCount(4);

    await chat.newChat.click();
    await expect(chat.conversation.getByRole('article')).toHaveCount(0);
    await expect(chat.message).toBeEditable();
  });

  test('the edited system prompt is what the gateway receives', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('textbox', { name: 'System prompt' }).fill('Answer like a pirate.');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await expect(chat.conversation).toContainText('System prompt: “Answer like a pirate.”');
    await chat.waitForSettled(await chat.ask('hello', 'groq/llama-3.3-70b-versatile'));
    expect((await chat.lastDemoStream()).messages[0]).toEqual({ role: 'system', content: 'Answer like a pirate.' });
  });

  test('Shift+Enter makes a new line instead of sending', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.message.fill('line one');
    await chat.message.press('Shift+Enter');
    await chat.message.pressSequentially('line two');
    await expect(chat.message).toHaveValue('line one\nline two');
    await expect(chat.conversation.getByRole('article')).toHaveCount(0);
  });

  test('a model the gateway says makes only images is listed as such and not offered for chat', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const image = chat.model.locator('option[value="openai/gpt-image-1"]');
    await expect(image).toHaveText('openai/gpt-image-1 (images only, cannot chat)');
    await expect(image).toBeDisabled();
    // The models that chat are offered as before, named by their ids alone.
    await expect(chat.model.locator('option[value="openai/gpt-4o-mini"]')).toHaveText('openai/gpt-4o-mini');
    await expect(chat.model.locator('option[value="openai/gpt-4o-mini"]')).toBeEnabled();
    await chat.model.selectOption('openai/gpt-4.1');
    await expect(chat.model).toHaveValue('openai/gpt-4.1');
  });

  test('searching models narrows the Model picker across providers', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await page.getByRole('searchbox', { name: 'Search models' }).fill('gemini');
    await expect(chat.model.locator('option[value]:not([value=""])')).toHaveText(['google/models/gemini-2.5-flash']);
    await chat.model.selectOption('google/models/gemini-2.5-flash');
    await expect(chat.provider).toHaveValue('google');
  });

  test('on a phone the model search waits behind a button, so the header keeps two rows', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const toggle = page.getByRole('button', { name: 'Search models' });
    const search = page.getByRole('searchbox', { name: 'Search models' });
    // A wider screen shows the search box itself, and no button.
    await expect(search).toBeVisible();
    await expect(toggle).toBeHidden();
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(search).toBeHidden();
    const header = page.locator('header');
    const closed = (await header.boundingBox())!.height;
    // Two rows of 36px controls: the buttons, then the pickers with the search button.
    expect(closed).toBeLessThan(110);
    // The provider picker is as wide as its name, so the model picker beside it
    // shows the whole id of a usual model: room left beyond the id's text for
    // the picker's padding (16px) and its arrow.
    await chat.model.selectOption('groq/llama-3.3-70b-versatile');
    const room = await chat.model.evaluate((select: HTMLSelectElement) => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(select).font;
      return select.clientWidth - context.measureText(select.selectedOptions[0]!.text).width;
    });
    expect(room).toBeGreaterThanOrEqual(32);
    await toggle.click();
    await expect(search).toBeFocused();
    await page.keyboard.type('gemini');
    await expect(chat.model.locator('option[value]:not([value=""])')).toHaveText(['google/models/gemini-2.5-flash']);
    await chat.model.selectOption('google/models/gemini-2.5-flash');
    await expect(chat.provider).toHaveValue('google');
    await toggle.click();
    await expect(search).toBeHidden();
    await expect(chat.model).toHaveValue('google/models/gemini-2.5-flash');
    expect((await header.boundingBox())!.height).toBe(closed);
  });

  test('works at phone width without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('Compare providers in a table', 'groq/llama-3.3-70b-versatile');
    await chat.waitForSettled(reply);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(chat.send).toBeInViewport();
    await expect(chat.newChat).toBeInViewport();
    // The empty box is one line: no keyboard hint to wrap on a phone.
    await expect(chat.message).toHaveAttribute('placeholder', 'Message…');
    expect(await chat.message.evaluate((box) => box.getBoundingClientRect().height)).toBeLessThan(48);
    await page.setViewportSize({ width: 1024, height: 740 });
    await expect(chat.message).toHaveAttribute('placeholder', 'Message… (Enter to send, Shift+Enter for a new line)');
  });

  test('the header is one row from a small laptop\'s 1024 px (the title gives its room there), two on a tablet', async ({ page }) => {
    const chat = new ChatPage(page);
    const title = page.getByRole('heading', { name: 'Gateway Chat', level: 1 });
    const rows = async (): Promise<number> => {
      const tops = await page.locator('header').locator('select:visible, button:visible, a:visible, input:visible').evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().top)));
      return new Set(tops).size;
    };
    await page.setViewportSize({ width: 1024, height: 768 });
    await chat.open();
    expect(await rows()).toBe(1);
    await expect(chat.model).toBeVisible();
    // Still the page's heading for a screen reader, though not shown.
    await expect(title).toHaveCount(1);
    expect(await title.evaluate((h1) => h1.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1280, height: 768 });
    expect(await rows()).toBe(1);
    await expect(title).toBeVisible();
    expect(await title.evaluate((h1) => h1.getBoundingClientRect().width)).toBeGreaterThan(50);
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await rows()).toBe(2);
  });

  test('a stream of several completions (the gateway\'s MCP mode) reads as one reply: a paragraph each, the tool calls between them, also after a reload', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('Explain goroutines vs threads', 'openai/demo-mcp-tools');
    await chat.waitForSettled(reply);
    const opening = async () => (await reply.locator('p, figcaption, dl, h2').allTextContents()).slice(0, 7);
    // Each call a card named by its tool, its arguments field by field.
    const expected = [
      'Let me look that up.',
      'Tool call web_search',
      'queryinference gateway streaming',
      'One more source to check:',
      'Tool call fetch_page',
      'urlhttps://github.com/inference-gateway/inference-gateway',
      'Goroutines vs. threads',
    ];
    // The cards' code loads with the first reply that has one: their names show until then.
    await expect.poll(opening).toEqual(expected);
    const search = reply.getByRole('figure', { name: 'Tool call web_search' });
    await expect(search.getByRole('term')).toHaveText('query');
    await expect(search.getByRole('definition')).toHaveText('inference gateway streaming');
    // Its arguments fit: not a tab stop. Made shorter than they are, they scroll, and take the keyboard's focus.
    const scroller = search.locator('dl').locator('xpath=..');
    await expect(scroller).not.toHaveAttribute('tabindex');
    await page.addStyleTag({ content: 'figure dl { min-height: 30rem; }' });
    await expect(scroller).toHaveAttribute('tabindex', '0');
    // It ended with the answer, not with a tool call.
    await expect(chat.usage(reply)).not.toContainText('tool call');
    await page.reload();
    await chat.waitForSettled(reply);
    await expect.poll(opening).toEqual(expected);
  });

  test('a long message of yours is folded to twelve lines with Show more; one that fits is not', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const mine = chat.conversation.getByRole('article', { name: 'You' }).last();
    const bubbleHeight = (text: string) => mine.getByText(text).evaluate((bubble) => bubble.getBoundingClientRect().height);
    // Over 300 characters, but on one line that wraps to about six at this width: it fits, so no fold.
    const paragraph = 'A paragraph about streaming that wraps over a few lines at desktop width. '.repeat(6);
    await chat.waitForSettled(await chat.ask(paragraph, 'groq/llama-3.3-70b-versatile'));
    await expect(mine.getByRole('button', { name: 'Copy' })).toBeVisible();
    await expect(mine.getByRole('button', { name: 'Show more' })).toHaveCount(0);
    expect(await bubbleHeight('A paragraph about streaming')).toBeLessThan(288);

    const log = Array.from({ length: 60 }, (_, i) => `03:${String(i).padStart(2, '0')} ERROR request failed: upstream timeout (attempt ${i})`).join('\n');
    await chat.waitForSettled(await chat.ask(`Why does this fail?\n${log}`));
    const more = mine.getByRole('button', { name: 'Show more' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(await bubbleHeight('Why does this fail?')).toBe(288);
    await more.click();
    const less = mine.getByRole('button', { name: 'Show less' });
    await expect(less).toHaveAttribute('aria-expanded', 'true');
    // 61 lines of 24 px, and the padding.
    expect(await bubbleHeight('Why does this fail?')).toBeGreaterThan(61 * 24);
    await less.click();
    await expect(more).toBeVisible();
    expect(await bubbleHeight('Why does this fail?')).toBe(288);
    // The whole text is kept and sent: only the view folds it.
    expect((await chat.lastDemoStream()).messages.at(-1)?.content).toBe(`Why does this fail?\n${log}`);
  });

  test('on a phone the usage panel sets its figures two a row, and no label breaks over lines', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const chat = new ChatPage(page);
    await chat.open();
    /** Each figure's row and label: where it starts and how tall it is. */
    const rows = (reply: Locator) =>
      chat.usage(reply).locator('dl > div').evaluateAll((divs) =>
        divs.map((div) => ({ top: div.getBoundingClientRect().top, height: div.getBoundingClientRect().height, label: div.querySelector('dt')!.getBoundingClientRect().height })),
      );
    const reply = await chat.ask('Explain goroutines vs threads', 'groq/llama-3.3-70b-versatile');
    await chat.waitForSettled(reply);
    const settled = await rows(reply);
    // Prompt, completion and total tokens, cost, first token, total time, rate, pace, context.
    expect(settled).toHaveLength(9);
    const line = settled[0]!.height;
    for (const [i, row] of settled.entries()) {
      expect(row.top, `figure ${i}`).toBe(settled[i - (i % 2)]!.top);
      expect(row.height, `figure ${i}`).toBe(line);
    }
    // A reply broken off reports no counts: "Completion tokens not reported" is too wide for its
    // cell and goes on two lines, its label whole on the first.
    const broken = await chat.ask('Explain goroutines vs threads', 'anthropic/demo-mid-stream-error');
    await chat.waitForSettled(broken);
    await expect(chat.usage(broken)).toContainText('Completion tokensnot reported');
    const uncounted = await rows(broken);
    expect(Math.max(...uncounted.map((row) => row.height))).toBeGreaterThan(line);
    for (const row of uncounted) expect(row.label).toBe(line);
  });

  test('a large image is made smaller before it goes: its longest side 2,048 px, as WebP', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.model.selectOption('openai/gpt-4o-mini');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach images' }).click();
    await (await chooser).setFiles({ name: 'wide.png', mimeType: 'image/png', buffer: solidPng(3000, 1200) });
    const tile = page.getByRole('list', { name: 'Attached images' }).getByRole('img', { name: 'wide.png' });
    await expect(tile).toHaveAttribute('src', /^data:image\/webp;base64,/);
    expect(await tile.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([2048, 819]);
    await chat.waitForSettled(await chat.ask('Describe it'));
    expect((await chat.lastDemoStream()).messages.at(-1)?.images?.map((image) => image.type)).toEqual(['image/webp']);
  });

  test('images attach from the file picker, go to a vision model as parts, stay with the message after a reload, and are held back from a model that takes none', async ({ page }) => {
    // A 1×1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');
    const chat = new ChatPage(page);
    await chat.open();
    await chat.model.selectOption('openai/gpt-4o-mini');
    const attach = async (files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Attach images' }).click();
      await (await chooser).setFiles(files);
    };
    await attach([
      { name: 'red.png', mimeType: 'image/png', buffer: png },
      { name: 'blue.png', mimeType: 'image/png', buffer: png },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
    ]);
    const attached = page.getByRole('list', { name: 'Attached images' });
    await expect(attached.getByRole('img')).toHaveCount(2);
    await expect(page.getByRole('status').filter({ hasText: 'Not attached' })).toHaveText('Not attached: notes.txt is not a PNG, JPEG, WebP or GIF image.');
    await page.getByRole('button', { name: 'Remove blue.png' }).click();
    await expect(attached.getByRole('img')).toHaveCount(1);
    // A pasted screenshot is attached too, and a dropped file that is not an image is named, not ignored.
    await chat.message.evaluate((box, base64) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'image.png', { type: 'image/png' }));
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, png.toString('base64'));
    await expect(attached.getByRole('img', { name: 'image.png' })).toBeVisible();
    await chat.message.evaluate((box) => {
      const data = new DataTransfer();
      data.items.add(new File(['%PDF-1.4'], 'report.pdf', { type: 'application/pdf' }));
      box.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect(page.getByRole('status').filter({ hasText: 'Not attached' })).toHaveText('Not attached: report.pdf is not a PNG, JPEG, WebP or GIF image.');
    await page.getByRole('button', { name: 'Remove image.png' }).click();
    await expect(attached.getByRole('img')).toHaveCount(1);
    const reply = await chat.ask('What is this?');
    await chat.waitForSettled(reply);
    await expect(reply).toContainText('I received one image with your message (PNG, 1 KB).');
    const sent = chat.conversation.getByRole('article', { name: 'You' }).getByRole('list', { name: 'Images sent' });
    await expect(sent.getByRole('button', { name: 'View red.png' }).locator('img')).toHaveAttribute('src', `data:image/png;base64,${png.toString('base64')}`);
    // A tile opens the image whole, named, and Esc closes it.
    await sent.getByRole('button', { name: 'View red.png' }).click();
    const viewer = page.getByRole('dialog', { name: 'red.png' });
    await expect(viewer.getByRole('img', { name: 'red.png' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);
    await expect(attached).toHaveCount(0);
    const stream = await chat.lastDemoStream();
    expect(stream.messages.at(-1)).toEqual({ role: 'user', content: 'What is this?', images: [{ type: 'image/png', bytes: png.length }] });
    // Saved with the conversation, and no longer with the draft.
    await page.reload();
    await expect(sent.getByRole('button', { name: 'View red.png' })).toBeVisible();
    await expect(attached).toHaveCount(0);
    // Images attached and not sent yet are kept with the conversation's draft, as its text is, across a reload too.
    await attach([{ name: 'green.png', mimeType: 'image/png', buffer: png }]);
    await chat.message.fill('And this?');
    await expect(attached.getByRole('img', { name: 'green.png' })).toBeVisible();
    await page.reload();
    await expect(attached.getByRole('img', { name: 'green.png' })).toBeVisible();
    await expect(chat.message).toHaveValue('And this?');
    // While images are attached (the draft's too), the model picker says which models take none.
    const groq = chat.model.locator('option[value="groq/llama-3.3-70b-versatile"]');
    await expect(groq).toHaveText('groq/llama-3.3-70b-versatile (takes no images)');
    await expect(chat.model.locator('option[value="openai/gpt-4o-mini"]')).toHaveText('openai/gpt-4o-mini');
    // A model the gateway says takes no images: images attached are held back, and the page says why.
    await chat.model.selectOption('groq/llama-3.3-70b-versatile');
    await chat.message.fill('And this?');
    await expect(page.getByRole('status').filter({ hasText: 'takes no images' })).toHaveText(
      'groq/llama-3.3-70b-versatile takes no images (so the gateway says): pick a model that does, or remove them.',
    );
    await expect(chat.send).toBeDisabled();
    await chat.message.press('Enter');
    await expect(chat.conversation.getByRole('article', { name: 'You' })).toHaveCount(1);
    await page.getByRole('button', { name: 'Remove green.png' }).click();
    await expect(chat.send).toBeEnabled();
    await expect(groq).toHaveText('groq/llama-3.3-70b-versatile');
  });
});

test.describe('gateway states', () => {
  test('a gateway that is down gets a clear alert with a retry, not a blank page', async ({ page }) => {
    await page.goto(E2E.downAppUrl);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load models.');
    await expect(alert).toContainText('Cannot reach the gateway at http://127.0.0.1:9/v1');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  test('the embedded demo gateway says so on the page and answers', async ({ page }) => {
    await page.goto(E2E.embeddedAppUrl);
    await expect(page.getByRole('status')).toContainText('Demo gateway');
    const chat = new ChatPage(page);
    await expect(chat.model).toHaveValue('groq/llama-3.3-70b-versatile');
    const reply = await chat.ask('hello');
    await chat.waitForSettled(reply);
    await expect(chat.usage(reply)).toContainText(/Total tokens\d+/);
  });

  test('light and dark follow the system', async ({ browser }) => {
    const brightness = async (colorScheme: 'light' | 'dark'): Promise<number> => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(E2E.appUrl);
      // Tailwind colours are oklch(); let a canvas turn the computed colour into RGB.
      const value = await page.locator('#root > div').evaluate((el) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 1;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = getComputedStyle(el).backgroundColor;
        ctx.fillRect(0, 0, 1, 1);
        const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
        return (r! + g! + b!) / 3;
      });
      await context.close();
      return value;
    };
    expect(await brightness('light')).toBeGreaterThan(200);
    expect(await brightness('dark')).toBeLessThan(50);
  });
});

/** A reply's text as shown now (none while it waits for its first token). */
const shownText = async (reply: Locator): Promise<string> => (await reply.locator('.markdown').allTextContents()).join('');
/** Keeps every length of text `reply` shows from now on, commit by commit, in window.shownLengths. */
const watchLengths = (reply: Locator): Promise<void> =>
  reply.evaluate((element) => {
    const lengths: number[] = [];
    (window as unknown as { shownLengths: number[] }).shownLengths = lengths;
    const measure = (): void => void lengths.push([...element.querySelectorAll('.markdown')].map((m) => m.textContent ?? '').join('').length);
    new MutationObserver(measure).observe(element, { subtree: true, childList: true, characterData: true });
  });

test('under the message box, the next prompt’s size, share of the window and price before sending; the box holds its height as replies start and end', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.model.selectOption('openai/gpt-4o-mini');
  const form = page.locator('form').filter({ has: chat.message });
  const line = form.getByText(/^Next prompt ≈/);
  await expect(line).toHaveCount(0);
  const empty = await form.boundingBox();
  // The system prompt and the message, at gpt-4o-mini's $0.15 per million prompt tokens.
  await chat.message.fill('Explain goroutines vs threads');
  await expect(line).toHaveText(/^Next prompt ≈ \d+ tokens · <0\.1% of 128K · ≈ \$0\.00000\d+$/);
  const tokensIn = async (): Promise<number> => Number((await line.textContent())?.match(/≈ ([\d,]+) tokens/)?.[1]?.replace(/,/g, ''));
  const before = await tokensIn();
  await expect(line).toContainText(`≈ $${Number((before * 0.15e-6).toPrecision(3))}`);
  await chat.message.press('Enter');
  const reply = chat.lastReply();
  await expect(form.getByText('Streaming… press Esc to stop.')).toBeVisible();
  expect((await form.boundingBox())?.height).toBe(empty?.height);
  await chat.waitForSettled(reply);
  // The estimate was near what the gateway then counted.
  const { usage } = await chat.lastDemoStream();
  expect(Math.abs(before - usage.prompt_tokens)).toBeLessThanOrEqual(Math.max(4, usage.prompt_tokens * 0.25));
  // With the box empty, the conversation so far: the gateway's count of that prompt and the reply, roughly.
  const tokens = await tokensIn();
  expect(tokens).toBeGreaterThan(usage.prompt_tokens);
  expect(tokens).toBeLessThan(usage.prompt_tokens + 2 * usage.completion_tokens);
  expect((await form.boundingBox())?.height).toBe(empty?.height);
  // Then what the conversation took so far: the gateway's count, at gpt-4o-mini's prices.
  const spent = Number(((usage.prompt_tokens * 0.15 + usage.completion_tokens * 0.6) / 1e6).toPrecision(3));
  await expect(line).toContainText(` · so far ${usage.total_tokens.toLocaleString('en-US')} tokens, $${spent}`);
  // On a phone the line is shorter, so what it took so far is not cut off: all of it shows.
  await page.setViewportSize({ width: 390, height: 844 });
  const phoneLine = form.getByText(/^≈ [\d,]+ tokens · /);
  await expect(line).toBeHidden();
  await expect(phoneLine).toHaveText(new RegExp(`^≈ [\\d,]+ tokens · [<\\d.]+% · ≈ \\$0\\.0\\d+ · so far \\$${String(spent).replace('.', '\\.')}$`));
  expect(await phoneLine.evaluate((span) => span.parentElement!.scrollWidth <= span.parentElement!.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(line).toBeVisible();
  // A longer system prompt since that reply: the line adds what it grew by (4 characters a token).
  await page.getByRole('button', { name: 'Settings' }).click();
  const system = page.getByRole('dialog', { name: 'Settings' }).getByRole('textbox', { name: 'System prompt' });
  const was = (await system.inputValue()).trim();
  await system.fill('x'.repeat(400));
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Done' }).click();
  await expect.poll(tokensIn).toBe(tokens + 100 - (was ? Math.max(1, Math.round(was.length / 4)) : -4));
});

test('a reply keeps the prices its model had when it was asked for: the gateway raising them later does not rewrite its cost', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  const reply = await chat.ask('Explain goroutines vs threads', 'openai/gpt-4o-mini');
  await chat.waitForSettled(reply);
  const { usage } = await chat.lastDemoStream();
  // gpt-4o-mini's $0.15 and $0.60 per million tokens when it was asked.
  const cost = `Cost$${Number(((usage.prompt_tokens * 0.15 + usage.completion_tokens * 0.6) / 1e6).toPrecision(3))}`;
  await expect(chat.usage(reply)).toContainText(cost);
  // Then the gateway lists every price ten times higher, and the page is opened again.
  await page.route(
    (url) => url.pathname === '/v1/models',
    async (route) => {
      const response = await route.fetch();
      const list = (await response.json()) as { data: Array<{ pricing?: { input_per_token?: string; output_per_token?: string } }> };
      for (const model of list.data) {
        const { pricing } = model;
        if (pricing?.input_per_token && pricing.output_per_token)
          model.pricing = { ...pricing, input_per_token: String(Number(pricing.input_per_token) * 10), output_per_token: String(Number(pricing.output_per_token) * 10) };
      }
      await route.fulfill({ response, json: list });
    },
  );
  await page.reload();
  const again = chat.lastReply();
  await expect(chat.usage(again)).toContainText(cost);
  await expect(chat.usage(again).locator('div[title]', { hasText: /^Cost/ })).toHaveAttribute(
    'title',
    "At the gateway's prices when this reply was asked for: $0.15 per million prompt tokens, $0.60 per million completion tokens",
  );
  // A prompt sent now is priced at the new $1.50 per million prompt tokens.
  await chat.message.fill('And goroutine leaks?');
  const line = page.locator('form').getByText(/^Next prompt ≈/);
  await expect(line).toHaveText(/^Next prompt ≈ [\d,]+ tokens/);
  const tokens = Number((await line.textContent())?.match(/≈ ([\d,]+) tokens/)?.[1]?.replace(/,/g, ''));
  await expect(line).toContainText(`≈ $${Number((tokens * 1.5e-6).toPrecision(3))}`);
});

test.describe('replaying a reply', () => {
  test('Replay plays a reply again as it streamed in, at the speed picked, without asking the gateway; it survives a reload', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('Explain goroutines vs threads', 'openai/gpt-4o-mini');
    await chat.waitForSettled(reply);
    const final = await shownText(reply);
    const usage = await chat.usage(reply).textContent();
    const streams = (await chat.demoStreams()).length;

    const replayButton = reply.getByRole('button', { name: 'Replay', exact: true });
    await replayButton.click();
    await expect(reply.getByText('Replay 1×', { exact: true })).toBeVisible();
    await expect(reply).toHaveAttribute('aria-busy', 'true');
    // The text grows again from the start: a part of it is shown, and no usage until the end.
    await expect.poll(async () => {
      const shown = await shownText(reply);
      return shown.length > 0 && shown.length < final.length && final.startsWith(shown.slice(0, 20));
    }).toBe(true);
    await expect(chat.usage(reply)).toHaveCount(0);
    await reply.getByRole('combobox', { name: 'Replay speed' }).selectOption('4');
    await expect(reply.getByText('Replay 4×', { exact: true })).toBeVisible();

    // It ends as the reply it replayed, figures and all.
    await expect(replayButton).toBeVisible({ timeout: 15_000 });
    await expect(reply).toHaveAttribute('aria-busy', 'false');
    expect(await shownText(reply)).toBe(final);
    await expect(chat.usage(reply)).toHaveText(usage ?? '');
    expect((await chat.demoStreams()).length).toBe(streams);

    // The recording is saved with the conversation.
    await page.reload();
    const again = chat.lastReply();
    await expect(again).toHaveAttribute('aria-busy', 'false');
    await again.getByRole('button', { name: 'Replay', exact: true }).click();
    await expect(again.getByText('Replay 4×', { exact: true }).or(again.getByText('Replay 1×', { exact: true }))).toBeVisible();
    await expect.poll(async () => (await shownText(again)).length).toBeLessThan(final.length);
    // Stop replay shows the whole reply at once. Focused and clicked as a
    // pointer's press does, without its race: the text growing above it can
    // move the button between the press and the release.
    const stop = again.getByRole('button', { name: 'Stop replay' });
    await stop.focus();
    await stop.dispatchEvent('click');
    // Stopped by the click itself, not by the replay running out.
    expect(await again.getByText('Replay 1×', { exact: true }).count()).toBe(0);
    expect(await shownText(again)).toBe(final);
    await expect(again).toHaveAttribute('aria-busy', 'false');
    await expect(again.getByRole('button', { name: 'Replay', exact: true })).toBeFocused();
    // So does Esc, as it stops a reply, from the message box too.
    await again.getByRole('button', { name: 'Replay', exact: true }).click();
    await expect(again).toHaveAttribute('aria-busy', 'true');
    await chat.message.focus();
    await page.keyboard.press('Escape');
    await expect(again).toHaveAttribute('aria-busy', 'false');
    expect(await shownText(again)).toBe(final);
    expect((await chat.demoStreams()).length).toBe(streams);
  });

  test('a stopped reply replays up to where it was stopped, and ends marked Stopped', async ({ page }) => {
    const { reply } = await stopInCode(page);
    await expect(reply.getByText('Stopped', { exact: true })).toBeVisible();
    const kept = await shownText(reply);

    await reply.getByRole('button', { name: 'Replay', exact: true }).click();
    await expect(reply.getByText('Stopped', { exact: true })).toHaveCount(0);
    await expect(reply.getByText('Replay 1×', { exact: true })).toBeVisible();
    await expect(reply.getByRole('button', { name: 'Replay', exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(reply.getByText('Stopped', { exact: true })).toBeVisible();
    expect(await shownText(reply)).toBe(kept);
  });

  test('a continued reply replays whole: from its first words, on past where it was continued, to its end; after a reload too', async ({ page }) => {
    const { chat, reply } = await stopInCode(page);
    await expect(reply.getByText('Stopped', { exact: true })).toBeVisible();
    const kept = await shownText(reply);
    await reply.getByRole('button', { name: 'Continue' }).click();
    await chat.waitForSettled(reply);
    const final = await shownText(reply);
    expect(final.length).toBeGreaterThan(kept.length);
    const streams = (await chat.demoStreams()).length;

    const shownLengths = (): Promise<number[]> => page.evaluate(() => (window as unknown as { shownLengths: number[] }).shownLengths);

    await watchLengths(reply);
    await reply.getByRole('button', { name: 'Replay', exact: true }).click();
    await expect(reply.getByText('Replay 1×', { exact: true })).toBeVisible();
    // The text before Continue is not there from the start: it streams in again first.
    await expect.poll(async () => (await shownLengths()).some((n) => n > 0 && n < kept.length)).toBe(true);
    await expect(reply.getByRole('button', { name: 'Replay', exact: true })).toBeVisible({ timeout: 20_000 });
    const lengths = await shownLengths();
    // It went on past the seam, and ends as the reply.
    expect(lengths.some((n) => n > kept.length && n < final.length)).toBe(true);
    expect(await shownText(reply)).toBe(final);
    await expect(reply.getByText('Stopped', { exact: true })).toHaveCount(0);
    expect((await chat.demoStreams()).length).toBe(streams);

    // How the text before Continue arrived is saved with the conversation.
    // (The continued reply was saved whole when it ended, long before this.)
    expect((await chat.savedReplyText(await chat.openConversationId())).length).toBeGreaterThan(final.length / 2);
    await page.reload();
    const again = chat.lastReply();
    await expect(again).toHaveAttribute('aria-busy', 'false');
    await expect.poll(() => shownText(again)).toBe(final);
    await watchLengths(again);
    await again.getByRole('button', { name: 'Replay', exact: true }).click();
    await expect.poll(async () => (await shownLengths()).some((n) => n > 0 && n < kept.length)).toBe(true);
    // The click goes to the button itself: a pointer's press and release can
    // fall either side of a commit that moves it down, as the replayed text
    // above it grows in a view it does not yet fill (CI saw the button
    // focused by the press, and no click).
    await again.getByRole('button', { name: 'Stop replay' }).dispatchEvent('click');
    // Stopped by the click itself, not by the replay running out.
    expect(await again.getByText('Replay 1×', { exact: true }).count()).toBe(0);
    expect(await shownText(again)).toBe(final);
  });
});

test('printed, the conversation goes on paper whole and light, without the app’s frame or its buttons', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const chat = new ChatPage(page);
  await chat.open();
  await chat.waitForSettled(await chat.ask('Show me a markdown showcase', 'groq/llama-3.3-70b-versatile'));
  await chat.waitForSettled(await chat.ask('Explain goroutines vs threads', 'groq/llama-3.3-70b-versatile'));
  // On screen the conversation is longer than its view: it scrolls.
  const overflow = () => chat.conversation.evaluate((log) => log.scrollHeight - log.clientHeight);
  expect(await overflow()).toBeGreaterThan(500);
  const paragraph = chat.conversation.getByRole('article', { name: 'Assistant' }).first().locator('.markdown p').first();
  const ink = () => paragraph.evaluate((element) => getComputedStyle(element).color);
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  const printed = await ink();
  // Dark on screen; light on paper, whatever the system's scheme.
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  expect(await ink()).not.toBe(printed);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect(await ink()).toBe(printed);
  // The log at its whole length; the frame and the buttons gone; the turns there.
  expect(await overflow()).toBeLessThanOrEqual(1);
  for (const gone of [page.getByRole('banner'), chat.message, chat.conversations, page.getByRole('button', { name: 'Copy' }).first()]) await expect(gone).toBeHidden();
  await expect(chat.conversation.getByRole('article', { name: 'You' })).toHaveCount(2);
  await expect(chat.conversation.getByRole('article', { name: 'You' }).first()).toBeVisible();
  // On paper that is several pages (the screen's view of it was one).
  const pdf = await page.pdf();
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBeGreaterThan(1);
});
