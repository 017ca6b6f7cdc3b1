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
