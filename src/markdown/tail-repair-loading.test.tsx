// @vitest-environment jsdom
// The tail repair (remend) loads apart from the entry script. Until it is in,
// a streaming reply shows nothing rather than its raw markers, and shows its
// text once it loads. The test setup loads it for every other test, so these
// take fresh copies of the modules.
import { beforeEach, describe, expect, it, vi } from 'vitest';

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

  it('holds back the whole tail until remend is in, then repairs it', async () => {
    const { repairTail, tailRepairReady, loadTailRepair } = await freshModules();
    expect(tailRepairReady()).toBe(false);
    expect(repairTail('Some **bold')).toBe('');
    await loadTailRepair();
    expect(tailRepairReady()).toBe(true);
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
});
