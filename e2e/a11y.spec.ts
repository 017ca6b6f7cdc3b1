// Accessibility, checked by axe-core in the real page: WCAG 2.1 A and AA and
// axe's best practices, in light and dark, on a phone's width (where code and
// tables scroll sideways) and in the compare view's narrow lanes.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ChatPage } from './chat-page.ts';

const SCHEMES = ['light', 'dark'] as const;
// Left out, each for its reason:
// - A model's table may leave its corner empty (`| | Goroutine | OS thread |`);
//   GFM makes that an empty header cell, which axe's best practice flags. It
//   is the reply's content, shown as the model wrote it.
// - UI-CONTRACT.md names every reply's usage region "Usage", so a
//   conversation of two replies (or three lanes) holds regions of one name.
const LEFT_OUT = ['empty-table-header', 'landmark-unique'];

/** Each violation as one readable line: the rule, then where. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .disableRules(LEFT_OUT)
    .analyze();
  return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${v.help} at ${node.target.join(' ')}`));
}

for (const colorScheme of SCHEMES) {
  test(`a chat on a phone, streaming and settled (code, a table, a task list, math, tool calls), meets WCAG A and AA in ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 390, height: 844 });
    const chat = new ChatPage(page);
    await chat.open();
    expect(await violations(page)).toEqual([]);

    // Streaming: the line under the box says so. The demo model goes silent
    // for 7 s, so the page holds still while it is checked.
    const stalled = await chat.ask('Explain goroutines vs threads', 'mistral/demo-stall');
    await expect(stalled.getByText('No new tokens for 5 seconds', { exact: false })).toBeVisible();
    await expect(page.getByText('Streaming… press Esc to stop.')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await chat.waitForSettled(stalled);

    await chat.ask('Show me a markdown showcase', 'openai/gpt-4o-mini');
    // The second reply (lastReply() would move on to the next one).
    const showcase = chat.conversation.getByRole('article', { name: 'Assistant' }).nth(1);
    await chat.waitForSettled(showcase);
    // What the checks below are about: a task list's boxes, and code wider than the screen.
    await expect(showcase.getByRole('checkbox', { name: 'Task' })).toHaveCount(2);
    const code = showcase.locator('pre').first();
    expect(await code.evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
    const math = await chat.ask('Show me the quadratic formula', 'openai/gpt-4o-mini');
    await chat.waitForSettled(math);
    await expect(math.locator('.math-display .katex').first()).toBeVisible();
    // Tool calls' cards, their arguments field by field (the gateway's MCP mode).
    const tools = await chat.ask('Explain goroutines vs threads', 'openai/demo-mcp-tools');
    await chat.waitForSettled(tools);
    await expect(tools.getByRole('figure', { name: 'Tool call fetch_page' }).getByRole('definition')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    // A keyboard reaches the code block's scroller and scrolls it.
    await code.focus();
    await expect(code).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => code.evaluate((pre) => pre.scrollLeft)).toBeGreaterThan(0);
  });
}

test('code, a table or a formula is a tab stop only while it scrolls sideways, as the width of the page changes', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.waitForSettled(await chat.ask('Show me a markdown showcase', 'openai/gpt-4o-mini'));
  // The first reply (lastReply() moves on to the next one).
  const showcase = chat.conversation.getByRole('article', { name: 'Assistant' }).first();
  const formula = await chat.ask('Show me the quadratic formula', 'openai/gpt-4o-mini');
  await chat.waitForSettled(formula);
  await expect(formula.locator('.math-display .katex').first()).toBeVisible();
  /** Each scroller of the replies: whether it scrolls, and whether it is a tab stop. */
  const scrollers = () =>
    chat.conversation.locator('pre, .md-table-wrap, .math-display').evaluateAll((boxes) =>
      boxes.map((box) => ({ scrolls: box.scrollWidth > box.clientWidth + 1, tabStop: box.getAttribute('tabindex') === '0' })),
    );
  const code = showcase.locator('pre').first();
  const copy = showcase.getByRole('button', { name: 'Copy code' }).first();

  // Wide enough for all of it: none is a tab stop, and Tab passes the code by.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(async () => (await scrollers()).every((box) => !box.scrolls && !box.tabStop)).toBe(true);
  // The showcase's code and table, and the formula.
  expect((await scrollers()).length).toBeGreaterThanOrEqual(3);
  await copy.focus();
  await page.keyboard.press('Tab');
  await expect(code).not.toBeFocused();

  // A phone's width: the code is wider than the reply, and the keyboard reaches it to scroll it.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(code).toHaveAttribute('tabindex', '0');
  expect(await code.evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
  await expect.poll(async () => (await scrollers()).every((box) => box.scrolls === box.tabStop)).toBe(true);
  await copy.focus();
  await page.keyboard.press('Tab');
  await expect(code).toBeFocused();

  // Wide again: a tab stop no more.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(code).not.toHaveAttribute('tabindex');
  await expect.poll(async () => (await scrollers()).every((box) => !box.tabStop)).toBe(true);
});

test('the compare view, three lanes with tables wider than a lane (and as a blind test, a lane picked), meets WCAG A and AA in dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const chat = new ChatPage(page);
  const lanes = ['groq/llama-3.3-70b-versatile', 'openai/gpt-4o-mini', 'google/models/gemini-2.5-flash'] as const;
  await chat.open(`/compare?lanes=${lanes.join(',')}`);
  await chat.message.fill('Compare providers in a table');
  await chat.message.press('Enter');
  for (const model of lanes) await chat.waitForSettled(page.getByRole('region', { name: model, exact: true }).getByRole('article', { name: 'Assistant' }));
  const wrap = page.getByRole('region', { name: lanes[0], exact: true }).locator('.md-table-wrap').first();
  expect(await wrap.evaluate((div) => div.scrollWidth > div.clientWidth)).toBe(true);
  expect(await violations(page)).toEqual([]);
  // A blind test: the lanes called Model A, B and C.
  await page.getByRole('button', { name: 'Blind test' }).click();
  await expect(page.getByRole('region', { name: 'Model C', exact: true })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // A lane picked, then shown again: its badge and the tally.
  await page.getByRole('button', { name: 'Pick Model B' }).click();
  await expect(page.getByRole('button', { name: 'Pick Model B' })).toHaveAttribute('aria-pressed', 'true');
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Blind test' }).click();
  await expect(page.getByText(/^★ Picked blind:/)).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('from the keyboard, Stop, Continue, Regenerate and a saved edit leave the focus in the message box, and an edit given up hands it back to Edit', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  const reply = await chat.ask('Give me a stress test');
  // Some text first, so the stopped reply can be continued.
  await expect(reply.locator('.markdown')).not.toBeEmpty();
  await expect(chat.stop).toBeVisible();
  // From the box, Tab reaches Stop; Enter presses it and Send takes its place.
  await chat.message.press('Tab');
  await expect(chat.stop).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reply).toContainText('Stopped');
  await expect(chat.message).toBeFocused();

  const edit = chat.conversation.getByRole('article', { name: 'You' }).getByRole('button', { name: 'Edit' });
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Edited prompt' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(edit).toBeFocused();
  // Cancel, pressed from the keyboard, too.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(edit).toBeFocused();

  // Continue and Regenerate go while the reply streams; Esc in the box stops it again.
  for (const name of ['Continue', 'Regenerate']) {
    const button = chat.lastReply().getByRole('button', { name });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(chat.stop).toBeVisible();
    await expect(chat.message).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(chat.lastReply()).toContainText('Stopped');
  }
  // An edit saved with Enter sends it again.
  await edit.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type(' again');
  await page.keyboard.press('Enter');
  await expect(chat.stop).toBeVisible();
  await expect(chat.message).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(chat.lastReply()).toContainText('Stopped');

  // Clicked, the focus stays where the pointer left it: a tap does not bring up a phone's keyboard.
  await chat.lastReply().getByRole('button', { name: 'Regenerate' }).click();
  await expect(chat.stop).toBeVisible();
  await expect(chat.message).not.toBeFocused();
  await chat.stop.click();
  await expect(chat.message).not.toBeFocused();
});

test('a dialog opened on a touch screen takes the focus itself, so no keyboard comes up over it; with a mouse its first field takes it', async ({ page, browser }) => {
  const touch = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const phone = await touch.newPage();
    await new ChatPage(phone).open();
    await phone.getByRole('button', { name: 'Settings' }).tap();
    const dialog = phone.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeFocused();
    await phone.keyboard.press('Tab');
    await expect(dialog.getByRole('textbox', { name: 'System prompt' })).toBeFocused();
  } finally {
    await touch.close();
  }
  await new ChatPage(page).open();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('textbox', { name: 'System prompt' })).toBeFocused();
});

test('from the keyboard, Previous and Next version keep the focus on the versions shown, on the other button at the first or last', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.waitForSettled(await chat.ask('hello'));
  await chat.lastReply().getByRole('button', { name: 'Regenerate' }).click();
  await chat.waitForSettled(chat.lastReply());
  // A reply's versions: another reply takes this one's place, so the buttons are new ones.
  const versions = chat.lastReply().getByRole('group', { name: 'Versions' });
  const previous = versions.getByRole('button', { name: 'Previous version' });
  const next = versions.getByRole('button', { name: 'Next version' });
  await expect(versions).toHaveText('‹2 / 2›');
  await previous.focus();
  await page.keyboard.press('Enter');
  await expect(versions).toHaveText('‹1 / 2›');
  // Previous is disabled at the first: the focus is on Next, where a second Enter goes back.
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(versions).toHaveText('‹2 / 2›');
  await expect(previous).toBeFocused();

  // A user message's versions (an edit saved): the conversation after it changes too.
  const question = chat.conversation.getByRole('article', { name: 'You' });
  await question.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edited prompt' }).fill('hello again');
  await page.getByRole('button', { name: 'Save' }).click();
  await chat.waitForSettled(chat.lastReply());
  const edits = question.getByRole('group', { name: 'Versions' });
  await expect(edits).toHaveText('‹2 / 2›');
  await edits.getByRole('button', { name: 'Previous version' }).focus();
  await page.keyboard.press('Space');
  await expect(edits).toHaveText('‹1 / 2›');
  await expect(question).not.toContainText('hello again');
  await expect(edits.getByRole('button', { name: 'Next version' })).toBeFocused();

  // Clicked, the focus is left alone (the button clicked was not the focused one).
  await chat.message.click();
  await edits.getByRole('button', { name: 'Next version' }).click();
  await expect(edits).toHaveText('‹2 / 2›');
  await expect(edits.getByRole('button', { name: 'Previous version' })).not.toBeFocused();
});

test('with less motion asked for, the dots waiting for the first token hold still', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const chat = new ChatPage(page);
  await chat.open();
  // The demo's reasoner takes 2.5 s to its first token.
  const reply = await chat.ask('hello', 'deepseek/deepseek-reasoner');
  await expect(reply).toContainText('Waiting for the first token');
  const dots = reply.locator('.typing-dots');
  const animation = (): Promise<string> => dots.evaluate((element) => getComputedStyle(element).animationName);
  expect(await animation()).toBe('none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await animation()).toBe('typing');
});

for (const colorScheme of SCHEMES) {
  test(`the settings and shortcuts dialogs and a gateway error meet WCAG A and AA in ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const chat = new ChatPage(page);
    await chat.open();
    const reply = await chat.ask('hello', 'openai/demo-rate-limit');
    await expect(reply).toContainText('Rate limit');
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+/');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}

test('a conversation exported as a web page (code, a table, a task list, math) meets WCAG A and AA on a phone, in light and dark', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.waitForSettled(await chat.ask('Show me a markdown showcase', 'openai/gpt-4o-mini'));
  await chat.waitForSettled(await chat.ask('the quadratic formula', 'openai/gpt-4o-mini'));
  const exported = await (await chat.exportFile('Export', 'Web page (.html), to share')).open();
  await exported.setViewportSize({ width: 390, height: 844 });
  for (const colorScheme of SCHEMES) {
    await exported.emulateMedia({ colorScheme });
    expect(await violations(exported)).toEqual([]);
  }
});
