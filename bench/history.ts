// `npm run bench:history`: what a long history of saved conversations costs
// the page. For an empty history and one of HISTORY_SIZE conversations (1,000
// by default, four turns each, about 18 MB), in the app as `npm start` serves
// it against the demo gateway: the time from a reload until the list shows,
// the longest animation frame as the history loads and how long its long
// tasks blocked the main thread (past 50 ms each, as Total Blocking Time),
// the time from the Enter that sends a message to the frame that shows it,
// and, while its reply streams, the longest frame and the frames over 50 ms
// (long animation frames: one under 50 ms reads 0). Prints medians over
// three reloads and three replies.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { launchOptions } from '../e2e/browser.ts';
import { createApp } from '../server/app.ts';
import { startDemoGateway } from '../server/demo-gateway/demo-gateway.ts';

const rootDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = Number(process.env.HISTORY_SIZE ?? 1000);
const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[values.length >> 1] ?? Number.NaN;

/** An export file of `size` conversations, each four questions and their answers (about 18 KB). */
function historyFile(size: number): string {
  const paragraph = 'Goroutines are cheap: a few KB of stack, scheduled by the Go runtime onto a small pool of OS threads. '.repeat(20);
  const now = Date.now();
  const conversations = Array.from({ length: size }, (_, i) => ({
    id: `c${i}`,
    title: `Conversation ${i}`,
    createdAt: now - i * 3_600_000,
    updatedAt: now - i * 3_600_000,
    messages: [0, 1, 2, 3].flatMap((k) => [
      { id: `u${i}-${k}`, role: 'user', content: `Question ${k} of conversation ${i}` },
      {
        id: `a${i}-${k}`,
        role: 'assistant',
        model: 'groq/llama-3.3-70b-versatile',
        content: `## Answer ${k}\n\n${paragraph}\n\n${paragraph}`,
        reasoning: '',
        toolCalls: [],
        status: 'done',
        usage: { promptTokens: 10, completionTokens: 500, totalTokens: 510 },
        finishReason: 'stop',
        timing: { startedAt: now, firstTokenAt: now + 200, endedAt: now + 2000 },
      },
    ]),
  }));
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'history-')), 'history.json');
  writeFileSync(file, JSON.stringify({ format: 'gateway-chat', version: 1, conversations }));
  return file;
}

/** Runs in the page before its scripts: notes when the list's first link shows, when the whole history is listed, when the open conversation's first message shows, and every long animation frame. */
function watch(size: number): void {
  const page = window as unknown as { listAt?: number; wholeAt?: number; openAt?: number; sentAt?: number; frames: { at: number; ms: number; block: number }[] };
  page.frames = [];
  // When a message is sent: the frame that holds it is the send's, the later ones the reply's.
  document.addEventListener('keydown', (event) => event.key === 'Enter' && (page.sentAt = performance.now()), true);
  // And how long from the Enter to the frame that shows it (Event Timing, as INP counts it).
  const timed = page as unknown as { sendMs?: number };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'keydown') timed.sendMs = entry.duration;
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  new PerformanceObserver((list) => {
    // blockingDuration: how much of the frame's long tasks went past 50 ms, the part input waits on.
    for (const entry of list.getEntries()) page.frames.push({ at: entry.startTime, ms: entry.duration, block: (entry as unknown as { blockingDuration: number }).blockingDuration });
  }).observe({ type: 'long-animation-frame', buffered: true });
  const observer = new MutationObserver(() => {
    const list = document.querySelector('nav[aria-label="Conversations"]');
    const links = list?.querySelectorAll('a').length ?? 0;
    if (page.listAt === undefined && (links > 0 || list?.textContent?.includes('Your conversations will appear here.'))) page.listAt = performance.now();
    if (page.openAt === undefined && document.querySelector('[role="log"] article')) page.openAt = performance.now();
    if (page.wholeAt === undefined && links >= size) page.wholeAt = performance.now();
    if (page.listAt !== undefined && page.wholeAt !== undefined && (size === 0 || page.openAt !== undefined)) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true });
}

const frames = (page: Page) => page.evaluate(() => (window as unknown as { frames: { at: number; ms: number; block: number }[] }).frames.splice(0));

interface HistoryRun {
  listMs: number;
  /** The open conversation's first message shown. */
  openMs: number;
  /** Every conversation listed: the whole history read. */
  wholeMs: number;
  loadFrameMs: number;
  /** The main thread blocked as it loads: the long tasks' time past 50 ms, summed. */
  loadBlockMs: number;
  /** From the Enter to the frame that shows the message sent (the list and the log change in it): under 16 ms reads 0. */
  sendMs: number;
  replyFrameMs: number;
  replyOver50: number;
}

async function measure(page: Page, appUrl: string, size: number): Promise<HistoryRun> {
  // A reload on a conversation (the newest), as a bookmark or a reload opens one; none without a history.
  await page.goto(size > 0 ? `${appUrl}c/c0` : appUrl);
  type Seen = { listAt?: number; wholeAt?: number; openAt?: number };
  const seen = await page
    .waitForFunction((empty) => {
      const at = window as unknown as Seen;
      const { listAt, wholeAt, openAt } = at;
      return listAt !== undefined && wholeAt !== undefined && (empty || openAt !== undefined) ? { listAt, wholeAt, openAt } : undefined;
    }, size === 0)
    .then((handle) => handle.jsonValue() as Promise<Required<Seen>>);
  // Whatever the load still does, in the second after the whole list shows.
  await page.waitForTimeout(1000);
  const loading = await frames(page);
  const loadFrameMs = Math.max(0, ...loading.map((frame) => frame.ms));
  const loadBlockMs = loading.reduce((sum, frame) => sum + frame.block, 0);
  if (size > 0) await page.getByRole('button', { name: 'New chat' }).click();
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('Explain goroutines vs threads');
  await page.evaluate(() => delete (window as unknown as { sendMs?: number }).sendMs);
  await box.press('Enter');
  // Not Playwright's role locator: its polling walks the whole page (a thousand
  // links) several times a second, tens of ms of the main thread the reply is measured on.
  await page.waitForFunction(
    () => [...document.querySelectorAll('[role="log"] article[aria-label="Assistant"]')].at(-1)?.getAttribute('aria-busy') === 'false',
    undefined,
    { polling: 200, timeout: 60_000 },
  );
  await page.waitForTimeout(300);
  const { sentAt, sendMs } = await page.evaluate(() => {
    const at = window as unknown as { sentAt: number; sendMs?: number };
    return { sentAt: at.sentAt, sendMs: at.sendMs };
  });
  // The frame the send is in, and those before it (New chat), are not the reply's.
  const reply = (await frames(page)).filter((frame) => frame.at > sentAt);
  // The new conversation is deleted again, so each run starts from the same history.
  await page.getByRole('button', { name: 'Delete Explain goroutines vs threads' }).click();
  return {
    listMs: seen.listAt,
    openMs: size > 0 ? seen.openAt : Number.NaN,
    wholeMs: seen.wholeAt,
    loadFrameMs,
    loadBlockMs,
    sendMs: sendMs ?? 0,
    replyFrameMs: Math.max(0, ...reply.map((frame) => frame.ms)),
    replyOver50: reply.filter((frame) => frame.ms > 50).length,
  };
}

async function main(): Promise<void> {
  console.log('Building the app…');
  await build({ root: rootDir, logLevel: 'warn' });
  const demo = await startDemoGateway(0, '127.0.0.1');
  const app = createApp({ gatewayUrl: demo.url, token: undefined, config: { provider: undefined, model: undefined, demo: true, gatewayUrl: 'bench' }, staticDir: path.join(rootDir, 'dist') });
  const http = createServer(app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  const browser = await chromium.launch(launchOptions());
  try {
    console.log(`\n| history | list shown after a reload, ms | its open conversation shown, ms | whole history listed, ms | longest frame as it loads, ms | blocked as it loads, ms | Enter to the message shown, ms | longest frame while a reply streams, ms | frames over 50 ms in a reply |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
    for (const size of [0, SIZE]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(watch, size);
      const page = await context.newPage();
      await page.goto(appUrl);
      if (size > 0) {
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Import' }).click();
        await (await chooser).setFiles(historyFile(size));
        await page.getByRole('link', { name: 'Conversation 0', exact: true }).waitFor({ timeout: 120_000 });
        // Said once IndexedDB has them all; the count checks it.
        await page.getByText(`Imported ${size.toLocaleString('en-US')} conversations.`).waitFor({ timeout: 120_000 });
        const stored = await page.evaluate(() => new Promise<number>((resolve) => {
          const opened = indexedDB.open('gateway-chat');
          opened.onsuccess = () => {
            const counted = opened.result.transaction('conversations').objectStore('conversations').count();
            counted.onsuccess = () => resolve(counted.result);
          };
        }));
        if (stored !== size) throw new Error(`Imported ${size} conversations, ${stored} stored`);
      }
      const runs: HistoryRun[] = [];
      for (let i = 0; i < 3; i++) runs.push(await measure(page, appUrl, size));
      const mid = (pick: (run: HistoryRun) => number): string => median(runs.map(pick)).toFixed(0);
      console.log(`| ${size.toLocaleString('en-US')} conversations | ${mid((r) => r.listMs)} | ${size > 0 ? mid((r) => r.openMs) : '—'} | ${size > 0 ? mid((r) => r.wholeMs) : '—'} | ${mid((r) => r.loadFrameMs)} | ${mid((r) => r.loadBlockMs)} | ${mid((r) => r.sendMs)} | ${mid((r) => r.replyFrameMs)} | ${mid((r) => r.replyOver50)} |`);
      await context.close();
    }
    console.log(`\nChromium ${browser.version()}, medians of 3.`);
  } finally {
    await browser.close();
    http.close();
    await demo.close();
  }
}

await main();
