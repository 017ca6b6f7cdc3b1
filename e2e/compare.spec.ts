// The compare view: one message to several models at once, each lane a
// region named by its model, with its own usage, time to first token and
// tokens per second. Its lanes live in the URL, so a link reproduces it.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator } from '@playwright/test';
import { ChatPage } from './chat-page.ts';

const GROQ = 'groq/llama-3.3-70b-versatile';
const OPENAI = 'openai/gpt-4o-mini';
const GEMINI = 'google/models/gemini-2.5-flash';

const lane = (chat: ChatPage, model: string): Locator => chat.page.getByRole('region', { name: model, exact: true });
/** Whether a model's name (its last part, as ModelName shows it) is cut short with an ellipsis. */
const cut = (element: Locator): Promise<boolean> => element.locator('span > span').last().evaluate((name) => name.scrollWidth > name.clientWidth);

test('a link with lanes opens them; one message streams in every lane, each with its own figures', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${GROQ},${OPENAI}`);
  await expect(lane(chat, GROQ)).toBeVisible();
  await expect(lane(chat, OPENAI)).toBeVisible();

  await chat.message.fill('hello');
  await chat.message.press('Enter');
  // Over the lanes, the last message's speed side by side, live while the slower lane streams.
  const speed = page.getByRole('table', { name: 'Speed of the last message in each lane' });
  const row = (model: string): Locator => speed.getByRole('row').filter({ has: page.getByRole('rowheader', { name: model, exact: true }) });
  await expect(row(OPENAI)).toContainText(/≈ \d+ tok\/sstreaming…/);
  for (const model of [GROQ, OPENAI]) {
    const reply = lane(chat, model).getByRole('article', { name: 'Assistant' });
    await chat.waitForSettled(reply);
    await expect(reply).toContainText('demo gateway');
    await expect(reply).toContainText(model);
    const usage = chat.usage(reply);
    await expect(usage).toContainText(/Total tokens\s*\d+/);
    await expect(lane(chat, model)).toContainText(/Time to first token\s*\d+(\.\d)?\s*m?s/);
    await expect(lane(chat, model)).toContainText(/Tokens per second\s*[\d,.]+/);
  }
  // Settled: reported rates, totals, and the fast model wins both columns.
  for (const model of [GROQ, OPENAI]) {
    await expect(row(model)).toContainText(/\d+ ms/);
    await expect(row(model)).toContainText(/\d tok\/s/);
    // The speed is the reported one, not the estimate.
    await expect(row(model).getByRole('cell').nth(1)).not.toContainText('≈');
    // The total time, then the cost at the gateway's prices, then the pace.
    await expect(row(model)).toContainText(/\d+(\.\d)? m?s\$0\.0\d+(cheapest★)?Pace over the reply: up to ≈ [\d,]+ tok\/s, no pause of a second or more$/);
  }
  await expect(row(GROQ).getByText('fastest')).toHaveCount(2);
  await expect(row(OPENAI).getByText('fastest')).toHaveCount(0);
  // The same reply costs less at gpt-4o-mini's prices ($0.15 and $0.60 per million) than at llama's ($0.59 and $0.79).
  await expect(speed.getByRole('columnheader', { name: 'Cost' })).toBeVisible();
  await expect(row(OPENAI).getByText('cheapest')).toHaveCount(1);
  await expect(row(GROQ).getByText('cheapest')).toHaveCount(0);
  const streams = (await chat.demoStreams()).slice(-2);
  expect(streams.map((s) => s.model).toSorted()).toEqual([GROQ, OPENAI].toSorted());
  for (const stream of streams) expect(stream.messages.at(-1)).toEqual({ role: 'user', content: 'hello' });

  // Each lane keeps its own history with its own model.
  await chat.message.fill('thanks');
  await chat.message.press('Enter');
  await chat.waitForSettled(lane(chat, OPENAI).getByRole('article', { name: 'Assistant' }).last());
  await chat.waitForSettled(lane(chat, GROQ).getByRole('article', { name: 'Assistant' }).last());
  const openaiStream = (await chat.demoStreams()).findLast((s) => s.model === OPENAI)!;
  expect(openaiStream.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);

  // With two replies in each lane the table can give the figures of all of them: medians, and the cost summed.
  const figuresOf = page.getByRole('group', { name: 'Figures of' });
  await expect(figuresOf.getByRole('button', { name: 'Last message' })).toHaveAttribute('aria-pressed', 'true');
  await figuresOf.getByRole('button', { name: 'All messages' }).click();
  const overAll = page.getByRole('table', { name: 'Speed over all messages in each lane' });
  await expect(overAll).toBeVisible();
  await expect(figuresOf).toContainText('Medians of 2 replies a lane; cost is their sum.');
  for (const model of [GROQ, OPENAI]) {
    const costs = await lane(chat, model)
      .getByRole('region', { name: 'Usage' })
      .locator('div', { has: page.locator('dt', { hasText: /^Cost$/ }) })
      .locator('dd')
      .allTextContents();
    expect(costs).toHaveLength(2);
    const sum = costs.reduce((total, text) => total + Number(text.replace('$', '')), 0);
    const cell = overAll.getByRole('row').filter({ has: page.getByRole('rowheader', { name: model, exact: true }) }).getByRole('cell').nth(3);
    // Each reply's cost is shown to 3 figures, so their sum may differ from the table's in the last one.
    const shown = Number((await cell.textContent())?.match(/\$([\d.]+)/)?.[1]);
    expect(Math.abs(shown - sum) / sum).toBeLessThan(0.01);
  }
  await figuresOf.getByRole('button', { name: 'Last message' }).click();
  await expect(page.getByRole('table', { name: 'Speed of the last message in each lane' })).toBeVisible();
});

test('Compare opens from the chat; Add lane adds the model picked above and the URL follows; Remove takes it away', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await page.getByRole('link', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/compare$/);
  await expect(chat.message).toHaveAttribute('placeholder', 'Add a lane to compare');

  const add = page.getByRole('button', { name: 'Add lane' });
  await chat.model.selectOption(GROQ);
  await add.click();
  await expect(add).toBeDisabled();
  await chat.model.selectOption(GEMINI);
  await add.click();
  await expect(lane(chat, GROQ)).toBeVisible();
  await expect(lane(chat, GEMINI)).toBeVisible();
  await expect(page).toHaveURL(`/compare?lanes=${GROQ},${GEMINI}`);

  await lane(chat, GROQ).getByRole('button', { name: `Remove ${GROQ}` }).click();
  await expect(lane(chat, GROQ)).toHaveCount(0);
  await expect(page).toHaveURL(`/compare?lanes=${GEMINI}`);

  // The link reproduces the set-up in a new page.
  await page.reload();
  await expect(lane(chat, GEMINI)).toBeVisible();
  await expect(chat.page.getByRole('region', { name: GROQ })).toHaveCount(0);
});

test('Stop stops every lane, each keeping what it had; the lanes survive a trip to the chat', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${GROQ},${GEMINI}`);
  await chat.message.fill('Run a stress test');
  await chat.message.press('Enter');
  for (const model of [GROQ, GEMINI]) await expect(lane(chat, model).getByRole('article', { name: 'Assistant' })).toContainText('streamed answer');
  await chat.stop.click();
  for (const model of [GROQ, GEMINI]) {
    const reply = lane(chat, model).getByRole('article', { name: 'Assistant' });
    await expect(reply).toHaveAttribute('aria-busy', 'false');
    await expect(reply).toContainText('Stopped');
  }
  await expect.poll(async () => (await chat.demoStreams()).slice(-2).map((s) => s.outcome)).toEqual(['client-closed', 'client-closed']);

  await page.getByRole('link', { name: 'Chat', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(chat.conversation).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(`/compare?lanes=${GROQ},${GEMINI}`);
  await expect(lane(chat, GEMINI).getByRole('article', { name: 'Assistant' })).toContainText('Stopped');
});

test('Continue has one stopped lane go on where it stopped, with that lane’s model; the other lane keeps what it had', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${GROQ},${OPENAI}`);
  // A long answer, so that Stop finds both lanes streaming.
  await chat.message.fill('Run a stress test');
  await chat.message.press('Enter');
  for (const model of [GROQ, OPENAI]) await expect(lane(chat, model).getByRole('article', { name: 'Assistant' })).toContainText('streamed answer');
  await chat.stop.click();
  const groq = lane(chat, GROQ).getByRole('article', { name: 'Assistant' });
  const openai = lane(chat, OPENAI).getByRole('article', { name: 'Assistant' });
  for (const reply of [groq, openai]) await expect(reply.getByText('Stopped', { exact: true })).toBeVisible();
  const kept = await openai.locator('.markdown').textContent();
  const partial = (await groq.locator('.markdown').textContent()) ?? '';
  await groq.getByRole('button', { name: 'Continue' }).click();
  await chat.waitForSettled(groq);
  const sent = await chat.lastDemoStream();
  expect(sent.model).toBe(GROQ);
  expect(sent.messages.at(-1)?.role).toBe('assistant');
  await expect(groq.getByText('Stopped', { exact: true })).toHaveCount(0);
  await expect(chat.usage(groq)).toContainText('Continued: these figures are for the part after Continue.');
  // The speed table says whose figures are a continuation's, beside the others' whole replies.
  await expect(page.getByText(`Continued: ${GROQ}. Its times and speeds are for the part after Continue; its cost counts every part, when each reported usage.`)).toBeVisible();
  expect(((await groq.locator('.markdown').textContent()) ?? '').length).toBeGreaterThan(partial.length);
  // The other lane was not asked again.
  await expect(openai.getByText('Stopped', { exact: true })).toBeVisible();
  await expect(openai.locator('.markdown')).toHaveText(kept ?? '');
  await expect(openai.getByRole('button', { name: 'Continue' })).toBeVisible();
});

test('a reload brings the lanes’ replies back; one cut by the reload keeps its text, marked Interrupted; Clear lanes forgets them', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${GROQ},${OPENAI}`);
  await chat.message.fill('hello');
  await chat.message.press('Enter');
  const groqReply = lane(chat, GROQ).getByRole('article', { name: 'Assistant' });
  await chat.waitForSettled(groqReply);
  const groqText = await groqReply.locator('.markdown').textContent();
  // The slower lane is still streaming: reload once part of it has been written.
  const openaiReply = lane(chat, OPENAI).getByRole('article', { name: 'Assistant' });
  await expect(openaiReply).toHaveAttribute('aria-busy', 'true');
  await expect
    .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('gateway-chat.compare') ?? '{}')['openai/gpt-4o-mini']?.[1]?.content?.length ?? 0))
    .toBeGreaterThan(20);
  await page.reload();

  await expect(lane(chat, GROQ).getByRole('article', { name: 'You' })).toHaveText(/hello/);
  await expect(groqReply.locator('.markdown')).toHaveText(groqText ?? '');
  await expect(chat.usage(groqReply)).toContainText(/Total tokens\s*\d+/);
  await expect(openaiReply).toHaveAttribute('aria-busy', 'false');
  await expect(openaiReply.getByText('Interrupted', { exact: true })).toBeVisible();
  await expect(openaiReply.locator('.markdown')).not.toBeEmpty();

  await page.getByRole('button', { name: 'Clear lanes' }).click();
  await page.reload();
  await expect(lane(chat, GROQ)).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
});

test('when the browser refuses to store the lanes’ replies, the view says so and the lanes go on working', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === 'gateway-chat.compare') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${GROQ}`);
  await expect(page.getByText(/not kept across a reload/)).toHaveCount(0);
  await chat.message.fill('hello');
  await chat.message.press('Enter');
  await chat.waitForSettled(lane(chat, GROQ).getByRole('article', { name: 'Assistant' }));
  await expect(page.getByText('Replies here are not kept across a reload: this browser refused storage.')).toBeVisible();
});

test('Regenerate asks one lane’s model again, even while another lane streams; Edit sends the edited message to every lane, keeping what followed as an earlier version', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${GROQ},${OPENAI}`);
  const reply = (model: string): Locator => lane(chat, model).getByRole('article', { name: 'Assistant' });
  const streamsOf = async (model: string) => (await chat.demoStreams()).filter((s) => s.model === model);
  await chat.message.fill('hello');
  await chat.message.press('Enter');
  await chat.waitForSettled(reply(GROQ));
  // The slower lane still streams: no message can be edited yet, but the settled lane can ask again.
  await expect(reply(OPENAI)).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  const groqBefore = (await streamsOf(GROQ)).length;
  const openaiBefore = (await streamsOf(OPENAI)).length;
  await lane(chat, GROQ).getByRole('button', { name: 'Regenerate' }).click();
  await expect.poll(async () => (await streamsOf(GROQ)).length).toBe(groqBefore + 1);
  await chat.waitForSettled(reply(GROQ));
  await expect(lane(chat, GROQ).getByRole('article', { name: 'You' })).toHaveText(/hello/);
  const again = (await streamsOf(GROQ)).at(-1)!;
  expect(again.messages.map((m) => m.role)).toEqual(['system', 'user']);
  expect(again.messages.at(-1)).toEqual({ role: 'user', content: 'hello' });
  // The other lane was not asked again.
  await chat.waitForSettled(reply(OPENAI));
  expect(await streamsOf(OPENAI)).toHaveLength(openaiBefore);

  // Editing the message in one lane sends it to both, in place of the old one and its replies.
  await lane(chat, OPENAI).getByRole('button', { name: 'Edit' }).click();
  await expect(lane(chat, OPENAI).getByText('Saving sends it to every lane again; in each, this message and the replies after it are kept as an earlier version.')).toBeVisible();
  const box = lane(chat, OPENAI).getByRole('textbox', { name: 'Edited prompt' });
  await box.fill('hello again');
  await box.press('Enter');
  for (const model of [GROQ, OPENAI]) {
    await expect(lane(chat, model).getByRole('article', { name: 'You' })).toHaveText(/hello again/);
    await chat.waitForSettled(reply(model));
    const last = (await streamsOf(model)).at(-1)!;
    expect(last.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(last.messages.at(-1)).toEqual({ role: 'user', content: 'hello again' });
  }
  expect(await streamsOf(GROQ)).toHaveLength(groqBefore + 2);
  expect(await streamsOf(OPENAI)).toHaveLength(openaiBefore + 1);

  // Each lane kept the old message with its reply: showing it brings every lane back to it.
  const versionsIn = (model: string) => lane(chat, model).getByRole('article', { name: 'You' }).getByRole('group', { name: 'Versions' });
  for (const model of [GROQ, OPENAI]) await expect(versionsIn(model)).toHaveText('‹2 / 2›');
  await versionsIn(GROQ).getByRole('button', { name: 'Previous version' }).click();
  for (const model of [GROQ, OPENAI]) {
    await expect(versionsIn(model)).toHaveText('‹1 / 2›');
    await expect(lane(chat, model).getByRole('article', { name: 'You' })).toHaveText(/hello(?! again)/);
  }
  // The groq lane's regenerated reply comes back with its own earlier version.
  await expect(reply(GROQ).getByRole('group', { name: 'Versions' })).toHaveText(/2 \/ 2/);
  await expect(reply(OPENAI).getByRole('group', { name: 'Versions' })).toHaveCount(0);
});

test('five lanes side by side each follow their reply to its end as its table grows, and each lane and row shows its model’s name whole', async ({ page }) => {
  const models = [GROQ, OPENAI, 'anthropic/claude-sonnet-4-5', 'deepseek/deepseek-reasoner', GEMINI];
  // Lanes of about 220 px: a laptop's window, and the narrower the lanes, the more the tables rewrap.
  await page.setViewportSize({ width: 1100, height: 720 });
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${models.join(',')}`);
  await chat.message.fill('Compare providers in a table');
  await chat.message.press('Enter');
  for (const model of models) await chat.waitForSettled(lane(chat, model).getByRole('article', { name: 'Assistant' }));
  // In 256 px lanes the table's columns rewrap as rows come, and the browser's
  // scroll anchoring moved a following view up: it let go of the reply.
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
  for (const model of models) {
    const fromEnd = await lane(chat, model)
      .getByRole('log')
      .evaluate((view) => view.scrollHeight - view.scrollTop - view.clientHeight);
    expect(fromEnd, model).toBeLessThanOrEqual(1);
  }
  // At 1280 px (lanes of 256), each lane's heading drops the provider (the
  // table above has it) rather than cut the model's name; the table has both.
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const model of models) {
    const heading = lane(chat, model).getByRole('heading', { name: model, exact: true });
    await expect(heading).toHaveText(model.slice(model.lastIndexOf('/') + 1), { useInnerText: true });
    expect(await cut(heading), model).toBe(false);
    const rowHeader = page.getByRole('rowheader', { name: model, exact: true });
    await expect(rowHeader).toHaveText(model);
    expect(await cut(rowHeader), model).toBe(false);
  }
});

test('on a phone the speed table fits without scrolling sideways: winners get a star named like the word', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${GROQ},${OPENAI}`);
  await chat.message.fill('hello');
  await chat.message.press('Enter');
  for (const model of [GROQ, OPENAI]) await chat.waitForSettled(lane(chat, model).getByRole('article', { name: 'Assistant' }));
  const speed = page.getByRole('table', { name: 'Speed of the last message in each lane' });
  await expect(speed.getByRole('columnheader', { name: 'Cost' })).toBeVisible();
  await expect(speed.getByRole('columnheader', { name: 'Total' })).toBeHidden();
  await expect(speed.getByRole('img', { name: 'fastest' })).toHaveCount(2);
  await expect(speed.getByRole('img', { name: 'cheapest' })).toHaveCount(1);
  const [width, room] = await speed.evaluate((table) => [table.scrollWidth, table.parentElement!.clientWidth]);
  expect(width).toBeLessThanOrEqual(room);
  // Each lane shows its model's own name (a cut "openai/gpt-…" would hide it); the row is still named by the full id.
  await expect(speed.getByRole('rowheader', { name: OPENAI, exact: true })).toHaveText(OPENAI.slice(OPENAI.indexOf('/') + 1), { useInnerText: true });
  // A name too long for the column wraps, whole, rather than being cut ("llama-3.3-7…").
  const long = speed.getByRole('rowheader', { name: GROQ, exact: true });
  await expect(long).toHaveText(GROQ.slice(GROQ.indexOf('/') + 1), { useInnerText: true });
  const name = long.locator('span > span').last();
  expect(await name.evaluate((element) => [element.scrollWidth <= element.clientWidth, element.getClientRects().length > 0 && element.getBoundingClientRect().height > 20])).toEqual([true, true]);
});

test('Replay lanes plays every lane’s last reply again from one start, side by side, without asking the models', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${GROQ},${OPENAI}`);
  await expect(page.getByRole('button', { name: 'Replay lanes' })).toHaveCount(0);
  await chat.message.fill('Explain goroutines vs threads');
  await chat.message.press('Enter');
  const replies = [GROQ, OPENAI].map((model) => lane(chat, model).getByRole('article', { name: 'Assistant' }));
  for (const reply of replies) await chat.waitForSettled(reply);
  const finals = await Promise.all(replies.map((reply) => reply.locator('.markdown').textContent()));
  const streams = (await chat.demoStreams()).length;
  // The lanes' paces side by side in the speed table, the fast lane's peak the higher.
  const speed = page.getByRole('table', { name: 'Speed of the last message in each lane' });
  await expect(speed.getByRole('columnheader', { name: 'Pace' })).toBeVisible();
  const peaks = await speed.getByRole('img', { name: /^Pace over the reply/ }).evaluateAll((images) =>
    images.map((image) => Number(/≈ ([\d,]+) tok/.exec(image.getAttribute('aria-label') ?? '')?.[1]?.replace(/,/g, ''))),
  );
  expect(peaks).toHaveLength(2);
  expect(peaks[0]).toBeGreaterThan(peaks[1]!);

  await page.getByRole('button', { name: 'Replay lanes' }).click();
  // Both lanes replay at once: the fast lane has not ended before the slow one began.
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll('article[aria-label="Assistant"]')].map((a) => a.getAttribute('aria-busy'))))
    .toEqual(['true', 'true']);
  // The slower lane is still replaying, with the lane's own controls.
  await expect(replies[1]!.getByText('Replay 1×', { exact: true })).toBeVisible();
  await expect(replies[1]!.getByRole('button', { name: 'Stop replay' })).toBeVisible();
  // Each ends as it was.
  for (const [i, reply] of replies.entries()) {
    await expect(reply.getByRole('button', { name: 'Replay', exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(reply).toHaveAttribute('aria-busy', 'false');
    expect(await reply.locator('.markdown').textContent()).toBe(finals[i]);
  }
  expect((await chat.demoStreams()).length).toBe(streams);
});

test('under the box, the next prompts’ sizes and what sending to every lane would cost, each lane reckoned from its own history', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${GROQ},${OPENAI}`);
  const form = page.locator('form').filter({ has: chat.message });
  const line = form.getByText(/^Next prompts ≈/);
  await expect(line).toHaveCount(0);
  // Prompt prices: llama $0.59, gpt-4o-mini $0.15 per million tokens; both windows over 100K.
  const perToken = (0.59 + 0.15) / 1e6;
  const check = async (): Promise<void> => {
    const text = (await line.textContent()) ?? '';
    const match = /^Next prompts ≈ ([\d,]+)(?:–([\d,]+))? tokens(?: each)? · up to (?:<0\.1|\d+\.\d)% of a window · ≈ \$([\d.]+) for all 2(?: · so far [\d,]+ tokens, \$[\d.]+)?$/.exec(text);
    expect(match, text).not.toBeNull();
    const low = Number(match![1]!.replace(/,/g, ''));
    const high = Number((match![2] ?? match![1]!).replace(/,/g, ''));
    const cost = Number(match![3]);
    // The total lies between both lanes at the smaller prompt and both at the larger (shown to 3 figures).
    expect(cost).toBeGreaterThanOrEqual(Number((low * perToken).toPrecision(3)) * 0.99);
    expect(cost).toBeLessThanOrEqual(Number((high * perToken).toPrecision(3)) * 1.01);
  };
  await chat.message.fill('hello');
  await expect(line).toBeVisible();
  // The tooltip is the line's (its full text and its phone's are two spans in it).
  await expect(line.locator('..')).toHaveAttribute('title', /^Each lane sends its own conversation/);
  // Nothing said yet: the same prompt in both lanes.
  await expect(line).toContainText(' tokens each ·');
  await check();
  await chat.message.press('Enter');
  for (const model of [GROQ, OPENAI]) await chat.waitForSettled(lane(chat, model).getByRole('article', { name: 'Assistant' }));
  await chat.message.fill('thanks');
  await expect(line).toBeVisible();
  await check();
  // Each lane's estimate grew by its own reply: above both prompts the gateway counted.
  const streams = (await chat.demoStreams()).slice(-2);
  const counted = streams.map((stream) => stream.usage.prompt_tokens);
  const low = Number((await line.textContent())?.match(/≈ ([\d,]+)/)?.[1]?.replace(/,/g, ''));
  expect(low).toBeGreaterThan(Math.max(...counted));
  // And what both lanes took so far: the gateway's counts, each at its model's prices.
  const tokens = streams.reduce((sum, stream) => sum + stream.usage.total_tokens, 0);
  const prices: Record<string, [number, number]> = { [GROQ]: [0.59, 0.79], [OPENAI]: [0.15, 0.6] };
  const spent = streams.reduce((sum, { model, usage }) => sum + (usage.prompt_tokens * prices[model]![0] + usage.completion_tokens * prices[model]![1]) / 1e6, 0);
  await expect(line).toContainText(` · so far ${tokens.toLocaleString('en-US')} tokens, $${Number(spent.toPrecision(3))}`);
});

test('Blind test shuffles the lanes and calls them Model A, B and C, without a name or figure, from before the send; pressed again, each says which model it was', async ({ page }) => {
  const chat = new ChatPage(page);
  const models = [GROQ, OPENAI, GEMINI];
  const letters = ['Model A', 'Model B', 'Model C'];
  const main = page.getByRole('main');
  const blindLane = (name: string): Locator => page.getByRole('region', { name, exact: true });
  await chat.open(`/compare?lanes=${models.join(',')}`);
  const blind = page.getByRole('button', { name: 'Blind test' });
  await expect(blind).toHaveAttribute('aria-pressed', 'false');
  // On before the send: no reply names its model as it streams.
  await blind.click();
  await expect(blind).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Add lane' })).toBeDisabled();
  // A reply longer than a lane is tall, so each lane follows it to its end.
  await chat.message.fill('Explain goroutines vs threads');
  await chat.message.press('Enter');
  await expect(blindLane('Model A').getByRole('article', { name: 'Assistant' })).toHaveAttribute('aria-busy', 'true');
  const nameless = async (): Promise<void> => {
    for (const model of models) {
      await expect(lane(chat, model)).toHaveCount(0);
      // Not in the lanes, nor in a speed table over them (the header's picker lists every model).
      await expect(main).not.toContainText(model);
    }
    // No figures either: a price or a context window points at one model.
    await expect(page.getByRole('region', { name: 'Usage' })).toHaveCount(0);
  };
  await nameless();
  for (const name of letters) await chat.waitForSettled(blindLane(name).getByRole('article', { name: 'Assistant' }));
  await nameless();
  await expect(page.getByRole('button', { name: 'Export comparison' })).toBeDisabled();
  // The replies can be read and judged whole.
  for (const name of letters) await expect(blindLane(name).getByRole('article', { name: 'Assistant' })).toContainText('goroutine');

  /** Pressed again: each lane named by its model, saying what it was called, in the blind test's order, at its reply's end. */
  const reveal = async (): Promise<void> => {
    await blind.click();
    await expect(blind).toHaveAttribute('aria-pressed', 'false');
    const called = await Promise.all(
      models.map(async (model) => {
        // The lane's own heading (its reply has headings of its own).
        const name = (await lane(chat, model).getByRole('heading', { level: 2 }).first().getAttribute('aria-label')) ?? '';
        expect(name).toMatch(new RegExp(`^Model [ABC]: ${model}$`));
        return { letter: name.slice(0, 'Model A'.length), x: (await lane(chat, model).boundingBox())?.x ?? -1 };
      }),
    );
    expect(called.map((c) => c.letter).toSorted()).toEqual(letters);
    expect(called.toSorted((a, b) => a.x - b.x).map((c) => c.letter)).toEqual(letters);
    // The speed table's rows in the lanes' order.
    const byLetter = models.toSorted((a, b) => called[models.indexOf(a)]!.letter.localeCompare(called[models.indexOf(b)]!.letter));
    await expect.poll(() => page.getByRole('rowheader').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label')))).toEqual(byLetter);
    await expect(page.getByRole('region', { name: 'Usage' })).toHaveCount(3);
    await expect(page.getByRole('button', { name: 'Export comparison' })).toBeEnabled();
    await expect(main.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
  };
  await reveal();
  // Again, with the replies there: shuffled anew, each lane still at its reply's end (a lane moved in the page lost its place).
  await blind.click();
  for (const name of letters) await expect(blindLane(name)).toBeVisible();
  await nameless();
  await expect(main.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
  await reveal();
  // A reload is the plain view again, in the link's order.
  await page.reload();
  for (const model of models) await expect(lane(chat, model).getByRole('heading', { level: 2 }).first()).toHaveAttribute('aria-label', model);
});

test('in a blind test each lane’s reply can be picked as the best; shown again, the picked lane says so, with a tally over the messages, kept across a reload and in the export', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${GROQ},${OPENAI}`);
  const blind = page.getByRole('button', { name: 'Blind test' });
  await blind.click();
  const pick = (letter: string): Locator => page.getByRole('button', { name: `Pick ${letter}`, exact: true });
  const ask = async (text: string): Promise<void> => {
    await chat.message.fill(text);
    await chat.message.press('Enter');
    for (const name of ['Model A', 'Model B']) await chat.waitForSettled(page.getByRole('region', { name, exact: true }).getByRole('article', { name: 'Assistant' }).last());
  };
  await ask('hello');
  await expect(pick('Model A')).toHaveAttribute('aria-pressed', 'false');
  await pick('Model B').click();
  await expect(pick('Model B')).toHaveAttribute('aria-pressed', 'true');
  // One pick a message: another lane takes it.
  await pick('Model A').click();
  await expect(pick('Model A')).toHaveAttribute('aria-pressed', 'true');
  await expect(pick('Model B')).toHaveAttribute('aria-pressed', 'false');
  // Which lane won is not said while the models are hidden.
  await expect(page.getByText(/^★ Picked blind:/)).toHaveCount(0);

  // Shown again: the picked lane says so, and the tally names it.
  await blind.click();
  await expect(pick('Model A')).toHaveCount(0);
  const heading = async (model: string) => (await lane(chat, model).getByRole('heading', { level: 2 }).first().getAttribute('aria-label')) ?? '';
  const picked = (await heading(GROQ)).startsWith('Model A') ? GROQ : OPENAI;
  await expect(lane(chat, picked).getByText('★ Picked', { exact: true })).toBeVisible();
  await expect(lane(chat, picked === GROQ ? OPENAI : GROQ).getByText('★ Picked', { exact: true })).toHaveCount(0);
  await expect(page.getByText(/^★ Picked blind:/)).toHaveText(`★ Picked blind: ${picked} 1 of 1`);

  // A second blind message (the lanes shuffled anew), Model B picked: the tally is over both.
  await blind.click();
  await ask('Explain goroutines vs threads');
  await pick('Model B').click();
  await expect(pick('Model B')).toHaveAttribute('aria-pressed', 'true');
  await blind.click();
  const second = (await heading(GROQ)).startsWith('Model B') ? GROQ : OPENAI;
  const tally = page.getByText(/^★ Picked blind:/);
  if (second === picked) await expect(tally).toHaveText(`★ Picked blind: ${picked} 2 of 2`);
  else for (const model of [GROQ, OPENAI]) await expect(tally).toContainText(`${model} 1 of 2`);
  // The lanes' headings speak of the last message's pick.
  await expect(lane(chat, second).getByText('★ Picked', { exact: true })).toBeVisible();
  await expect(lane(chat, second === GROQ ? OPENAI : GROQ).getByText('★ Picked', { exact: true })).toHaveCount(0);

  // Kept with the replies: a reload, and the export.
  const said = await tally.textContent();
  await page.reload();
  await expect(page.getByText(/^★ Picked blind:/)).toHaveText(said!);
  const file = await chat.exportFile('Export comparison', 'Markdown (.md)');
  const text = await readFile(file.path, 'utf8');
  // Each lane's replies in turn, in the lanes' order: each pick under its own lane.
  const expected = [GROQ, OPENAI].flatMap((model) => [picked, second].filter((winner) => winner === model).map(() => `### Assistant (${model}) · picked in a blind test`));
  expect(text.match(/### Assistant \([^)]+\) · picked in a blind test/g)).toEqual(expected);
});

test('Export comparison saves the race as Markdown: the last message, each lane’s figures with the best marked, then every lane’s replies', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${GROQ},${OPENAI}`);
  const exportButton = page.getByRole('button', { name: 'Export comparison' });
  await expect(exportButton).toHaveCount(0);
  await chat.message.fill('hello');
  await chat.message.press('Enter');
  // Not while the lanes stream: the file would hold half a race.
  await expect(exportButton).toBeDisabled();
  for (const model of [GROQ, OPENAI]) await chat.waitForSettled(lane(chat, model).getByRole('article', { name: 'Assistant' }));
  const file = await chat.exportFile('Export comparison', 'Markdown (.md)');
  expect(file.name).toBe('compare-hello.md');
  const text = await readFile(file.path, 'utf8');
  expect(text.startsWith(`# Comparison: ${GROQ}, ${OPENAI}\n\n## Last message\n\n> hello\n\n| Model | First token | Tokens a second | Total time | Cost |\n|---|---:|---:|---:|---:|\n`)).toBe(true);
  // groq's llama is the faster on both counts, gpt-4o-mini the cheaper (as the speed table says).
  expect(text).toMatch(new RegExp(`\\| \`${GROQ}\` \\| \\d+ ms \\(fastest\\) \\| [\\d,]+\\.\\d \\(fastest\\) \\| \\d+(\\.\\d)? m?s \\| \\$0\\.0\\d+ \\|\\n`));
  expect(text).toMatch(new RegExp(`\\| \`${OPENAI}\` \\| \\d+(\\.\\d)? m?s \\| [\\d,]+\\.\\d \\| \\d+(\\.\\d)? m?s \\| \\$0\\.0\\d+ \\(cheapest\\) \\|\\n`));
  // Then each lane's turns under its model, with the reply's tokens and measured figures.
  for (const model of [GROQ, OPENAI]) {
    const section = text.slice(text.indexOf(`\n## ${model}\n`));
    expect(section).toMatch(new RegExp(`^\\n## ${model}\\n\\n### You\\n\\nhello\\n\\n### Assistant \\(${model}\\)\\n\\n[^]*demo gateway`));
    expect(section).toMatch(/_Tokens: \d+ prompt, \d+ completion, \d+ total\._\n\n_First token \d+(\.\d)? m?s · [\d,]+\.\d tok\/s · total \d+(\.\d)? m?s · \$0\.0\d+ at the gateway's prices\._/);
  }
});

// The reply's text, less its buttons' words (a code block's Copy): the export has no buttons.
const replyText = async (on: Locator) =>
  on.getByRole('article', { name: 'Assistant' }).locator('.markdown').evaluate((reply) => {
    const copy = reply.cloneNode(true) as Element;
    for (const button of copy.querySelectorAll('button')) button.remove();
    return copy.textContent;
  });

test('Export comparison as a web page: the speed table, then the lanes side by side at their whole length, with nothing to press', async ({ page }) => {
  const chat = new ChatPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await chat.open(`/compare?lanes=${GROQ},${OPENAI}`);
  await chat.message.fill('Explain goroutines vs threads');
  await chat.message.press('Enter');
  for (const model of [GROQ, OPENAI]) await chat.waitForSettled(lane(chat, model).getByRole('article', { name: 'Assistant' }));
  const shown: Record<string, string | null> = { [GROQ]: await replyText(lane(chat, GROQ)), [OPENAI]: await replyText(lane(chat, OPENAI)) };
  // Each lane's reply is longer than the lane here: it scrolls in its lane.
  expect(await lane(chat, GROQ).getByRole('log').evaluate((log) => log.scrollHeight > log.clientHeight)).toBe(true);

  const file = await chat.exportFile('Export comparison', 'Web page (.html), to share');
  expect(file.name).toBe('compare-explain-goroutines-vs-threads.html');
  const exported = await file.open();
  await exported.setViewportSize({ width: 1280, height: 800 });
  await expect(exported.getByRole('heading', { level: 1 })).toHaveText('Compared: Explain goroutines vs threads');
  await expect(exported.getByText(/^Exported from Gateway Chat on .* · 2 models: /)).toContainText(`2 models: ${GROQ}, ${OPENAI}`);
  // The speed table, a row a lane.
  for (const model of [GROQ, OPENAI]) await expect(exported.getByRole('rowheader', { name: model })).toBeVisible();
  const lanes = [GROQ, OPENAI].map((model) => exported.getByRole('region', { name: model, exact: true }));
  for (const [i, model] of [GROQ, OPENAI].entries()) {
    expect(await replyText(lanes[i]!)).toBe(shown[model]);
    await expect(chat.usage(lanes[i]!.getByRole('article', { name: 'Assistant' }))).toContainText('Total tokens');
    // Whole: the lane is as long as its reply, and the page scrolls instead.
    expect(await lanes[i]!.getByRole('log').evaluate((log) => log.scrollHeight - log.clientHeight)).toBeLessThanOrEqual(1);
  }
  // Side by side, as here.
  const [first, second] = [await lanes[0]!.boundingBox(), await lanes[1]!.boundingBox()];
  expect(second!.x).toBeGreaterThan(first!.x + first!.width - 2);
  expect(second!.y).toBe(first!.y);
  await expect(exported.getByRole('button')).toHaveCount(0);
  expect(await exported.locator('script').count()).toBe(0);
});

test('a lane a link names for a model that only makes images says so, and a message goes to the other lanes only', async ({ page }) => {
  const IMAGES = 'openai/gpt-image-1';
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${OPENAI},${IMAGES}`);
  await expect(lane(chat, IMAGES)).toContainText(`${IMAGES} makes images only and cannot chat: a message is not sent to this lane.`);
  await expect(lane(chat, OPENAI)).toContainText('Replies from this model appear here.');
  const before = (await chat.demoStreams()).length;
  await chat.message.fill('hello');
  await chat.message.press('Enter');
  await chat.waitForSettled(lane(chat, OPENAI).getByRole('article', { name: 'Assistant' }));
  await expect(lane(chat, IMAGES).getByRole('article')).toHaveCount(0);
  expect((await chat.demoStreams()).slice(before).map((s) => s.model)).toEqual([OPENAI]);

  // With only that lane left, nothing can be sent, and the box says why.
  await lane(chat, OPENAI).getByRole('button', { name: `Remove ${OPENAI}` }).click();
  await expect(page).toHaveURL(`/compare?lanes=${IMAGES}`);
  await expect(chat.send).toBeDisabled();
  await expect(chat.message).toHaveAttribute('placeholder', 'No lane’s model can chat: add one that can');
});

test('an image goes to every lane whose model takes images; a lane whose model takes none holds it back, named', async ({ page }) => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');
  const chat = new ChatPage(page);
  await chat.open(`/compare?lanes=${OPENAI},${GEMINI},${GROQ}`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach images' }).click();
  await (await chooser).setFiles({ name: 'chart.png', mimeType: 'image/png', buffer: png });
  await chat.message.fill('What does this show?');
  await expect(page.getByRole('status').filter({ hasText: 'takes no images' })).toHaveText(`${GROQ} takes no images (so the gateway says): remove that lane, or the images.`);
  // The header's picker, which Add lane adds from, says it too.
  await expect(chat.model.locator(`option[value="${GROQ}"]`)).toHaveText(`${GROQ} (takes no images)`);
  await expect(chat.send).toBeDisabled();
  await lane(chat, GROQ).getByRole('button', { name: `Remove ${GROQ}` }).click();
  await chat.send.click();
  for (const model of [OPENAI, GEMINI]) {
    await expect(lane(chat, model).getByRole('article', { name: 'You' }).getByRole('button', { name: 'View chart.png' })).toBeVisible();
    const reply = lane(chat, model).getByRole('article', { name: 'Assistant' });
    await chat.waitForSettled(reply);
    await expect(reply).toContainText('I received one image with your message (PNG, 1 KB).');
  }
  const streams = (await chat.demoStreams()).slice(-2);
  for (const stream of streams) expect(stream.messages.at(-1)).toEqual({ role: 'user', content: 'What does this show?', images: [{ type: 'image/png', bytes: png.length }] });
});
