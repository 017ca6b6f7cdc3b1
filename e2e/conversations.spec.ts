// Saved conversations: kept in the browser (IndexedDB) across reloads, listed
// newest first, opened by link (the URL names the open one), searched by title
// and message text. A reply cut by a reload keeps its text, marked Interrupted.
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { ChatPage } from './chat-page.ts';

const FAST = 'groq/llama-3.3-70b-versatile';

/** Two saved conversations, "hello" and then "Compare providers in a table" (open). */
async function twoConversations(page: Page): Promise<ChatPage> {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.waitForSettled(await chat.ask('hello', FAST));
  await chat.newChat.click();
  await chat.waitForSettled(await chat.ask('Compare providers in a table'));
  return chat;
}

/**
 * From the next page on, the whole history's read is held until
 * `releaseHistory`: its first IndexedDB getAll (it asks for the next batch
 * only once one is answered).
 */
async function holdHistoryReads(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const held = window as unknown as { holding: boolean; heldReads: IDBRequest[]; releaseHistory(): void };
    held.holding = true;
    held.heldReads = [];
    held.releaseHistory = () => {
      held.holding = false;
      for (const request of held.heldReads.splice(0)) request.dispatchEvent(new Event('success'));
    };
    const getAll = IDBObjectStore.prototype.getAll;
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
      const request = getAll.apply(this, args);
      // The first listener: while holding, the page's own never hear of the result until it is sent again.
      request.addEventListener(
        'success',
        (event) => {
          if (!held.holding) return;
          event.stopImmediatePropagation();
          held.heldReads.push(request);
        },
        { once: true },
      );
      return request;
    };
  });
}

/** The list of conversations while it is busy (the history not read yet): none once it is. */
const busyList = (chat: ChatPage): Locator => chat.conversations.locator('[aria-busy="true"]');

/** How many of the history's reads are held. */
const heldReads = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { heldReads: IDBRequest[] }).heldReads.length);
const releaseHistory = (page: Page): Promise<void> => page.evaluate(() => (window as unknown as { releaseHistory(): void }).releaseHistory());

test('a conversation is saved, named by its first message, and a reload brings it back', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await expect(chat.conversations).toContainText('Your conversations will appear here.');
  const reply = await chat.ask('hello', FAST);
  await chat.waitForSettled(reply);
  await expect(chat.savedConversation('hello')).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveURL(/\/c\/[\w-]+$/);
  const url = page.url();

  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(chat.conversation.getByRole('article')).toHaveCount(2);
  await expect(chat.lastReply()).toContainText('demo gateway');
  await expect(chat.lastReply()).toHaveAttribute('aria-busy', 'false');
  await expect(chat.usage(chat.lastReply())).toContainText('Total tokens');
  await expect(chat.savedConversation('hello')).toHaveAttribute('aria-current', 'page');

  // The history goes on from where it was.
  const next = await chat.ask('Compare providers in a table');
  await chat.waitForSettled(next);
  expect((await chat.lastDemoStream()).messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
  await expect(chat.conversations.getByRole('link')).toHaveCount(1);
});

test('after a reload the list and the open conversation show before the whole history is read', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.waitForSettled(await chat.ask('first question', FAST));
  await chat.newChat.click();
  await chat.waitForSettled(await chat.ask('hello', FAST));
  await expect(chat.savedConversation('first question')).toBeVisible();
  await holdHistoryReads(page);
  await page.reload();
  await expect(chat.savedConversation('hello')).toHaveAttribute('aria-current', 'page');
  await expect(chat.savedConversation('first question')).toBeVisible();
  await expect(chat.lastReply()).toContainText('demo gateway');
  await expect(chat.usage(chat.lastReply())).toContainText('Total tokens');
  // It goes on with its last reply's model (not LLM_MODEL's, which a new page opens on), as once the history is read.
  await expect(chat.model).toHaveValue(FAST);
  // All that while the history's read was held.
  expect(await heldReads(page)).toBe(1);

  // Another of the list, opened meanwhile, is read on its own too.
  await chat.savedConversation('first question').click();
  await expect(chat.conversation.getByRole('article', { name: 'You' })).toContainText('first question');
  await expect(chat.lastReply()).toContainText('demo gateway');
  expect(await heldReads(page)).toBe(1);

  await releaseHistory(page);
  await expect(chat.conversations.getByRole('link')).toHaveCount(2);
  // And it goes on as any conversation does.
  await chat.waitForSettled(await chat.ask('and then?', FAST));
  await expect(chat.conversation.getByRole('article', { name: 'You' })).toHaveCount(2);
});

test('an empty history says so at once from the second visit on; a first visit says the list is loading until it is read', async ({ page }) => {
  await holdHistoryReads(page);
  const chat = new ChatPage(page);
  await chat.open();
  // A first visit: nothing kept to show, so nothing is said to be empty before the history is read.
  await expect(chat.conversations.getByText('Loading conversations…')).toBeVisible();
  expect(await heldReads(page)).toBe(1);
  await releaseHistory(page);
  await expect(chat.conversations.getByText('Your conversations will appear here.')).toBeVisible();
  await expect(busyList(chat)).toHaveCount(0);

  // The next visit knows the list was empty: it says so while the history is still being read.
  await page.reload();
  await expect(chat.conversations.getByText('Your conversations will appear here.')).toBeVisible();
  await expect(busyList(chat)).toHaveCount(1);
  await expect(chat.conversations.getByText('Loading conversations…')).toHaveCount(0);
  expect(await heldReads(page)).toBe(1);
  await releaseHistory(page);
  await expect(busyList(chat)).toHaveCount(0);
});

test('one of the list can be renamed or deleted before the whole history is read, and stays so once it is', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  for (const text of ['hello', 'first question', 'keep me open']) {
    await chat.newChat.click();
    await chat.waitForSettled(await chat.ask(text, FAST));
  }
  await expect(chat.conversations.getByRole('link')).toHaveText(['keep me open', 'first question', 'hello']);
  await holdHistoryReads(page);
  await page.reload();
  await expect(chat.savedConversation('keep me open')).toHaveAttribute('aria-current', 'page');
  await expect(busyList(chat)).toHaveCount(1);

  // Not read yet, it is found by its title (and says that is all that is searched).
  await chat.searchConversations.fill('hello');
  await expect(chat.conversations.getByRole('link')).toHaveText(['hello']);
  await expect(chat.conversations.getByText('Searching titles only until the history has loaded.')).toBeVisible();
  await chat.searchConversations.fill('');

  // Neither is open nor read yet: each is read on its own first.
  await chat.conversations.getByRole('button', { name: 'Rename hello' }).click();
  await page.keyboard.type('Greetings');
  await page.keyboard.press('Enter');
  await chat.conversations.getByRole('button', { name: 'Delete first question' }).click();
  await expect(chat.conversations.getByRole('link')).toHaveText(['keep me open', 'Greetings']);
  await expect(chat.conversations.getByText('Deleted “first question”')).toBeVisible();
  // Its words are announced now: only the list is busy, not the live region that says them.
  await expect(busyList(chat)).toHaveCount(1);
  await expect(chat.conversations.locator('[aria-live]')).toHaveCount(1);
  await expect(chat.conversations.locator('[aria-busy="true"] [aria-live], [aria-busy="true"][aria-live]')).toHaveCount(0);
  expect(await heldReads(page)).toBe(1);

  // The history, read before either was written, brings back neither the old name nor the deleted one.
  await releaseHistory(page);
  await expect(busyList(chat)).toHaveCount(0);
  await expect(chat.conversations.getByText('Searching titles only until the history has loaded.')).toHaveCount(0);
  await expect(chat.conversations.getByRole('link')).toHaveText(['keep me open', 'Greetings']);
  await page.reload();
  await releaseHistory(page);
  await expect(busyList(chat)).toHaveCount(0);
  await expect(chat.conversations.getByRole('link')).toHaveText(['keep me open', 'Greetings']);
  await chat.savedConversation('Greetings').click();
  await expect(chat.conversation.getByRole('article', { name: 'You' })).toHaveText(/hello/);
});

test('New chat starts another conversation; links, Back and Forward switch between them', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.waitForSettled(await chat.ask('hello', FAST));
  const helloUrl = page.url();

  await chat.newChat.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(chat.conversation.getByRole('article')).toHaveCount(0);
  await expect(chat.conversations.locator('[aria-current="page"]')).toHaveCount(0);
  await chat.waitForSettled(await chat.ask('Compare providers in a table'));
  // Newest first.
  await expect(chat.conversations.getByRole('link')).toHaveText(['Compare providers in a table', 'hello']);
  await expect(chat.savedConversation('Compare providers in a table')).toHaveAttribute('aria-current', 'page');
  const tableUrl = page.url();
  expect(tableUrl).not.toBe(helloUrl);

  await chat.savedConversation('hello').click();
  await expect(page).toHaveURL(helloUrl);
  await expect(chat.savedConversation('hello')).toHaveAttribute('aria-current', 'page');
  await expect(chat.conversation.getByRole('article')).toHaveCount(2);
  await expect(chat.lastReply()).toContainText('demo gateway');
  // A new message goes to the open conversation only.
  await chat.waitForSettled(await chat.ask('thanks'));
  expect((await chat.lastDemoStream()).messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(['hello', 'thanks']);

  await page.goBack();
  await expect(page).toHaveURL(tableUrl);
  await expect(chat.lastReply().getByRole('table').first()).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(helloUrl);
  await expect(chat.conversation.getByRole('article')).toHaveCount(4);
});

test('a conversation opened again goes on with the model of its last reply, also after a reload; a new chat keeps the pick', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.waitForSettled(await chat.ask('hello', FAST));
  await chat.newChat.click();
  await expect(chat.model).toHaveValue(FAST);
  await chat.waitForSettled(await chat.ask('Compare providers in a table', 'anthropic/claude-sonnet-4-5'));

  await chat.savedConversation('hello').click();
  await expect(chat.model).toHaveValue(FAST);
  await expect(chat.provider).toHaveValue('groq');
  await chat.waitForSettled(await chat.ask('thanks'));
  expect((await chat.lastDemoStream()).model).toBe(FAST);

  await chat.savedConversation('Compare providers in a table').click();
  await expect(chat.model).toHaveValue('anthropic/claude-sonnet-4-5');
  await page.reload();
  await expect(chat.model).toHaveValue('anthropic/claude-sonnet-4-5');
  // Back at / after a reload, the page opens on LLM_MODEL again.
  await chat.open('/');
  await expect(chat.model).toHaveValue('openai/gpt-4o-mini');
});

test('searching conversations matches titles and the text of their messages', async ({ page }) => {
  const chat = await twoConversations(page);

  await chat.searchConversations.fill('typical speed');
  await expect(chat.conversations.getByRole('link')).toHaveText(['Compare providers in a table']);
  await chat.searchConversations.fill('HELLO');
  await expect(chat.conversations.getByRole('link')).toHaveText(['hello']);
  await chat.searchConversations.fill('no such words anywhere');
  await expect(chat.conversations.getByRole('link')).toHaveCount(0);
  await expect(chat.conversations).toContainText('No conversation matches');
  await chat.searchConversations.fill('');
  await expect(chat.conversations.getByRole('link')).toHaveCount(2);
});

/** Asks for a long reply and waits until some of it is saved in IndexedDB (saved while streaming, at most a second behind). */
async function longReplySaving(page: Page): Promise<{ chat: ChatPage; reply: Locator; id: string }> {
  const chat = new ChatPage(page);
  await chat.open();
  const reply = await chat.ask('Run a stress test', FAST);
  const id = await chat.openConversationId();
  await expect.poll(async () => (await chat.savedReplyText(id)).length, { timeout: 10_000 }).toBeGreaterThan(200);
  return { chat, reply, id };
}

test('a reply cut off by a reload keeps the text it had, marked Interrupted', async ({ page }) => {
  const { chat, reply } = await longReplySaving(page);
  await expect(reply).toHaveAttribute('aria-busy', 'true');
  await page.reload();

  const kept = chat.lastReply();
  await expect(kept).toContainText('Interrupted');
  await expect(kept).toHaveAttribute('aria-busy', 'false');
  await expect(kept).toContainText('The connection ended before the reply was complete.');
  expect(((await kept.locator('.markdown').textContent()) ?? '').length).toBeGreaterThan(100);
  await expect(chat.stop).toHaveCount(0);
  await expect(chat.message).toBeEditable();
});

test('a reload while a reply streams loses none of the text shown, even when the browser drops the last IndexedDB write', async ({ page }) => {
  const { chat, reply, id } = await longReplySaving(page);
  // From here every IndexedDB write fails, as the one begun while a page unloads sometimes does.
  const shownLength = (): Promise<number> => reply.locator('.markdown').evaluate((markdown) => markdown.textContent?.length ?? 0);
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('dropped by the test', 'UnknownError');
    };
  });
  const lastWritable = await shownLength();
  const savedBefore = (await chat.savedReplyText(id)).length;
  // Text that arrived after the last write that could have landed.
  await expect.poll(shownLength).toBeGreaterThan(lastWritable + 300);
  await expect(reply).toHaveAttribute('aria-busy', 'true');
  const shown = await shownLength();
  await page.reload();

  const kept = chat.lastReply();
  await expect(kept).toContainText('Interrupted');
  expect(((await kept.locator('.markdown').textContent()) ?? '').length).toBeGreaterThanOrEqual(shown);
  // And it is written to IndexedDB again, whole.
  await expect.poll(async () => (await chat.savedReplyText(id)).length).toBeGreaterThan(savedBefore + 300);
});

test('at phone width the conversations open from the header and close on a pick', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const chat = new ChatPage(page);
  await chat.open();
  await chat.waitForSettled(await chat.ask('hello', FAST));
  await chat.newChat.click();
  await expect(chat.conversations).toBeHidden();
  const toggle = page.getByRole('button', { name: 'Chats' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await chat.savedConversation('hello').click();
  await expect(chat.conversations).toBeHidden();
  await expect(chat.lastReply()).toContainText('demo gateway');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

/** A text's letters, without markdown's markers and spaces: markdown sent and the text it showed compare so. */
const letters = (text: string): string => text.replace(/[\s#*`]/g, '');

test.describe('per message: Copy, Edit and Regenerate', () => {
  test('Copy puts a message’s markdown on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('hello', FAST);
    await chat.waitForSettled(reply);
    await reply.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(reply.getByRole('button', { name: 'Copy', exact: true })).toHaveText('Copied');
    // The source, markers and all, not the rendered text.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("I'm the **demo gateway**");
    const question = chat.conversation.getByRole('article', { name: 'You' });
    await question.getByRole('button', { name: 'Copy', exact: true }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('hello');
  });

  test('Regenerate asks again for the last reply, with the model now picked, in its place', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const first = await chat.ask('hello', FAST);
    await chat.waitForSettled(first);
    // Only the last reply, and only once nothing streams.
    const second = await chat.ask('thanks');
    await expect(chat.conversation.getByRole('button', { name: 'Regenerate' })).toHaveCount(0);
    await chat.waitForSettled(second);
    await expect(chat.conversation.getByRole('button', { name: 'Regenerate' })).toHaveCount(1);
    // ask() returns the last reply, whichever it is by then: the first one by position.
    const firstReply = chat.conversation.getByRole('article', { name: 'Assistant' }).first();
    await expect(firstReply.getByRole('button', { name: 'Regenerate' })).toHaveCount(0);

    await chat.model.selectOption('google/models/gemini-2.5-flash');
    await second.getByRole('button', { name: 'Regenerate' }).click();
    const again = chat.lastReply();
    await chat.waitForSettled(again);
    await expect(again).toContainText('google/models/gemini-2.5-flash');
    await expect(chat.conversation.getByRole('article')).toHaveCount(4);
    const stream = await chat.lastDemoStream();
    expect(stream.model).toBe('google/models/gemini-2.5-flash');
    expect(stream.messages.map((m) => [m.role, m.role === 'assistant' ? '…' : m.content])).toEqual([
      ['system', 'You are a helpful assistant.'],
      ['user', 'hello'],
      ['assistant', '…'],
      ['user', 'thanks'],
    ]);
  });

  test('Regenerate keeps the reply it replaces: ‹ › shows either in its place, a reload keeps the one shown, and the conversation goes on from it', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    // A first reply stopped early, from gpt-4o-mini (which streams at a reading pace).
    const reply = await chat.ask('Explain goroutines vs threads', 'openai/gpt-4o-mini');
    await expect(reply.locator('.markdown')).toContainText('Goroutines');
    await chat.stop.click();
    await chat.waitForSettled(reply);
    await expect(reply.getByText('Stopped', { exact: true })).toBeVisible();
    const partial = (await reply.locator('.markdown').textContent()) ?? '';
    await expect(reply.getByRole('group', { name: 'Versions' })).toHaveCount(0);

    await chat.model.selectOption(FAST);
    await reply.getByRole('button', { name: 'Regenerate' }).click();
    await chat.waitForSettled(chat.lastReply());
    const versions = chat.lastReply().getByRole('group', { name: 'Versions' });
    await expect(versions).toHaveText('‹2 / 2›');
    await expect(chat.lastReply()).toContainText(FAST);
    await expect(chat.conversation.getByRole('article')).toHaveCount(2);
    const full = (await chat.lastReply().locator('.markdown').textContent()) ?? '';
    expect(full.length).toBeGreaterThan(partial.length);

    // The first version again, as it was: stopped, from its own model, with its own usage panel.
    await versions.getByRole('button', { name: 'Previous version' }).click();
    await expect(versions).toHaveText('‹1 / 2›');
    await expect(chat.lastReply()).toContainText('openai/gpt-4o-mini');
    await expect(chat.lastReply().getByText('Stopped', { exact: true })).toBeVisible();
    await expect(chat.lastReply().locator('.markdown')).toHaveText(partial);
    await expect(versions.getByRole('button', { name: 'Previous version' })).toBeDisabled();
    await page.reload();
    await expect(chat.lastReply().getByRole('group', { name: 'Versions' })).toHaveText('‹1 / 2›');
    await expect(chat.lastReply().locator('.markdown')).toHaveText(partial);

    // What goes on, goes on from the version shown; it keeps its number, and no longer changes.
    await chat.waitForSettled(await chat.ask('thanks'));
    const sent = (await chat.lastDemoStream()).messages.at(-2);
    expect(sent?.role).toBe('assistant');
    // The markdown sent, without its markers and spaces, is the stopped text shown: the start of the full answer, not all of it.
    const sentLetters = letters(sent?.content ?? '');
    expect(letters(full).startsWith(sentLetters)).toBe(true);
    expect(sentLetters.length).toBeLessThan(letters(full).length);
    expect(letters(partial).startsWith(sentLetters.slice(0, 40))).toBe(true);
    const earlier = chat.conversation.getByRole('article', { name: 'Assistant' }).first();
    await expect(earlier.getByRole('group', { name: 'Versions' })).toHaveText('1 / 2');
  });

  test('Edit sends a message again in its place and keeps the earlier version with its replies', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.waitForSettled(await chat.ask('hello', FAST));
    await chat.waitForSettled(await chat.ask('thanks'));
    const firstQuestion = chat.conversation.getByRole('article', { name: 'You' }).first();
    const firstReply = chat.conversation.getByRole('article', { name: 'Assistant' }).first();
    const firstAnswer = await firstReply.textContent();

    // Esc leaves the text as it was.
    await firstQuestion.getByRole('button', { name: 'Edit' }).click();
    const box = firstQuestion.getByRole('textbox', { name: 'Edited prompt' });
    await expect(box).toBeFocused();
    await box.fill('something else');
    await box.press('Escape');
    await expect(firstQuestion).toContainText('hello');
    await expect(chat.conversation.getByRole('article')).toHaveCount(4);

    await firstQuestion.getByRole('button', { name: 'Edit' }).click();
    await expect(firstQuestion).toContainText('this message and the replies after it are kept as an earlier version');
    await firstQuestion.getByRole('textbox', { name: 'Edited prompt' }).fill('Compare providers in a table');
    await firstQuestion.getByRole('button', { name: 'Save' }).click();
    const reply = chat.lastReply();
    await chat.waitForSettled(reply);
    await expect(chat.conversation.getByRole('article')).toHaveCount(2);
    await expect(reply.getByRole('table').first()).toBeVisible();
    expect((await chat.lastDemoStream()).messages.map((m) => m.role)).toEqual(['system', 'user']);
    const versions = firstQuestion.getByRole('group', { name: 'Versions' });
    await expect(versions).toHaveText('‹2 / 2›');
    // The conversation is named by its first message, as edited.
    await expect(chat.conversations.getByRole('link')).toHaveText(['Compare providers in a table']);

    // What was saved is the edited conversation, its earlier version too.
    await page.reload();
    await expect(chat.conversation.getByRole('article')).toHaveCount(2);
    await expect(firstQuestion).toContainText('Compare providers in a table');

    // The earlier version comes back whole, with the replies that followed it.
    await versions.getByRole('button', { name: 'Previous version' }).click();
    await expect(versions).toHaveText('‹1 / 2›');
    await expect(chat.conversation.getByRole('article')).toHaveCount(4);
    await expect(firstQuestion).toContainText('hello');
    await expect(chat.conversations.getByRole('link')).toHaveText(['hello']);
    await expect(chat.conversation.getByRole('article', { name: 'You' }).nth(1)).toContainText('thanks');
    await expect.poll(() => firstReply.textContent()).toBe(firstAnswer);

    // The conversation goes on from the version shown, and the edit is still a step away.
    await chat.waitForSettled(await chat.ask('and goodbye'));
    expect((await chat.lastDemoStream()).messages.map((m) => m.content).slice(1, 4)).toEqual(['hello', expect.any(String), 'thanks']);
    await expect(chat.conversation.getByRole('article')).toHaveCount(6);
    await versions.getByRole('button', { name: 'Next version' }).click();
    await expect(chat.conversation.getByRole('article')).toHaveCount(2);
    await expect(firstQuestion).toContainText('Compare providers in a table');
    await page.reload();
    await versions.getByRole('button', { name: 'Previous version' }).click();
    await expect(chat.conversation.getByRole('article')).toHaveCount(6);
    await expect(chat.conversation.getByRole('article', { name: 'You' }).last()).toContainText('and goodbye');
  });

  test('a reply that failed can be regenerated with another model', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const failed = await chat.ask('hello', 'openai/demo-rate-limit');
    await expect(failed.getByRole('alert')).toContainText('Rate limit exceeded');
    await chat.model.selectOption(FAST);
    await failed.getByRole('button', { name: 'Regenerate' }).click();
    const reply = chat.lastReply();
    await chat.waitForSettled(reply);
    await expect(reply).toContainText('demo gateway');
    await expect(chat.conversation.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('Settings', () => {
  test('temperature and max tokens reach the gateway, are kept across a reload, and bad values say why', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const openSettings = page.getByRole('button', { name: 'Settings' });
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await openSettings.click();
    await expect(dialog.getByRole('textbox', { name: 'System prompt' })).toHaveValue('You are a helpful assistant.');
    await dialog.getByRole('spinbutton', { name: 'Temperature' }).fill('0.3');
    await dialog.getByRole('spinbutton', { name: 'Max tokens' }).fill('12');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    const reply = await chat.ask('hello', FAST);
    await chat.waitForSettled(reply);
    const cut = await chat.lastDemoStream();
    expect(cut).toMatchObject({ temperature: 0.3, max_tokens: 12 });
    await expect(chat.usage(reply)).toContainText('Stopped at the max tokens limit');
    // Continued, the panel's figures are the new part's, and it says what the part before reported.
    await reply.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(async () => (await chat.demoStreams()).at(-1)?.id).not.toBe(cut.id);
    await chat.waitForSettled(reply);
    const { usage } = cut;
    await expect(chat.usage(reply)).toContainText(
      new RegExp(`Before it: ${usage.total_tokens} tokens \\(${usage.prompt_tokens} prompt, ${usage.completion_tokens} completion\\), \\$0\\.0\\d+\\.`),
    );

    await page.reload();
    await expect(chat.model).toBeEnabled();
    await openSettings.click();
    await expect(dialog.getByRole('spinbutton', { name: 'Temperature' })).toHaveValue('0.3');
    await dialog.getByRole('spinbutton', { name: 'Temperature' }).fill('3');
    await expect(dialog).toContainText('Temperature is a number from 0 to 2');
    await dialog.getByRole('spinbutton', { name: 'Max tokens' }).fill('');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await chat.waitForSettled(await chat.ask('hello again'));
    await expect(chat.conversation.getByRole('article')).toHaveCount(4);
    const stream = await chat.lastDemoStream();
    expect(stream.temperature).toBeUndefined();
    expect(stream.max_tokens).toBeUndefined();
  });

  test('Esc in the dialog closes it without stopping a streaming reply', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('Run a stress test', FAST);
    await expect(chat.stop).toBeVisible();
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(reply).toHaveAttribute('aria-busy', 'true');
    await chat.message.press('Escape');
    await expect(reply).toContainText('Stopped');
  });

  for (const granted of [true, false]) {
    test(`Storage says how much is kept and asks the browser to keep it (the browser ${granted ? 'agrees' : 'declines'})`, async ({ page }) => {
      // Whether a browser grants persistence depends on how the site is used: the answer is played here, the rest is the browser's own.
      await page.addInitScript((answer) => {
        let persisted = false;
        navigator.storage.persisted = async () => persisted;
        navigator.storage.persist = async () => (persisted = answer);
      }, granted);
      const chat = new ChatPage(page);
      await chat.open();
      await chat.waitForSettled(await chat.ask('hello', FAST));
      await page.getByRole('button', { name: 'Settings' }).click();
      const storage = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Storage' });
      const said = storage.getByRole('status');
      await expect(said).toContainText(/^Conversations, drafts and settings take [\d.]+ (kB|MB|byte) in this browser\. The browser may clear them if the disk runs low; Export keeps a copy\.$/);
      await storage.getByRole('button', { name: 'Ask the browser to keep them' }).click();
      await expect(said).toContainText(granted ? 'The browser keeps them until you delete them.' : 'The browser declined to keep them for good');
      await expect(storage.getByRole('button')).toHaveCount(0);
      // Asked again the next time the dialog opens.
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(said).toContainText(granted ? 'The browser keeps them until you delete them.' : 'The browser may clear them if the disk runs low');
    });
  }
});

/** The first message's bubble, in the app or in a page exported from it. */
const firstBubble = (on: Page) => on.getByRole('article', { name: 'You' }).first().getByText('the quadratic formula');

test.describe('Export and Import', () => {
  test('a conversation exported as Markdown reads as the chat; as JSON it imports into another browser', async ({ page, browser }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await expect(page.getByRole('button', { name: 'Export' })).toBeDisabled();
    await chat.waitForSettled(await chat.ask('hello', FAST));

    const markdown = await chat.exportFile('Export', 'Markdown (.md)');
    expect(markdown.name).toBe('hello.md');
    const markdownText = await markdown.text();
    expect(markdownText).toContain('# hello\n\n## You\n\nhello\n\n## Assistant (groq/llama-3.3-70b-versatile)\n\nHello! 👋');
    expect(markdownText).toMatch(/_Tokens: \d+ prompt, \d+ completion, \d+ total\._/);
    // And what the browser measured, priced at the gateway's prices for groq's llama ($0.59 and $0.79 per million).
    expect(markdownText).toMatch(/_Tokens: \d+ prompt, \d+ completion, \d+ total\._\n\n_First token \d+ ms · [\d,]+\.\d tok\/s · total \d+(\.\d)? m?s · \$0\.0\d+ at the gateway's prices\._/);
    const json = await chat.exportFile('Export', 'JSON (.json), to import');
    expect(json.name).toBe('hello.json');
    const jsonText = await json.text();

    // Another browser profile: nothing saved yet.
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      const otherChat = new ChatPage(otherPage);
      await otherChat.open();
      await expect(otherChat.conversations.getByRole('link')).toHaveCount(0);
      const chooser = otherPage.waitForEvent('filechooser');
      await otherPage.getByRole('button', { name: 'Import' }).click();
      await (await chooser).setFiles({ name: 'hello.json', mimeType: 'application/json', buffer: Buffer.from(jsonText) });
      await expect(otherChat.savedConversation('hello')).toHaveAttribute('aria-current', 'page');
      await expect(otherChat.lastReply()).toContainText('demo gateway');
      await expect(otherChat.usage(otherChat.lastReply())).toContainText('Total tokens');
      await otherPage.reload();
      await expect(otherChat.lastReply()).toContainText('demo gateway');
      // The reply's recording came in the file: it replays there, with its pace, and the gateway is not asked.
      const streams = (await otherChat.demoStreams()).length;
      await expect(otherChat.usage(otherChat.lastReply()).getByRole('img', { name: /^Pace over the reply/ })).toBeVisible();
      // A short reply replays in a fraction of a second: the page notes that it did.
      await otherPage.evaluate(() => {
        const seen = window as unknown as { replayed?: boolean };
        new MutationObserver(() => {
          if (document.body.textContent?.includes('Replay 1×')) seen.replayed = true;
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await otherChat.lastReply().getByRole('button', { name: 'Replay', exact: true }).click();
      await expect.poll(() => otherPage.evaluate(() => (window as unknown as { replayed?: boolean }).replayed === true)).toBe(true);
      await expect(otherChat.lastReply().getByRole('button', { name: 'Replay', exact: true })).toBeVisible();
      await expect(otherChat.lastReply()).toContainText('demo gateway');
      expect((await otherChat.demoStreams()).length).toBe(streams);

      // A file that is not an export says so, and changes nothing.
      const again = otherPage.waitForEvent('filechooser');
      await otherPage.getByRole('button', { name: 'Import' }).click();
      await (await again).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
      await expect(otherPage.getByRole('alert')).toContainText('not a Gateway Chat export');
      await expect(otherChat.conversations.getByRole('link')).toHaveCount(1);
    } finally {
      await other.close();
    }
  });
  test('an import says when it is saved, and asks before the page goes while it is not: a reload then keeps every one', async ({ page }) => {
    // Holds IndexedDB's writes open (a transaction commits once no request is pending) until the test lets them go.
    await page.addInitScript(() => {
      const held = window as unknown as { holdWrites: boolean };
      held.holdWrites = true;
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        const tx = transaction.apply(this, args);
        if (args[1] === 'readwrite') {
          const store = tx.objectStore('conversations');
          const spin = (): void => {
            if (held.holdWrites) store.count().onsuccess = spin;
          };
          spin();
        }
        return tx;
      };
    });
    const chat = new ChatPage(page);
    await chat.open();
    const now = Date.now();
    const conversations = Array.from({ length: 300 }, (_, i) => ({
      id: `imported-${i}`,
      title: `Imported ${i}`,
      createdAt: now - i * 60_000,
      updatedAt: now - i * 60_000,
      messages: [
        { id: `u${i}`, role: 'user', content: `Question ${i}` },
        { id: `a${i}`, role: 'assistant', model: 'groq/llama-3.3-70b-versatile', content: `Answer ${i}`, reasoning: '', toolCalls: [], status: 'done', finishReason: 'stop' },
      ],
    }));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import' }).click();
    await (await chooser).setFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'gateway-chat', version: 1, conversations })) });
    await expect(chat.savedConversation('Imported 0')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('Importing 300 conversations…')).toBeVisible();
    // Leaving now would lose them all: the browser asks first (dismissed, the page stays).
    const dialog = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    expect((await dialog).type()).toBe('beforeunload');
    await (await dialog).dismiss();
    expect(page.isClosed()).toBe(false);

    await page.evaluate(() => {
      (window as unknown as { holdWrites: boolean }).holdWrites = false;
    });
    await expect(page.getByText('Imported 300 conversations.')).toBeVisible();
    await page.reload();
    await expect(chat.savedConversation('Imported 0')).toBeVisible();
    await expect(chat.conversations.getByRole('link')).toHaveCount(300);
  });
  test('on a phone, an import leaves the panel open with what came in and the words that it is kept; the first one is open behind it', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const chat = new ChatPage(page);
    await chat.open();
    const conversations = ['Imported first', 'Imported second'].map((title, i) => ({
      id: `phone-${i}`,
      title,
      createdAt: 1_000 - i,
      updatedAt: 1_000 - i,
      messages: [
        { id: `u${i}`, role: 'user', content: `Question ${i}` },
        { id: `a${i}`, role: 'assistant', model: 'groq/llama-3.3-70b-versatile', content: `Answer ${i}`, reasoning: '', toolCalls: [], status: 'done', finishReason: 'stop' },
      ],
    }));
    const panelButton = page.getByRole('button', { name: 'Chats' }).first();
    await panelButton.click();
    await expect(panelButton).toHaveAttribute('aria-expanded', 'true');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import' }).click();
    await (await chooser).setFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'gateway-chat', version: 1, conversations })) });
    await expect(page.getByText('Imported 2 conversations.')).toBeVisible();
    await expect(chat.conversations.getByRole('link')).toHaveText(['Imported first', 'Imported second']);
    await expect(chat.savedConversation('Imported first')).toHaveAttribute('aria-current', 'page');
    await expect(panelButton).toHaveAttribute('aria-expanded', 'true');
    // Closed, the panel shows the first one imported.
    await panelButton.click();
    await expect(chat.conversation.getByRole('article', { name: 'Assistant' })).toHaveText(/Answer 0/);
  });
  test('an export whose code cannot be loaded (the app updated since the page opened) says so under the box', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.waitForSettled(await chat.ask('hello', FAST));
    // The web page's code is a chunk loaded when asked for: gone from the server, as after a redeploy.
    await page.route(/\/assets\/page-export-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('button', { name: 'Web page (.html), to share' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The file was not made' })).toHaveText(
      'The file was not made: part of the app could not be loaded (it may have been updated since this page opened). Reload the page and try again.',
    );
    // Markdown needs no such chunk beyond its own: it goes through, and the words go.
    const markdown = await chat.exportFile('Export', 'Markdown (.md)');
    expect(markdown.name).toBe('hello.md');
    await expect(page.getByRole('status').filter({ hasText: 'The file was not made' })).toHaveCount(0);
    expect(downloads).toEqual(['hello.md']);
  });
  test('a conversation exported as a web page reads as it does here (math, code, usage), unfolded, with nothing to press, and loads nothing', async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open();
    // Math (KaTeX, with its fonts) and a table; then a pasted log, folded here.
    const formula = await chat.ask('the quadratic formula', FAST);
    await chat.waitForSettled(formula);
    const log = Array.from({ length: 40 }, (_, i) => `line ${i + 1} of the log`).join('\n');
    // With an image (to a model that takes them): a 1×1 PNG.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach images' }).click();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==', 'base64');
    await (await chooser).setFiles({ name: 'red.png', mimeType: 'image/png', buffer: png });
    await chat.waitForSettled(await chat.ask(log, 'openai/gpt-4o-mini'));
    await expect(page.getByRole('button', { name: 'Show more' })).toBeVisible();
    const replies = chat.conversation.getByRole('article', { name: 'Assistant' });
    const usages = await replies.evaluateAll((articles) => articles.map((article) => article.querySelector('[aria-label="Usage"]')?.textContent));
    // Counted now, in the first reply (ask() gave the last reply, which has moved on).
    const formulas = await replies.first().locator('.katex').count();
    expect(formulas).toBeGreaterThan(3);
    const bubbleColour = await firstBubble(page).evaluate((element) => getComputedStyle(element).backgroundColor);

    const file = await chat.exportFile('Export', 'Web page (.html), to share');
    expect(file.name).toBe('the-quadratic-formula.html');
    const exported = await file.open();
    const blocked: string[] = [];
    exported.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) blocked.push(message.text());
    });
    await exported.reload();
    await expect(exported).toHaveTitle('the quadratic formula');
    await expect(exported.getByRole('heading', { level: 1 })).toHaveText('the quadratic formula');
    await expect(exported.getByText(/^Exported from Gateway Chat on /)).toBeVisible();
    // The turns as they read here: each reply's text, its formulas typeset, its usage.
    await expect(exported.getByRole('article', { name: 'You' })).toHaveCount(2);
    const exportedReplies = exported.getByRole('article', { name: 'Assistant' });
    await expect(exportedReplies).toHaveCount(2);
    await expect(exportedReplies.first()).toContainText('completing the square');
    expect(await exportedReplies.first().locator('.katex').count()).toBe(formulas);
    expect(await exportedReplies.evaluateAll((articles) => articles.map((article) => article.querySelector('[aria-label="Usage"]')?.textContent))).toEqual(usages);
    // Nothing to press or type into; no script, and a policy that runs none and loads nothing.
    for (const role of ['button', 'textbox', 'combobox'] as const) await expect(exported.getByRole(role)).toHaveCount(0);
    expect(await exported.locator('script').count()).toBe(0);
    expect(await exported.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("default-src 'none'");
    // KaTeX's fonts came inside the file: loaded, none refused.
    const fonts = await exported.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].map((font) => `${font.family.replaceAll('"', '')} ${font.status}`);
    });
    expect(fonts).toContain('KaTeX_Main loaded');
    expect(fonts.filter((font) => font.endsWith(' error'))).toEqual([]);
    expect(blocked).toEqual([]);
    // The app's styles came too.
    expect(await firstBubble(exported).evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(bubbleColour);
    // The image sent is in the file, named by its file, and shown (a data: URL, which the policy lets in).
    const image = exported.getByRole('img', { name: 'red.png' });
    await expect(image).toBeVisible();
    expect(await image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(1);
    // The log folded here reads whole there.
    const logBubble = exported.getByRole('article', { name: 'You' }).nth(1).getByText('line 1 of the log');
    const size = await logBubble.evaluate((element) => ({ client: element.clientHeight, scroll: element.scrollHeight }));
    expect(size.client).toBeGreaterThan(288);
    expect(size.scroll).toBe(size.client);
    // In the reader's scheme: dark where their system is.
    const background = () => exported.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await exported.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(light);
  });
});

/** A local time (the browser's time zone is this machine's, as Node's Date reads it). */
const localTime = (day: number, hour: number, month = 11, year = 2026): number => new Date(year, month, day, hour).getTime();

/** A saved conversation of one message, as a JSON export holds it. */
const exportedConversation = (id: string, title: string, updatedAt: number) => ({
  id,
  title,
  createdAt: updatedAt,
  updatedAt,
  messages: [{ id: `${id}-1`, role: 'user', content: title }],
});

test('the conversations are listed under when they were last written to, and a page left open past midnight moves Today to Yesterday', async ({ page }) => {
  // The page's clock: a minute before midnight on 7 December 2026.
  await page.clock.install({ time: new Date(2026, 11, 7, 23, 59) });
  const chat = new ChatPage(page);
  await chat.open();
  const file = {
    format: 'gateway-chat',
    version: 1,
    conversations: [
      exportedConversation('older', 'Last year', localTime(20, 12, 11, 2025)),
      exportedConversation('october', 'In October', localTime(15, 12, 9)),
      exportedConversation('month', 'Two weeks ago', localTime(23, 12, 10)),
      exportedConversation('week', 'Three days ago', localTime(4, 12)),
      exportedConversation('yesterday', 'Yesterday evening', localTime(6, 21)),
      exportedConversation('today-1', 'This morning', localTime(7, 9)),
      exportedConversation('today-2', 'Just now', localTime(7, 23)),
    ],
  };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(chat.savedConversation('Just now')).toBeVisible();

  const headings = chat.conversations.getByRole('heading');
  const group = (name: string) => chat.conversations.getByRole('list', { name, exact: true }).getByRole('link');
  await expect(headings).toHaveText(['Today', 'Yesterday', 'Previous 7 days', 'Previous 30 days', 'October', 'December 2025']);
  await expect(group('Today')).toHaveText(['Just now', 'This morning']);
  await expect(group('Yesterday')).toHaveText(['Yesterday evening']);
  await expect(group('Previous 7 days')).toHaveText(['Three days ago']);
  await expect(group('Previous 30 days')).toHaveText(['Two weeks ago']);
  await expect(group('October')).toHaveText(['In October']);
  await expect(group('December 2025')).toHaveText(['Last year']);
  // A search keeps the groups of what it finds.
  await chat.searchConversations.fill('ago');
  await expect(headings).toHaveText(['Previous 7 days', 'Previous 30 days']);
  await chat.searchConversations.fill('');

  // Midnight passes with the page open: yesterday's group becomes the week's, today's yesterday's.
  await page.clock.fastForward('02:00');
  await expect(headings).toHaveText(['Yesterday', 'Previous 7 days', 'Previous 30 days', 'October', 'December 2025']);
  await expect(group('Yesterday')).toHaveText(['Just now', 'This morning']);
  await expect(group('Previous 7 days')).toHaveText(['Yesterday evening', 'Three days ago']);
});

test('a conversation can be renamed in the list; Esc or an empty title keeps the old one; the tab is named after it', async ({ page }) => {
  const chat = await twoConversations(page);
  await expect(page).toHaveTitle('Compare providers in a table · Gateway Chat');
  await chat.conversations.getByRole('button', { name: 'Rename hello' }).click();
  const title = chat.conversations.getByRole('textbox', { name: 'Conversation title' });
  await expect(title).toBeFocused();
  await expect(title).toHaveValue('hello');
  // The old title is selected: typing replaces it.
  await page.keyboard.type('Greetings,  demo');
  await page.keyboard.press('Enter');
  await expect(title).toHaveCount(0);
  // Renaming does not reorder: the list is by last message.
  await expect(chat.conversations.getByRole('link')).toHaveText(['Compare providers in a table', 'Greetings, demo']);

  await chat.conversations.getByRole('button', { name: 'Rename Greetings, demo' }).click();
  await page.keyboard.type('Not this');
  await page.keyboard.press('Escape');
  await chat.conversations.getByRole('button', { name: 'Rename Greetings, demo' }).click();
  await title.fill('   ');
  await page.keyboard.press('Enter');
  await expect(chat.conversations.getByRole('link')).toHaveText(['Compare providers in a table', 'Greetings, demo']);

  await chat.savedConversation('Greetings, demo').click();
  await expect(page).toHaveTitle('Greetings, demo · Gateway Chat');
  await page.reload();
  await expect(chat.savedConversation('Greetings, demo')).toHaveAttribute('aria-current', 'page');
  await chat.newChat.click();
  await expect(page).toHaveTitle('Gateway Chat');
});

test('an unsent message is kept per conversation, across a reload, until it is sent', async ({ page }) => {
  const chat = await twoConversations(page);
  await chat.message.fill('a question about tables,\nhalf typed');
  await chat.savedConversation('hello').click();
  await expect(chat.message).toHaveValue('');
  await chat.message.fill('for hello');
  await page.reload();
  await expect(chat.message).toHaveValue('for hello');
  await chat.savedConversation('Compare providers in a table').click();
  await expect(chat.message).toHaveValue('a question about tables,\nhalf typed');
  await chat.message.press('Enter');
  await chat.waitForSettled(chat.lastReply());
  await expect(chat.message).toHaveValue('');
  await page.reload();
  await expect(chat.message).toHaveValue('');
  await chat.savedConversation('hello').click();
  await expect(chat.message).toHaveValue('for hello');
});

test('keyboard: Ctrl+Shift+O starts a new chat, Ctrl+K searches conversations, Shift+Esc goes to the message box without stopping a reply', async ({ page }) => {
  const chat = await twoConversations(page);
  await expect(chat.newChat).toHaveAttribute('aria-keyshortcuts', /Control\+Shift\+O/);
  await chat.conversation.focus();
  await page.keyboard.press('Control+Shift+O');
  await expect(page).toHaveURL(/\/$/);
  await expect(chat.conversation.getByRole('article')).toHaveCount(0);

  await page.keyboard.press('Control+K');
  await expect(chat.searchConversations).toBeFocused();
  await page.keyboard.type('hello');
  await expect(chat.conversations.getByRole('link')).toHaveText(['hello']);

  await chat.savedConversation('hello').click();
  const reply = await chat.ask('Run a stress test');
  await expect(reply).toHaveAttribute('aria-busy', 'true');
  await chat.conversation.focus();
  await page.keyboard.press('Shift+Escape');
  await expect(chat.message).toBeFocused();
  await expect(reply).toHaveAttribute('aria-busy', 'true');
  await expect(chat.stop).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(reply.getByText('Stopped', { exact: true })).toBeVisible();
});

test('on a wide screen Chats hides the conversations to give the chat the width, and a reload keeps that; Ctrl+K or Ctrl+Shift+S shows them again', async ({ page }) => {
  const chat = await twoConversations(page);
  const chats = page.getByRole('button', { name: 'Chats' });
  const chatWidth = () => chat.conversation.evaluate((view) => view.getBoundingClientRect().width);
  await expect(chats).toHaveAttribute('aria-expanded', 'true');
  await expect(chats).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+S Meta+Shift+S');
  const beside = await chatWidth();
  await chats.click();
  await expect(chat.conversations).toBeHidden();
  await expect(chats).toHaveAttribute('aria-expanded', 'false');
  // The list's 256 px go to the chat.
  expect(await chatWidth()).toBe(beside + 256);
  await page.reload();
  await expect(chat.lastReply()).toBeVisible();
  await expect(chat.conversations).toBeHidden();

  // Searching needs the list: Ctrl+K shows it, its box focused.
  await chat.message.focus();
  await page.keyboard.press('Control+K');
  await expect(chat.searchConversations).toBeFocused();
  await expect(chats).toHaveAttribute('aria-expanded', 'true');
  // Hidden from there by the keyboard, the focus goes to the message box, not the page's start.
  await page.keyboard.press('Control+Shift+S');
  await expect(chat.conversations).toBeHidden();
  await expect(chat.message).toBeFocused();
  await page.keyboard.press('Control+Shift+S');
  await expect(chat.savedConversation('hello')).toBeVisible();
  await page.reload();
  await expect(chat.savedConversation('hello')).toBeVisible();
});

test('Ctrl+/ or the ⌨ button lists the keyboard shortcuts; Esc or Close puts the list away', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.message.focus();
  await page.keyboard.press('Control+/');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('term')).toHaveText(['Enter', 'Shift+Enter', 'Esc', 'Shift+Esc', 'Ctrl+Shift+O', 'Ctrl+K', 'Ctrl+Shift+S', 'Ctrl+/']);
  await expect(dialog.getByRole('definition')).toHaveText([
    'Send the message',
    'Start a new line',
    'Stop the reply, or a replay',
    'Go to the message box',
    'Start a new chat',
    'Search conversations',
    'Show or hide the conversations',
    'Show these shortcuts',
  ]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+/ Meta+/');
  await button.click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('a conversation can be deleted, from storage too, and Undo brings it back', async ({ page }) => {
  const chat = await twoConversations(page);

  // Deleting the open conversation leaves an empty new one.
  await chat.conversations.getByRole('button', { name: 'Delete Compare providers in a table' }).click();
  await expect(chat.conversations.getByRole('link')).toHaveText(['hello']);
  await expect(page).toHaveURL(/\/$/);
  await expect(chat.conversation.getByRole('article')).toHaveCount(0);
  await expect(chat.conversations.getByText('Deleted “Compare providers in a table”')).toBeVisible();
  // Back to the deleted conversation's URL finds nothing there; one more Back
  // reaches the conversation before it, instead of bouncing off the deleted one.
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(chat.conversation.getByRole('article')).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\/c\/[\w-]+$/);
  await expect(chat.lastReply()).toContainText('demo gateway');
  await page.reload();
  await expect(chat.conversations.getByRole('link')).toHaveText(['hello']);

  await chat.conversations.getByRole('button', { name: 'Delete hello' }).click();
  await expect(chat.conversations.getByRole('link')).toHaveCount(0);
  await chat.conversations.getByRole('button', { name: 'Undo' }).click();
  await expect(chat.conversations.getByRole('link')).toHaveText(['hello']);
  await page.reload();
  await chat.savedConversation('hello').click();
  await expect(chat.lastReply()).toContainText('demo gateway');
});

test('two tabs keep each other’s conversations: neither writes an old copy over the other', async ({ page, context }) => {
  const chat = new ChatPage(page);
  const other = new ChatPage(await context.newPage());
  await chat.open();
  await other.open();
  await chat.waitForSettled(await chat.ask('hello', FAST));
  // The other tab lists it without a reload, and goes on with it.
  await other.savedConversation('hello').click();
  await expect(other.lastReply()).toContainText('demo gateway');
  await other.waitForSettled(await other.ask('thanks', FAST));
  // The first tab now holds the longer conversation, and a new message there builds on it.
  await expect(chat.conversation.getByRole('article')).toHaveCount(4);
  await chat.waitForSettled(await chat.ask('Compare providers in a table'));
  await expect(chat.conversation.getByRole('article')).toHaveCount(6);
  await expect(other.conversation.getByRole('article')).toHaveCount(6);
  await other.page.reload();
  await expect(other.conversation.getByRole('article')).toHaveCount(6);
});

/**
 * A long reply under way in the first tab (gpt-4o-mini streams at a reading
 * pace), and, with `openInOther`, a second tab opened on its conversation,
 * showing the reply as still streaming.
 */
async function streamingInTwoTabs(page: Page, context: BrowserContext, openInOther: boolean) {
  const chat = new ChatPage(page);
  await chat.open();
  const streaming = await chat.ask('Give me a stress test', 'openai/gpt-4o-mini');
  await expect.poll(async () => (await streaming.textContent())?.length ?? 0).toBeGreaterThan(300);
  const id = await chat.openConversationId();
  const other = new ChatPage(await context.newPage());
  // Not open(): its pickers wait while the reply streams, here as there.
  await other.page.goto(openInOther ? `/c/${id}` : '/');
  const shown = other.lastReply();
  if (openInOther) await expect(shown).toHaveAttribute('aria-busy', 'true');
  return { chat, streaming, other, shown };
}

test('a reply streaming in one tab streams in another opened on its conversation, not cut off there, and Stop there stops it', async ({ page, context }) => {
  const { chat, streaming, other, shown } = await streamingInTwoTabs(page, context, true);
  await expect(other.page.getByText('Streaming in another tab… press Esc to stop it.')).toBeVisible();
  // It goes on as the first tab writes it (about once a second), never marked cut off.
  const length = async (): Promise<number> => (await shown.textContent())?.length ?? 0;
  const first = await length();
  await expect.poll(length).toBeGreaterThan(first + 100);
  await expect(shown).not.toContainText('Interrupted');
  // Stop in the second tab stops the first tab's stream: the gateway sees it closed.
  await other.stop.click();
  await expect(streaming).toContainText('Stopped');
  await chat.waitForSettled(streaming);
  expect((await chat.lastDemoStream()).outcome).toBe('client-closed');
  await expect(shown).toContainText('Stopped');
  await other.waitForSettled(shown);
  await expect(shown).toHaveText((await streaming.textContent()) ?? '');
  await expect(other.send).toBeVisible();
});

test('a conversation renamed in another tab while its reply streams here takes the new name, and keeps it when the reply ends', async ({ page, context }) => {
  const { chat, streaming, other } = await streamingInTwoTabs(page, context, false);
  await other.conversations.getByRole('button', { name: 'Rename Give me a stress test' }).click();
  await other.conversations.getByRole('textbox', { name: 'Conversation title' }).fill('Load test notes');
  await other.page.keyboard.press('Enter');
  // The streaming tab takes the name (its next write would have put the old one back).
  await expect(chat.savedConversation('Load test notes')).toBeVisible();
  await expect(streaming).toHaveAttribute('aria-busy', 'true');
  await chat.stop.click();
  await chat.waitForSettled(streaming);
  // What both tabs have, and what is stored, is the new name.
  await expect(other.savedConversation('Load test notes')).toBeVisible();
  await other.page.reload();
  await expect(other.savedConversation('Load test notes')).toBeVisible();
  await expect(other.conversations.getByRole('link')).toHaveCount(1);
});

test('a conversation deleted in another tab while its reply streams here goes here too, and its stream stops', async ({ page, context }) => {
  const { chat, other } = await streamingInTwoTabs(page, context, false);
  await other.conversations.getByRole('button', { name: 'Delete Give me a stress test' }).click();
  await expect(other.conversations.getByRole('link')).toHaveCount(0);
  // Gone from the tab that streamed it, its stream closed (it would have written it back).
  await expect(chat.conversations.getByRole('link')).toHaveCount(0);
  await expect(chat.conversation.getByRole('article')).toHaveCount(0);
  await expect.poll(async () => (await chat.lastDemoStream()).outcome).toBe('client-closed');
  for (const tab of [chat, other]) {
    await tab.page.reload();
    await expect(tab.model).toBeEnabled();
    await expect(tab.conversations.getByRole('link')).toHaveCount(0);
  }
});

test('a reply whose tab closes while it streams reads as Interrupted in another tab, with the text that tab kept', async ({ page, context }) => {
  const { other, shown } = await streamingInTwoTabs(page, context, true);
  await page.close();
  await expect(shown).toContainText('Interrupted');
  await other.waitForSettled(shown);
  expect((await shown.textContent())?.length).toBeGreaterThan(300);
  // Nothing streams: the box sends again.
  await expect(other.send).toBeVisible();
});

test('a draft the browser refuses to keep says so under the box, and the text stays in it', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('gateway-chat.draft.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  const chat = new ChatPage(page);
  await chat.open();
  const notice = page.getByRole('status').filter({ hasText: 'This draft is not kept if the page reloads: the browser refused storage.' });
  await expect(notice).toHaveCount(0);
  await chat.message.fill('half a question');
  await expect(notice).toBeVisible();
  await expect(chat.message).toHaveValue('half a question');
  // An empty box has nothing to lose.
  await chat.message.fill('');
  await expect(notice).toHaveCount(0);
});
