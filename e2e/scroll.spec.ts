// Reading while a reply streams. Scrolling never fights the reader: follow the
// reply only while at the bottom; any upward wheel, key, touch or scrollbar
// drag detaches; scrolling back to the end or "Jump to latest" follows again.
// Finished blocks keep their DOM, so a selection in them survives the rest of
// the stream.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ChatPage } from './chat-page.ts';

interface ScrollState {
  top: number;
  distanceFromBottom: number;
}

/** Reads the scroll position between frames, after the last commit's layout and scroll. */
const scrollState = (log: Locator): Promise<ScrollState> =>
  log.evaluate(
    (el) =>
      new Promise<ScrollState>((resolve) =>
        requestAnimationFrame(() => setTimeout(() => resolve({ top: el.scrollTop, distanceFromBottom: el.scrollHeight - el.scrollTop - el.clientHeight }))),
      ),
  );

const textLength = (reply: Locator): Promise<number> => reply.evaluate((el) => el.textContent?.length ?? 0);

/** The position once a user scroll (smooth keys, touch fling) has come to rest. */
async function restingScroll(log: Locator): Promise<ScrollState> {
  let last = -1;
  await expect
    .poll(async () => {
      const now = (await scrollState(log)).top;
      const rested = now === last;
      last = now;
      return rested;
    })
    .toBe(true);
  return scrollState(log);
}

/** Waits until the reply has grown by `chars` more characters than now. */
async function waitForGrowth(reply: Locator, chars: number): Promise<void> {
  const start = await textLength(reply);
  await expect.poll(() => textLength(reply)).toBeGreaterThan(start + chars);
}

/** The view keeps reaching the end of the reply as it grows, three times over. */
async function keepsFollowing(chat: ChatPage, reply: Locator): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await waitForGrowth(reply, 80);
    await expect.poll(async () => (await scrollState(chat.conversation)).distanceFromBottom).toBeLessThan(4);
  }
}

/** Wheels the conversation up while the reply streams: detached once Jump to latest shows; returns where the view came to rest. */
async function wheelUp(page: Page, chat: ChatPage, pixels: number): Promise<ScrollState> {
  await chat.conversation.hover();
  await page.mouse.wheel(0, -pixels);
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
  return restingScroll(chat.conversation);
}

async function streamLongReply(page: Page): Promise<{ chat: ChatPage; reply: Locator }> {
  await page.setViewportSize({ width: 900, height: 600 });
  const chat = new ChatPage(page);
  await chat.open();
  // The demo gateway's stress test: 28 KB in 73 blocks, about 15 seconds at
  // this model's pace, long enough that the renderer skips its middle blocks
  // while they are off screen.
  const reply = await chat.ask('Run a stress test', 'groq/llama-3.3-70b-versatile');
  // Enough text to overflow the log before testing.
  await expect.poll(async () => (await scrollState(chat.conversation)).top).toBeGreaterThan(150);
  return { chat, reply };
}

test.describe('scrolling while a reply streams', () => {
  test('follows the reply while the reader is at the bottom', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    await keepsFollowing(chat, reply);
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
    await chat.waitForSettled(reply);
    await expect(chat.usage(reply)).toBeInViewport();
  });

  test('the view growing taller while following (a phone keyboard closing) keeps following', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    // At the end, a taller view lowers the furthest position: the browser pulls
    // the position up to it, a scroll up that is nobody's intent.
    await page.setViewportSize({ width: 900, height: 720 });
    await keepsFollowing(chat, reply);
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
  });

  test('the next reply is followed too (the composer shrinks when a reply ends)', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    await chat.waitForSettled(reply);
    const next = await chat.ask('Run a stress test');
    await expect.poll(() => textLength(next)).toBeGreaterThan(500);
    await keepsFollowing(chat, next);
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
  });

  test('a message sent while the reader is scrolled up is followed: the view goes down to it and its reply', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    await chat.waitForSettled(reply);
    await wheelUp(page, chat, 1500);
    const next = await chat.ask('Run a stress test');
    await expect(chat.conversation.getByRole('article', { name: 'You' }).last()).toBeInViewport();
    await expect.poll(() => textLength(next)).toBeGreaterThan(500);
    await keepsFollowing(chat, next);
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
  });

  test('Continue, pressed while scrolled up, follows the reply as it goes on', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    await waitForGrowth(reply, 1500);
    await chat.stop.click();
    await expect(reply).toContainText('Stopped');
    await wheelUp(page, chat, 600);
    // From the keyboard, so pressing it does not scroll the button into view.
    const goOn = reply.getByRole('button', { name: 'Continue' });
    await goOn.evaluate((button: HTMLElement) => button.focus({ preventScroll: true }));
    await page.keyboard.press('Enter');
    await keepsFollowing(chat, reply);
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
  });

  test('a composer that grows keeps the end of the conversation in view', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    await chat.waitForSettled(reply);
    await expect.poll(async () => (await scrollState(chat.conversation)).distanceFromBottom).toBeLessThan(4);
    const before = (await chat.conversation.boundingBox())!.height;
    await chat.message.fill('a follow-up\nover\nfive\nlines\nof text');
    await expect.poll(async () => (await chat.conversation.boundingBox())!.height).toBeLessThan(before - 60);
    await expect.poll(async () => (await scrollState(chat.conversation)).distanceFromBottom).toBeLessThan(4);
    await expect(chat.usage(reply)).toBeInViewport();
  });

  test('text being selected with the mouse does not move while the reply streams', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    const box = (await chat.conversation.boundingBox())!;
    // Press in the reply's text and drag upwards, as a reader selecting what
    // they just read: the library waits while a mouse selects in the log.
    await page.mouse.move(box.x + 120, box.y + box.height - 80);
    await page.mouse.down();
    await page.mouse.move(box.x + 300, box.y + box.height - 140, { steps: 4 });
    const held = await scrollState(chat.conversation);
    await waitForGrowth(reply, 200);
    expect((await scrollState(chat.conversation)).top).toBe(held.top);
    await page.mouse.up();
  });

  test('a wheel scroll up detaches, and Jump to latest follows again', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    const detached = await wheelUp(page, chat, 250);
    await waitForGrowth(reply, 150);
    expect((await scrollState(chat.conversation)).top).toBe(detached.top);

    await page.getByRole('button', { name: 'Jump to latest' }).click();
    await expect.poll(async () => (await scrollState(chat.conversation)).distanceFromBottom).toBeLessThan(4);
    await waitForGrowth(reply, 80);
    await expect.poll(async () => (await scrollState(chat.conversation)).distanceFromBottom).toBeLessThan(4);
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
  });

  test('a key that scrolls up detaches', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    await chat.conversation.focus();
    await page.keyboard.press('PageUp');
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
    const detached = await restingScroll(chat.conversation);
    await waitForGrowth(reply, 150);
    expect((await scrollState(chat.conversation)).top).toBe(detached.top);
  });

  test('a scroll up with no wheel, key or touch (a scrollbar drag, find in page) detaches', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    // Headless Chromium's scrollbars overlay the content and cannot be grabbed:
    // move the scroll position itself, which is all the page sees of a drag.
    await chat.conversation.evaluate((el) => el.scrollBy({ top: -300 }));
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
    const detached = await restingScroll(chat.conversation);
    expect(detached.distanceFromBottom).toBeGreaterThan(200);
    await waitForGrowth(reply, 150);
    expect((await scrollState(chat.conversation)).top).toBe(detached.top);
  });

  test('scrolling back down to the end follows again', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    await wheelUp(page, chat, 250);
    await chat.conversation.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
    await keepsFollowing(chat, reply);
  });

  test('scrolling down to the end follows again when the reply grows between the scroll and its scroll event', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    await wheelUp(page, chat, 250);
    // As on a busy machine: the view goes to the end, and before the page hears
    // of it a commit adds more than "near the end" below (here 200 px at once).
    await chat.conversation.evaluate((log) => {
      log.scrollTo({ top: log.scrollHeight });
      (log.firstElementChild as HTMLElement).style.paddingBottom = '200px';
    });
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
    await keepsFollowing(chat, reply);
  });

  test('a touch drag up detaches', async ({ browser }) => {
    const context = await browser.newContext({ hasTouch: true });
    const page = await context.newPage();
    const { chat, reply } = await streamLongReply(page);
    const box = (await chat.conversation.boundingBox())!;
    const cdp = await context.newCDPSession(page);
    // A finger moving down the screen scrolls the content up.
    const x = Math.round(box.x + box.width / 2);
    const y = Math.round(box.y + 60);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let step = 1; step <= 10; step++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + step * 20 }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
    const detached = await restingScroll(chat.conversation);
    await waitForGrowth(reply, 150);
    expect((await scrollState(chat.conversation)).top).toBe(detached.top);
    await context.close();
  });

  test('Jump to latest reaches the end of a long reply whose middle was never on screen', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    const detached = await wheelUp(page, chat, 250);
    // Most of the 28 KB: the blocks streamed since were laid out off screen only.
    await expect.poll(() => textLength(reply), { timeout: 30_000 }).toBeGreaterThan(24_000);
    expect((await scrollState(chat.conversation)).top).toBe(detached.top);

    await page.getByRole('button', { name: 'Jump to latest' }).click();
    await expect.poll(async () => (await scrollState(chat.conversation)).distanceFromBottom).toBeLessThan(4);
    await chat.waitForSettled(reply);
    await expect(chat.usage(reply)).toBeInViewport();
    expect((await scrollState(chat.conversation)).distanceFromBottom).toBeLessThan(4);
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);
  });

  test('the view does not move when a reply ends while the reader is detached', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    const scroll = await wheelUp(page, chat, 200);
    const heading = reply.getByRole('heading').first();
    const before = { scroll, headingY: (await heading.boundingBox())?.y };
    await chat.waitForSettled(reply);
    await expect(chat.usage(reply)).toBeAttached();
    expect((await scrollState(chat.conversation)).top).toBe(before.scroll.top);
    expect((await heading.boundingBox())?.y).toBe(before.headingY);
  });

  test('text selected in a finished block stays selected while the reply streams and ends', async ({ page }) => {
    const { chat, reply } = await streamLongReply(page);
    await wheelUp(page, chat, 200);
    const paragraph = reply.locator('p').first();
    // Select the paragraph's text, as a reader dragging over it to copy it would.
    const selected = await paragraph.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      return window.getSelection()?.toString() ?? '';
    });
    expect(selected.length).toBeGreaterThan(20);
    // Were the paragraph's DOM replaced by a later commit, the selection would
    // collapse or move: it must be the same text in the same nodes.
    const stillSelected = () =>
      paragraph.evaluate((el, text) => {
        const selection = window.getSelection();
        return selection?.toString() === text && selection.anchorNode !== null && el.contains(selection.anchorNode);
      }, selected);
    await waitForGrowth(reply, 300);
    expect(await stillSelected()).toBe(true);
    await chat.waitForSettled(reply);
    await expect(chat.usage(reply)).toBeAttached();
    expect(await stillSelected()).toBe(true);
  });

  test('the view never moves while another conversation streams', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 600 });
    const chat = new ChatPage(page);
    await chat.open();
    await chat.waitForSettled(await chat.ask('Give me a detailed answer', 'groq/llama-3.3-70b-versatile'));
    await chat.newChat.click();
    const background = await chat.ask('Run a stress test');
    const backgroundId = await chat.openConversationId();
    await waitForGrowth(background, 200);

    // Read the settled conversation from its middle while the other one streams.
    await chat.savedConversation('Give me a detailed answer').click();
    await expect(chat.conversation.getByRole('article')).toHaveCount(2);
    await chat.conversation.hover();
    await page.mouse.wheel(0, -700);
    const reading = await restingScroll(chat.conversation);
    expect(reading.distanceFromBottom).toBeGreaterThan(300);
    // Each round, the other reply has grown (its saved text, written at most a second behind).
    let saved = (await chat.savedReplyText(backgroundId)).length;
    for (let i = 0; i < 3; i++) {
      const before = saved;
      await expect.poll(async () => (saved = (await chat.savedReplyText(backgroundId)).length), { timeout: 10_000 }).toBeGreaterThan(before);
      expect(await scrollState(chat.conversation)).toEqual(reading);
    }

    // It finished while out of sight, whole, with its usage.
    await chat.savedConversation('Run a stress test').click();
    const finished = chat.lastReply();
    await chat.waitForSettled(finished);
    await expect(chat.usage(finished)).toContainText('Total tokens');
    expect((await chat.savedReplyText(backgroundId)).length).toBeGreaterThan(27_000);
  });
});

/** Where a message's top is in the log's view, in pixels from the view's top. */
const topInView = async (chat: ChatPage, message: Locator): Promise<number> => (await message.boundingBox())!.y - (await chat.conversation.boundingBox())!.y;

/** The chat at this window height, with Settings set to keep each reply's start in view. */
async function openReadingFromStart(page: Page, height: number): Promise<ChatPage> {
  await page.setViewportSize({ width: 900, height });
  const chat = new ChatPage(page);
  await chat.open();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('radio', { name: 'Keep the reply’s start in view' }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  return chat;
}

/** The message is held at the top of the view: 16 px of what came before above it. */
async function expectHeldAtTop(chat: ChatPage, message: Locator): Promise<void> {
  await expect.poll(() => topInView(chat, message)).toBeLessThan(40);
  expect(await topInView(chat, message)).toBeGreaterThanOrEqual(0);
}

test.describe('reading a reply from its start (Settings)', () => {
  test('the message goes to the top and the view stays there while the reply streams past it and ends; Jump to latest follows', async ({ page }) => {
    const chat = await openReadingFromStart(page, 600);

    // A short first exchange, then the long reply, so there is something above to scroll away.
    const first = await chat.ask('hello', 'openai/gpt-4o-mini');
    await chat.waitForSettled(first);
    const reply = await chat.ask('Run a stress test', 'groq/llama-3.3-70b-versatile');
    const asked = chat.conversation.getByRole('article', { name: 'You' }).last();
    await expect(asked).toContainText('Run a stress test');
    // Held at the top, with the reply under it.
    await expectHeldAtTop(chat, asked);
    const held = await scrollState(chat.conversation);

    // The reply runs on below the view: the view does not move, and Jump to latest offers the rest.
    await expect.poll(async () => (await scrollState(chat.conversation)).distanceFromBottom, { timeout: 20_000 }).toBeGreaterThan(400);
    await waitForGrowth(reply, 2000);
    expect((await scrollState(chat.conversation)).top).toBe(held.top);
    expect(await topInView(chat, asked)).toBeLessThan(40);
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();

    // Jump to latest follows the reply from there.
    await page.getByRole('button', { name: 'Jump to latest' }).click();
    await keepsFollowing(chat, reply);
    await chat.waitForSettled(reply);
    await expect(chat.usage(reply)).toBeInViewport();
  });

  test('a reply asked for again (Regenerate) or after an Edit holds its message at the top too', async ({ page }) => {
    const chat = await openReadingFromStart(page, 600);
    await chat.waitForSettled(await chat.ask('hello', 'openai/gpt-4o-mini'));
    await chat.waitForSettled(await chat.ask('Explain goroutines vs threads'));
    const asked = chat.conversation.getByRole('article', { name: 'You' }).last();
    // Gone to the end first (which lets the message go), so holding it again is a move.
    await page.getByRole('button', { name: 'Jump to latest' }).click();
    await expect.poll(async () => (await scrollState(chat.conversation)).distanceFromBottom).toBeLessThan(4);
    expect(await topInView(chat, asked)).toBeLessThan(0);
    await chat.lastReply().getByRole('button', { name: 'Regenerate' }).click();
    await expectHeldAtTop(chat, asked);
    await chat.waitForSettled(chat.lastReply());
    await expectHeldAtTop(chat, asked);

    await asked.getByRole('button', { name: 'Edit' }).click();
    const edited = chat.conversation.getByRole('textbox', { name: 'Edited prompt' });
    await edited.fill('Write a debounce function in TypeScript');
    await edited.press('Enter');
    await expect(asked).toContainText('Write a debounce function in TypeScript');
    await expectHeldAtTop(chat, asked);
    await chat.waitForSettled(chat.lastReply());
    await expectHeldAtTop(chat, asked);
  });

  test('a reply asked for again after scrolling up holds its message in every frame, from the click until it rests', async ({ page }) => {
    const chat = await openReadingFromStart(page, 600);
    await chat.waitForSettled(await chat.ask('hello', 'openai/gpt-4o-mini'));
    await chat.waitForSettled(await chat.ask('Explain goroutines vs threads'));
    const asked = chat.conversation.getByRole('article', { name: 'You' }).last();
    await chat.conversation.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect.poll(async () => (await scrollState(chat.conversation)).top).toBe(0);
    // Back down to the reply's Regenerate, as the reader scrolls to it (a click
    // scrolls to it too): its own scroll events go by before the recording starts.
    const regenerate = chat.lastReply().getByRole('button', { name: 'Regenerate' });
    await regenerate.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    // Every position the view takes from here: where the message is in it, at each scroll event.
    await asked.evaluate((message) => {
      const view = message.closest('[role="log"]')!;
      const seen: number[] = [];
      (window as unknown as { heldAt: number[] }).heldAt = seen;
      view.addEventListener('scroll', () => seen.push(Math.round(message.getBoundingClientRect().top - view.getBoundingClientRect().top)));
    });
    const heldAt = (): Promise<number[]> => page.evaluate(() => (window as unknown as { heldAt: number[] }).heldAt);
    await regenerate.click();
    await expectHeldAtTop(chat, asked);
    await chat.waitForSettled(chat.lastReply());
    await expectHeldAtTop(chat, asked);
    // The new reply's first layouts (its own size and its first run of blocks
    // are estimates until the browser first lays them out) once pulled the
    // view up by 40 to 90 px for a frame or two, or left it there.
    const positions = await heldAt();
    expect(positions.length).toBeGreaterThan(0);
    expect(positions.filter((top) => top < 0 || top >= 40)).toEqual([]);
  });

  test('a reply that ends before the view is full leaves its message at the top, and the view does not move when it ends; the choice is kept', async ({ page }) => {
    const chat = await openReadingFromStart(page, 1000);
    for (const text of ['hello', 'hello again']) await chat.waitForSettled(await chat.ask(text, 'openai/gpt-4o-mini'));
    const asked = chat.conversation.getByRole('article', { name: 'You' }).last();
    await expectHeldAtTop(chat, asked);
    await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);

    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Keep the reply’s start in view' })).toBeChecked();
  });
});
