import { describe, expect, it } from 'vitest';
import { matches, type Shortcut } from './use-shortcuts.ts';

const key = (k: string, extra: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...extra,
});
const run = (): void => undefined;

describe('matches', () => {
  const newChat: Shortcut = { key: 'o', mod: true, shift: true, run };
  const focusBox: Shortcut = { key: 'Escape', shift: true, run };

  it('takes Ctrl or ⌘ as the modifier, and the key in either case', () => {
    expect(matches(newChat, key('O', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matches(newChat, key('o', { metaKey: true, shiftKey: true }))).toBe(true);
  });

  it('wants exactly the modifiers asked for', () => {
    expect(matches(newChat, key('o', { ctrlKey: true }))).toBe(false);
    expect(matches(newChat, key('o', { ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
    expect(matches(focusBox, key('Escape'))).toBe(false);
    expect(matches(focusBox, key('Escape', { shiftKey: true }))).toBe(true);
    expect(matches(focusBox, key('Escape', { shiftKey: true, ctrlKey: true }))).toBe(false);
  });
});
