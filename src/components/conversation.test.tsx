// @vitest-environment jsdom
// jsdom lays nothing out, so the log's scroll metrics are played by hand here:
// a content height the test sets, a view 500px tall, and a scrollTop the
// browser clamps. The real scrolling is in e2e/scroll.spec.ts; this pins the
// order that test cannot arrange at will: a commit landing between a
// scrollbar drag and its scroll event.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assistantReply } from '../chat/test-messages.ts';
import type { Message } from '../chat/types.ts';
import { Conversation } from './conversation.tsx';
import { stubResizeObserver } from './test-dom.ts';

interface Layout {
  contentHeight: number;
  viewHeight: number;
  top: number;
}

let layout: Layout;

beforeEach(() => {
  layout = { contentHeight: 2000, viewHeight: 500, top: 0 };
  stubResizeObserver();
  const clamp = (top: number): number => Math.max(0, Math.min(top, layout.contentHeight - layout.viewHeight));
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(() => layout.contentHeight);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(() => layout.viewHeight);
  vi.spyOn(HTMLElement.prototype, 'scrollTop', 'get').mockImplementation(() => clamp(layout.top));
  vi.spyOn(HTMLElement.prototype, 'scrollTop', 'set').mockImplementation((top: number) => {
    layout.top = clamp(top);
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const chat = (text: string): Message[] => [
  { id: 'u', role: 'user', content: 'Write at length' },
  assistantReply({ id: 'r', status: 'streaming', content: text, usage: undefined, finishReason: undefined }),
];

const endTop = (): number => layout.contentHeight - layout.viewHeight;
const jumpButton = () => screen.queryByRole('button', { name: /Jump to latest/ });

/** Renders a streaming reply, then lets it grow once: the view follows to the end. */
function following() {
  const view = render(<Conversation messages={chat('one')} empty={null} />);
  layout.contentHeight += 100;
  view.rerender(<Conversation messages={chat('one two')} empty={null} />);
  expect(endTop() - layout.top).toBeLessThanOrEqual(1);
  return view;
}

describe('Conversation following the reply', () => {
  it('follows each commit to the end while the reader is at the bottom', () => {
    const view = following();
    layout.contentHeight += 100;
    view.rerender(<Conversation messages={chat('one two three')} empty={null} />);
    expect(endTop() - layout.top).toBeLessThanOrEqual(1);
    expect(jumpButton()).toBeNull();
  });

  it('a scrollbar drag up whose scroll event has not come yet is not undone by the next commit: the view detaches', () => {
    const view = following();
    layout.top -= 300;
    const dragged = layout.top;
    layout.contentHeight += 100;
    view.rerender(<Conversation messages={chat('one two three')} empty={null} />);
    expect(layout.top).toBe(dragged);
    expect(jumpButton()).not.toBeNull();
    // And it stays where the reader left it as the reply goes on.
    layout.contentHeight += 100;
    view.rerender(<Conversation messages={chat('one two three four')} empty={null} />);
    expect(layout.top).toBe(dragged);
  });

  it('a view that grows taller (the composer shrinking) pulls the position up to the new end and keeps following', () => {
    const view = following();
    layout.viewHeight += 120;
    layout.contentHeight += 100;
    view.rerender(<Conversation messages={chat('one two three')} empty={null} />);
    expect(endTop() - layout.top).toBeLessThanOrEqual(1);
    expect(jumpButton()).toBeNull();
  });

  it('a view that grows taller, pulled up by the browser, stays followed when a commit adds text before anything has looked', () => {
    const view = following();
    // The browser pulls the position up by as much as the view grew (the end moved up)…
    layout.viewHeight += 120;
    layout.top = Math.min(layout.top, layout.contentHeight - layout.viewHeight);
    // …and a commit adds text below before a scroll event or a resize callback: a rise, with more content, not at the end.
    layout.contentHeight += 100;
    view.rerender(<Conversation messages={chat('one two three')} empty={null} />);
    expect(endTop() - layout.top).toBeLessThanOrEqual(1);
    expect(jumpButton()).toBeNull();
  });

  it('content that shrinks pulls the position up with it and keeps following', () => {
    const view = following();
    layout.contentHeight -= 200;
    view.rerender(<Conversation messages={chat('one')} empty={null} />);
    layout.contentHeight += 50;
    view.rerender(<Conversation messages={chat('one two')} empty={null} />);
    expect(endTop() - layout.top).toBeLessThanOrEqual(1);
    expect(jumpButton()).toBeNull();
  });
});
