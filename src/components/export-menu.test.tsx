// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ExportMenu } from './export-menu.tsx';

afterEach(cleanup);

const CHOICES = [
  { format: 'markdown', label: 'Markdown (.md)' },
  { format: 'html', label: 'Web page (.html), to share' },
] as const;

function renderMenu() {
  const onPick = vi.fn();
  render(
    <>
      <ExportMenu choices={CHOICES} onPick={onPick} className="" opens="above">
        Export
      </ExportMenu>
      <button type="button">Import</button>
    </>,
  );
  const toggle = screen.getByRole('button', { name: 'Export' });
  return { onPick, toggle, item: (name: string) => screen.queryByRole('button', { name }) };
}

it('opens on its first format; a format picked is saved and the menu closes', () => {
  const { onPick, toggle, item } = renderMenu();
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(item('Markdown (.md)')).toBeNull();
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  expect(document.activeElement).toBe(item('Markdown (.md)'));
  fireEvent.click(item('Web page (.html), to share')!);
  expect(onPick).toHaveBeenCalledExactlyOnceWith('html');
  expect(item('Markdown (.md)')).toBeNull();
});

it('Esc closes it and gives the focus back to the button', () => {
  const { onPick, toggle, item } = renderMenu();
  fireEvent.click(toggle);
  fireEvent.keyDown(item('Markdown (.md)')!, { key: 'Escape' });
  expect(item('Markdown (.md)')).toBeNull();
  expect(document.activeElement).toBe(toggle);
  expect(onPick).not.toHaveBeenCalled();
});

it('closes when the focus goes to something else, not when it goes to nothing (a click in Safari)', () => {
  const { toggle, item } = renderMenu();
  fireEvent.click(toggle);
  fireEvent.blur(item('Markdown (.md)')!, { relatedTarget: null });
  expect(item('Markdown (.md)')).not.toBeNull();
  fireEvent.blur(item('Web page (.html), to share')!, { relatedTarget: screen.getByRole('button', { name: 'Import' }) });
  expect(item('Markdown (.md)')).toBeNull();
});
