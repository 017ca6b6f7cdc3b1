import { useRef, type KeyboardEvent, type ReactNode, type TouchEvent, type UIEvent, type WheelEvent } from 'react';
import { useStickToBottom } from 'use-stick-to-bottom';
import type { Message } from '../chat/types.ts';
import { MessageView } from './message-view.tsx';

interface ConversationProps {
  messages: readonly Message[];
  /** Shown when there are no messages yet. */
  empty: ReactNode;
}

const UP_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);
/** How close to the end a reader who scrolls down must come to be followed again (the library's own "near the bottom"). */
const NEAR_END_PX = 70;

/** The scrolling log: follows the reply only while the reader is at the bottom. */
export function Conversation({ messages, empty }: ConversationProps) {
  const { scrollRef, contentRef, isAtBottom, scrollToBottom, stopScroll } = useStickToBottom({ initial: 'instant', resize: 'instant' });
  const touchY = useRef<number | undefined>(undefined);
  const lastScroll = useRef({ top: 0, height: 0 });

  // The library ignores wheels over code blocks and tables (they scroll
  // sideways); a wheel, key or finger moving up is intent enough, so detach on
  // those directly, before any scroll event (see onScroll for those).
  const onWheel = (event: WheelEvent): void => {
    if (event.deltaY < 0) stopScroll();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (UP_KEYS.has(event.key) || (event.key === ' ' && event.shiftKey)) stopScroll();
  };
  const onTouchStart = (event: TouchEvent): void => {
    touchY.current = event.touches[0]?.clientY;
  };
  const onTouchMove = (event: TouchEvent): void => {
    const y = event.touches[0]?.clientY;
    if (y !== undefined && touchY.current !== undefined && y - touchY.current > 4) stopScroll();
  };
  // The library reads the reader's intent from scroll events too, but drops
  // those that land while content grows, which is every frame of a reply: a
  // scrollbar dragged up was pulled back down, and one dragged to the end did
  // not follow again. It only ever scrolls down itself, and when content
  // shrinks the browser pulls the position up with the height; so a position
  // that rose while the content did not shrink is the reader's (a scrollbar
  // drag, find in page), and so is one that moved down to the end while
  // detached (a drag, End, a wheel).
  const onScroll = (event: UIEvent<HTMLDivElement>): void => {
    const { scrollTop, scrollHeight, clientHeight } = event.currentTarget;
    const last = lastScroll.current;
    if (scrollTop < last.top - 1 && scrollHeight >= last.height) stopScroll();
    else if (!isAtBottom && scrollTop > last.top && scrollHeight - scrollTop - clientHeight <= NEAR_END_PX) void scrollToBottom('instant');
    lastScroll.current = { top: scrollTop, height: scrollHeight };
  };

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        role="log"
        aria-label="Conversation"
        className="h-full overflow-y-auto overscroll-contain"
        tabIndex={0}
        onWheel={onWheel}
        onKeyDown={onKeyDown}
        onTouchStart={onTouchStart}
        onTouchMove={onTouchMove}
        onScroll={onScroll}
      >
        <div ref={contentRef} className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
          {messages.length === 0 ? empty : messages.map((m) => <MessageView key={m.id} message={m} />)}
        </div>
      </div>
      {!isAtBottom && messages.length > 0 ? (
        <button
          type="button"
          onClick={() => void scrollToBottom()}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-md hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          ↓ Jump to latest
        </button>
      ) : null}
    </div>
  );
}
