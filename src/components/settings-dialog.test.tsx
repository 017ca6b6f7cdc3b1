// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SettingsDialog, type StorageReport } from './settings-dialog.tsx';

afterEach(cleanup);
/** jsdom has no modal dialogs: opening one only sets `open`. */
function showModal(this: HTMLDialogElement): void {
  this.open = true;
}
/** Nor media queries: this screen matches none (a mouse's, as far as the dialog asks). */
function matchMedia(query: string): MediaQueryList {
  return { matches: false, media: query } as MediaQueryList;
}
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= showModal;
  window.matchMedia ??= matchMedia;
});

const settings = { systemPrompt: '', temperature: '', maxTokens: '', replyScroll: 'follow' as const, conversationList: 'shown' as const };
const report = (over: Partial<StorageReport>): StorageReport => ({ usedBytes: 2_140_000, persisted: false, asking: false, declined: false, ...over });
const show = (storage: StorageReport | undefined, onKeepStorage = vi.fn()) => {
  render(
    <SettingsDialog open settings={settings} temperatureError={undefined} maxTokensError={undefined} onChange={() => undefined} onClose={() => undefined} storage={storage} onKeepStorage={onKeepStorage} />,
  );
  return onKeepStorage;
};
const section = () => screen.getByRole('region', { name: 'Storage' });

describe('SettingsDialog storage', () => {
  it('says how much the site keeps and that the browser may clear it, with a way to ask it not to', () => {
    const onKeep = show(report({}));
    expect(within(section()).getByRole('status').textContent).toBe(
      'Conversations, drafts and settings take 2.1 MB in this browser. The browser may clear them if the disk runs low; Export keeps a copy.',
    );
    within(section()).getByRole('button', { name: 'Ask the browser to keep them' }).click();
    expect(onKeep).toHaveBeenCalledTimes(1);
  });

  it('waits for the browser without asking twice, and says what it answered', () => {
    show(report({ asking: true }));
    expect(within(section()).getByRole('button', { name: 'Ask the browser to keep them' })).toHaveProperty('disabled', true);
    cleanup();
    show(report({ persisted: true, usedBytes: 640_000 }));
    expect(within(section()).getByRole('status').textContent).toBe('Conversations, drafts and settings take 640 kB in this browser. The browser keeps them until you delete them.');
    expect(within(section()).queryByRole('button')).toBeNull();
    cleanup();
    show(report({ declined: true }));
    expect(within(section()).getByRole('status').textContent).toContain('The browser declined to keep them for good');
    expect(within(section()).queryByRole('button')).toBeNull();
  });

  it('says only what the browser tells, and nothing where it tells nothing', () => {
    show(report({ usedBytes: undefined, persisted: undefined }));
    expect(within(section()).getByRole('status').textContent?.trim()).toBe('Conversations, drafts and settings are kept in this browser.');
    expect(within(section()).queryByRole('button')).toBeNull();
    cleanup();
    show(undefined);
    expect(screen.queryByRole('region', { name: 'Storage' })).toBeNull();
  });
});

describe('SettingsDialog reply scrolling', () => {
  it('offers to follow a reply or keep its start in view, and says which is chosen', () => {
    const onChange = vi.fn();
    render(<SettingsDialog open settings={{ ...settings, replyScroll: 'start' }} temperatureError={undefined} maxTokensError={undefined} onChange={onChange} onClose={() => undefined} />);
    const group = screen.getByRole('group', { name: 'While a reply streams' });
    const follow = within(group).getByRole('radio', { name: 'Follow the reply' });
    const start = within(group).getByRole('radio', { name: 'Keep the reply’s start in view' });
    expect(start).toHaveProperty('checked', true);
    expect(follow).toHaveProperty('checked', false);
    expect(start.getAttribute('aria-describedby')).toBeTruthy();
    follow.click();
    expect(onChange).toHaveBeenCalledWith({ replyScroll: 'follow' });
  });
});
