// Adds up Vitest's and Playwright's JSON reports into the one closing line CI reads.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
const seen = [];

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.numFailedTestSuites ?? 0);
  seen.push(`unit ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
}

const playwright = read('reports/playwright.json');
if (playwright?.stats) {
  const { expected = 0, unexpected = 0, flaky = 0 } = playwright.stats;
  passed += expected;
  failed += unexpected + flaky;
  seen.push(`e2e ${expected} passed, ${unexpected + flaky} failed`);
}

// A step that fails before the runners (lint, typecheck, build) still fails the run.
if (status !== 0 && failed === 0) failed = 1;
if (seen.length) console.log(`(${seen.join('; ')})`);
console.log(`${passed} passed, ${failed} failed`);
