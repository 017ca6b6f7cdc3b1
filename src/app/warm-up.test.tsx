// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { warmUpRenderer } from './warm-up.tsx';

it('streams the sample reply through the renderer off-document and leaves nothing behind', async () => {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent): void => void errors.push(event.error);
  window.addEventListener('error', onError);
  await warmUpRenderer();
  window.removeEventListener('error', onError);
  expect(errors).toEqual([]);
  expect(document.body.innerHTML).toBe('');
});

it('builds the usage panel’s slow number formats before the first reply ends: cost, context window', async () => {
  const { compact } = await import('../components/figures.ts');
  const formatted: string[] = [];
  // Intl.NumberFormat's format is a getter of a bound function: shadowed on the instance while the warm-up runs.
  const original = compact.format;
  Object.defineProperty(compact, 'format', { configurable: true, value: (value: number) => (formatted.push(String(value)), original(value)) });
  try {
    await warmUpRenderer();
  } finally {
    delete (compact as { format?: unknown }).format;
  }
  expect(formatted).toContain('128000');
});
