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

it('lays the settled sample out once in the document, unseen and unreachable, with its messages’ and runs’ content shown to layout', async () => {
  const laidOut: Array<{ visibility: string; hidden: string | null; inert: boolean; skipping: string[]; text: string }> = [];
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node instanceof HTMLElement)
          laidOut.push({
            visibility: node.style.visibility,
            hidden: node.getAttribute('aria-hidden'),
            inert: node.inert,
            skipping: [...node.querySelectorAll<HTMLElement>('.msg-item, .md-run')].map((element) => element.style.contentVisibility),
            text: node.textContent ?? '',
          });
  });
  observer.observe(document.body, { childList: true });
  await warmUpRenderer();
  await Promise.resolve();
  observer.disconnect();
  expect(laidOut).toHaveLength(1);
  expect(laidOut[0]).toMatchObject({ visibility: 'hidden', hidden: 'true', inert: true });
  // The whole reply: headings, code, the table, the usage panel.
  expect(laidOut[0]!.text).toContain('A heading');
  expect(laidOut[0]!.text).toContain('return a + b;');
  expect(laidOut[0]!.skipping.length).toBeGreaterThan(0);
  expect(new Set(laidOut[0]!.skipping)).toEqual(new Set(['visible']));
  expect(document.body.innerHTML).toBe('');
});
