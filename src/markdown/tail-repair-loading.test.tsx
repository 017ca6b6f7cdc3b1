// @vitest-environment jsdom
// The tail repair (remend) loads apart from the entry script. Until it is in,
// a streaming reply shows nothing rather than its raw markers, and shows its
// text once it loads. The test setup loads it for every other test, so these
// take fresh copies of the modules.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

async function freshModules() {
  vi.resetModules();
  const repair = await import('./repair-tail.ts');
  const view = await import('./markdown-view.tsx');
  const testing = await import('@testing-library/react');
  return { ...repair, ...view, ...testing };
}

describe('tail repair, before and after it loads', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    vi.doUnmock('./remend.ts');
  });

  it('holds back the whole tail until remend is in, then repairs it', async () => {
    const { repairTail, tailRepairPending, loadTailRepair } = await freshModules();
    expect(tailRepairPending()).toBe(true);
    expect(repairTail('Some **bold')).toBe('');
    await loadTailRepair();
    expect(tailRepairPending()).toBe(false);
    expect(repairTail('Some **bold')).toBe('Some **bold**');
  });

  it('renders a streaming reply once remend has loaded, never its raw markers before', async () => {
    const { MarkdownView, loadTailRepair, render, act } = await freshModules();
    const { container } = render(<MarkdownView text={'# Title\n\nSome **bold'} streaming />);
    expect(container.querySelector('.markdown')).not.toBeNull();
    expect(container.textContent).toBe('');
    // A settled reply needs no repair: it renders at once.
    const settled = render(<MarkdownView text="Done **here**." streaming={false} />);
    expect(settled.container.querySelector('strong')?.textContent).toBe('here');
    await act(() => loadTailRepair());
    expect(container.querySelector('h1')?.textContent).toBe('Title');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.textContent).not.toContain('**');
  });

  it('renders the tail as it is, markers and all, if remend cannot load, rather than nothing', async () => {
    vi.doMock('./remend.ts', () => {
      throw new Error('offline');
    });
    const { MarkdownView, loadTailRepair, tailRepairPending, render, act } = await freshModules();
    const { container } = render(<MarkdownView text="Some **bold" streaming />);
    expect(container.textContent).toBe('');
    await act(() => loadTailRepair().catch(() => undefined));
    expect(tailRepairPending()).toBe(false);
    expect(container.textContent).toBe('Some **bold');
  });
});
