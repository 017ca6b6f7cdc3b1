// Takes the README's screenshot: `npm start` in one shell, then
// `npx tsx scripts/screenshot.ts [url] [out.png]` (APP_URL, SCHEME=dark, WIDTH, HEIGHT).
import { chromium } from '@playwright/test';
import { launchOptions } from '../e2e/browser.ts';

const url = process.argv[2] ?? process.env.APP_URL ?? 'http://127.0.0.1:3000/';
const out = process.argv[3] ?? 'docs/screenshot.png';
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage({
  viewport: { width: Number(process.env.WIDTH ?? 1200), height: Number(process.env.HEIGHT ?? 820) },
  colorScheme: process.env.SCHEME === 'dark' ? 'dark' : 'light',
});
await page.goto(url);
const model = page.getByRole('combobox', { name: 'Model' });
await model.selectOption(process.env.MODEL ?? 'deepseek/deepseek-reasoner');
await page.getByRole('textbox', { name: 'Message' }).fill(process.env.PROMPT ?? 'Explain goroutines vs threads');
await page.keyboard.press('Enter');
await page.locator('article[aria-label="Assistant"][aria-busy="false"]').waitFor({ timeout: 60_000 });
const scroll = Number(process.env.SCROLL ?? 100_000);
await page.getByRole('log', { name: 'Conversation' }).evaluate((el, top) => el.scrollTo(0, top), scroll);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
