// @vitest-environment jsdom
// The tail repair (remend), the math syntax and GFM's footnotes and task lists load apart
// from the entry script. Until they are in, a streaming reply (or a settled
// one with math or footnotes)
// shows nothing rather than its raw markers, and shows its text once they
// load. The test setup loads them for every other test, so these take fresh
// copies of the modules.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

async function freshModules() {
  vi.resetModules();
  const repair = await import('./repair-tail.ts');
  const parts = await import('./deferred-parts.ts');
  const view = await import('./markdown-view.tsx');
  const testing = await import('@testing-library/react');
  return { ...repair, ...parts, ...view, ...testing };
}

describe('tail repair, before and after it loads', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    vi.doUnmock('./deferred.ts');
  });

  it('holds back the whole tail until remend is in, then repairs it', async () => {
    const { repairTail, deferredPartsPending, loadDeferredParts } = await freshModules();
    expect(deferredPartsPending()).toBe(true);
    expect(repairTail('Some **bold')).toBe('');
    await loadDeferredParts();
    expect(deferredPartsPending()).toBe(false);
    expect(repairTail('Some **bold')).toBe('Some **bold**');
  });

  it('renders a streaming reply once remend has loaded, never its raw markers before', async () => {
    const { MarkdownView, loadDeferredParts, render, act } = await freshModules();
    const { container } = render(<MarkdownView text={'# Title\n\nSome **bold'} streaming />);
    expect(container.querySelector('.markdown')).not.toBeNull();
    expect(container.textContent).toBe('');
    // A settled reply needs no repair: it renders at once.
    const settled = render(<MarkdownView text="Done **here**." streaming={false} />);
    expect(settled.container.querySelector('strong')?.textContent).toBe('here');
    await act(() => loadDeferredParts());
    expect(container.querySelector('h1')?.textContent).toBe('Title');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.textContent).not.toContain('**');
  });

  it('holds back a settled reply with math until its syntax is in, and renders one without math at once', async () => {
    const { MarkdownView, loadDeferredParts, render, act } = await freshModules();
    const { container } = render(<MarkdownView text={'Energy: $$E = mc^2$$.'} streaming={false} />);
    expect(container.textContent).toBe('');
    const plain = render(<MarkdownView text="It costs $5, or $10 with tax." streaming={false} />);
    expect(plain.container.textContent).toBe('It costs $5, or $10 with tax.');
    await act(() => loadDeferredParts());
    expect(container.querySelector('.math-inline')?.textContent).toContain('E = mc^2');
    expect(container.textContent).not.toContain('$$');
  });

  it('holds back a settled reply with footnotes, a task list or strikethrough until their syntax is in', async () => {
    const { MarkdownView, loadDeferredParts, render, act } = await freshModules();
    const { container } = render(<MarkdownView text={'A claim[^1].\n\n[^1]: The source.'} streaming={false} />);
    expect(container.textContent).toBe('');
    const tasks = render(<MarkdownView text={'Steps:\n\n1. [x] done\n2. [ ] next'} streaming={false} />);
    expect(tasks.container.textContent).toBe('');
    const struck = render(<MarkdownView text="Not ~~this~~ but that." streaming={false} />);
    expect(struck.container.textContent).toBe('');
    await act(() => loadDeferredParts());
    expect(struck.container.querySelector('del')?.textContent).toBe('this');
    expect([...tasks.container.querySelectorAll<HTMLInputElement>('li input[type=checkbox]')].map((box) => box.checked)).toEqual([true, false]);
    expect(container.querySelector('sup a')?.textContent).toBe('1');
    expect(container.querySelector('section.footnotes li')?.textContent).toContain('The source.');
    expect(container.textContent).not.toContain('[^1]');
  });

  it('renders the tail as it is, markers and all, if remend cannot load, rather than nothing', async () => {
    vi.doMock('./deferred.ts', () => {
      throw new Error('offline');
    });
    const { MarkdownView, loadDeferredParts, deferredPartsPending, render, act } = await freshModules();
    const { container } = render(<MarkdownView text="Some **bold" streaming />);
    expect(container.textContent).toBe('');
    await act(() => loadDeferredParts().catch(() => undefined));
    expect(deferredPartsPending()).toBe(false);
    expect(container.textContent).toBe('Some **bold');
  });
});
