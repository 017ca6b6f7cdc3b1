import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type TouchEvent, type UIEvent, type WheelEvent } from 'react';
import { useStickToBottom, type ScrollElements, type StickToBottomState } from 'use-stick-to-bottom';
import { isSettled, type Message } from '../chat/types.ts';
import { MessageView } from './message-view.tsx';

export interface ConversationProps {
  messages: readonly Message[];
  /** Shown when there are no messages yet. */
  empty: ReactNode;
  /** Given when a message can be edited and sent again (no reply streaming here). */
  onEdit?: ((messageId: string, text: string) => void) | undefined;
  /** Under a message being edited: what saving it does. */
  editNote?: string | undefined;
  /** Given when the last reply can be asked for again. */
  onRegenerate?: ((replyId: string) => void) | undefined;
  /** Given when another version of the last reply can be shown in its place. */
  onShowVersion?: ((replyId: string, versionId: string) => void) | undefined;
  /** Given when the last reply, if it ended before its end, can be asked to go on. */
  onContinue?: ((replyId: string) => void) | undefined;
  /** Given when another version of an edited message (and what followed it) can be shown in its place. */
  onShowMessageVersion?: ((messageId: string, versionId: string) => void) | undefined;
  /** The log's name: "Conversation" unless it is one of several (a compare lane). */
  label?: string;
  /**
   * Each new reply is read from its start: the message it answers goes to the
   * top of the view, which goes no further down with the reply (Settings).
   */
  keepReplyStart?: boolean | undefined;
}

const UP_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);
/** How close to the end a reader who scrolls down must come to be followed again (the library's own "near the bottom"). */
const NEAR_END_PX = 70;
/** Above a message held at the top of the view, as much of what came before shows. */
const PIN_GAP_PX = 16;
/** The log's padding under its last message (py-6). */
const END_PAD_PX = 24;

/** Where `element` is in `view`'s scrolled content. */
function topIn(view: HTMLElement, element: Element): number {
  return element.getBoundingClientRect().top - view.getBoundingClientRect().top + view.scrollTop;
}

/** The message a new reply answers, held at the top of the view while the reply is read from its start. */
interface Pin {
  replyId: string;
  anchor: HTMLElement;
}

// The library's state is a mutable object it exposes for this; its scroll
// handler skips the event at ignoreScrollToTop (its own moves set it), and its
// scrollTop setter moves the view and sets it.
/** The next scroll event at this position is not the reader's. */
function ignoreScrollAt(state: StickToBottomState, top: number): void {
  state.ignoreScrollToTop = top;
}

/** Where the view was when last seen (a scroll event, or a move to the end), how tall its content was, and how tall it was itself. */
interface Seen {
  top: number;
  height: number;
  view: number;
}

/** The view as it is now, to be compared with the next look. */
function seenNow(view: HTMLElement): Seen {
  return { top: view.scrollTop, height: view.scrollHeight, view: view.clientHeight };
}

/**
 * Whether the view rose since it was last seen while its content did not
 * shrink and it is not at the end: the reader moved it (a scrollbar drag,
 * find in page). The library only ever scrolls down; content that shrinks
 * pulls the position up with it, and a view that grows taller pulls one at
 * the end up to the new end, by as much as it grew: a rise of no more than
 * that is nobody's, even when a commit has added text below since (the view
 * then is not at the end, and the next move takes it there).
 */
function readerRose(view: HTMLElement, seen: Seen): boolean {
  const { scrollTop, scrollHeight, clientHeight } = view;
  const taller = Math.max(0, clientHeight - seen.view);
  return scrollTop < seen.top - 1 - taller && scrollHeight >= seen.height && scrollHeight - scrollTop - clientHeight > 1;
}

/**
 * Moves a view that is following back to the end, as the library's own move;
 * but one the reader has moved up since it was last seen detaches instead. A
 * commit can come between a scrollbar drag and its scroll event (a frame late
 * past the batcher's timer fallback, or a highlight landing), and moving to
 * the end there would undo the drag before anything had seen it.
 */
function holdAtEnd(state: StickToBottomState, view: HTMLElement | null, seen: Seen, pressed: boolean, detach: () => void): void {
  // Like the library, never move the text under a mouse that is selecting it.
  if (!state.isAtBottom || pressed || !view) return;
  if (readerRose(view, seen)) {
    detach();
    return;
  }
  // The target is the end, or a reply's message held at the top: the view
  // goes down to it, never up (a reader below that message stays put).
  if (state.calculatedTargetScrollTop > view.scrollTop) state.scrollTop = state.calculatedTargetScrollTop;
  Object.assign(seen, seenNow(view));
}

/** The scrolling log: follows the reply only while the reader is at the bottom. */
export function Conversation({ messages, empty, onEdit, editNote, onRegenerate, onShowVersion, onContinue, onShowMessageVersion, label = 'Conversation', keepReplyStart = false }: ConversationProps) {
  const pin = useRef<Pin | undefined>(undefined);
  /** Room under the last reply, so the message it answers can reach the top of the view. */
  const room = useRef<HTMLDivElement>(null);
  /** While a message is held at the top: text goes on below the view (a pinned view is "at its target" to the library). */
  const [below, setBelow] = useState(false);
  // While a message is held at the top, that is where the library's "bottom" is.
  const [targetScrollTop] = useState(() => (target: number, { scrollElement }: ScrollElements): number =>
    pin.current ? Math.min(target, topIn(scrollElement, pin.current.anchor) - PIN_GAP_PX) : target,
  );
  const { scrollRef, contentRef, isAtBottom, scrollToBottom, stopScroll, state } = useStickToBottom({ initial: 'instant', resize: 'instant', targetScrollTop });
  const touchY = useRef<number | undefined>(undefined);
  const seen = useRef<Seen>({ top: 0, height: 0, view: 0 });
  /** The content's height as of the last frame laid out: the end a reader saw when they scrolled to it. */
  const laidOut = useRef(0);
  /** A mouse button went down in the log and has not come up: a selection (or a scrollbar drag) under way. */
  const pressed = useRef(false);

  // The library ignores wheels over code blocks and tables (they scroll
  // sideways); a wheel, key or finger moving up is intent enough, so detach on
  // those directly, before any scroll event (see onScroll for those).
  const onWheel = (event: WheelEvent): void => {
    if (event.deltaY < 0) stopScroll();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    // Keys in a message being edited move its caret, not the view.
    if (event.target instanceof HTMLTextAreaElement) return;
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
  // detached (a drag, End, a wheel). One rise is nobody's: when the view grows
  // taller (the composer shrinks as a reply ends, a phone's keyboard closes)
  // the browser pulls a view at the end up to the new end, which the library
  // took for the reader leaving, so the next reply streamed out of sight. A
  // view left at the end is never detached. This runs in the capture phase,
  // before the library's own listener, to tell it to ignore such a move.
  const onScrollCapture = (event: UIEvent<HTMLDivElement>): void => {
    const view = event.currentTarget;
    const { scrollTop, scrollHeight, clientHeight } = view;
    const rose = readerRose(view, seen.current);
    const last = seen.current;
    seen.current = seenNow(view);
    // The library marks its own moves (holdAtEnd's too): they say nothing of
    // the reader, and one still on its way must not follow a reader who has
    // just detached.
    if (scrollTop === state.ignoreScrollToTop) return;
    const fromEnd = scrollHeight - scrollTop - clientHeight;
    // A commit can land between the reader's move and its scroll event and
    // grow the content past "near": near the end they saw is near enough.
    const fromSeenEnd = Math.min(scrollHeight, laidOut.current || scrollHeight) - scrollTop - clientHeight;
    if (pin.current) setBelow(fromEnd > NEAR_END_PX);
    if (fromEnd <= 1) {
      // A reader who goes down to the end is followed from there. (A view
      // held at a message is at the end while its reply is short, and the
      // browser moves it up when the view grows: that is nobody's going down.)
      if (scrollTop > last.top) pin.current = undefined;
      ignoreScrollAt(state, scrollTop);
      if (!state.isAtBottom) void scrollToBottom('instant');
    } else if (rose) stopScroll();
    else if (!isAtBottom && scrollTop > last.top && fromSeenEnd <= NEAR_END_PX) void scrollToBottom('instant');
  };

  /** Sizes the room under the reply so its held message can reach the top, and says whether text goes on below. */
  const fitRoom = useCallback((): void => {
    const view = scrollRef.current;
    const held = pin.current;
    if (!held?.anchor.isConnected || !view || !room.current) {
      // No message held (none yet, gone, the setting turned off): the library's own "at the bottom" says it all.
      pin.current = undefined;
      setBelow(false);
      return;
    }
    // Content that shrank pulled the view up with it, which is nobody's move;
    // once the room has grown back that would look like the reader's rise.
    if (view.scrollHeight < seen.current.height) seen.current = seenNow(view);
    const lift = topIn(view, held.anchor) - PIN_GAP_PX;
    // One pixel more: the library takes the end to be 1 px short of it, and would pull the view up to there.
    room.current.style.height = `${Math.max(0, lift + 1 + view.clientHeight - topIn(view, room.current) - END_PAD_PX)}px`;
    setBelow(view.scrollHeight - Math.max(view.scrollTop, lift) - view.clientHeight > NEAR_END_PX);
  }, [scrollRef]);

  // A new reply (sent, asked for again) read from its start: hold the message
  // it answers at the top of the view, with room under the reply for that,
  // which shrinks as the reply grows. Runs before holdAtEnd, which then moves
  // the view to it in this commit.
  useLayoutEffect(() => {
    const view = scrollRef.current;
    const last = messages.at(-1);
    if (!keepReplyStart) pin.current = undefined;
    else if (view && last?.role === 'assistant' && last.status === 'waiting' && pin.current?.replyId !== last.id) {
      const asked = contentRef.current?.querySelectorAll<HTMLElement>(':scope > article[aria-label="You"]');
      const anchor = asked?.[asked.length - 1];
      if (anchor) {
        pin.current = { replyId: last.id, anchor };
        void scrollToBottom('instant');
      }
    }
    fitRoom();
  });

  // A reply asked for here (sent, asked for again, after an Edit) is what the
  // reader wants to see, even from higher up: follow it (with its message
  // held at the top instead, above). So is one that goes on (Continue): its
  // new text is at the end.
  const lastTurn = useRef<{ id: string; settled: boolean } | undefined>(undefined);
  useLayoutEffect(() => {
    const last = messages.at(-1);
    const before = lastTurn.current;
    const settled = last?.role !== 'assistant' || isSettled(last.status);
    lastTurn.current = last && { id: last.id, settled };
    if (!before || !last || settled) return;
    if (before.id === last.id ? before.settled : !keepReplyStart) {
      pin.current = undefined;
      setBelow(false);
      void scrollToBottom('instant');
    }
  }, [messages, keepReplyStart, scrollToBottom]);

  // The library scrolls in the frame after content grows, so each painted
  // frame left that frame's text below the edge: follow in the commit that
  // adds it instead, after every render (the layout this reads is the one the
  // frame would do).
  useLayoutEffect(() => holdAtEnd(state, scrollRef.current, seen.current, pressed.current, stopScroll));

  // The library follows content that grows, not a view that shrinks: when the
  // composer grows or a phone's keyboard opens, keep the end in view. The
  // content is watched too: a new message or run of blocks has an estimated
  // size (content-visibility) in the commit's layout and its own once the
  // browser first lays it out, after the layout effects and before the frame
  // paints; a held message's room is fitted again there.
  useEffect(() => {
    const view = scrollRef.current;
    if (!view) return;
    const observer = new ResizeObserver(() => {
      // After the frame's layout: reading the height costs nothing here.
      laidOut.current = view.scrollHeight;
      fitRoom();
      holdAtEnd(state, view, seen.current, pressed.current, stopScroll);
    });
    observer.observe(view);
    if (contentRef.current) observer.observe(contentRef.current);
    const release = (): void => {
      pressed.current = false;
    };
    window.addEventListener('mouseup', release);
    return () => {
      observer.disconnect();
      window.removeEventListener('mouseup', release);
    };
  }, [scrollRef, contentRef, state, stopScroll, fitRoom]);

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        role="log"
        aria-label={label}
        // No scroll anchoring while following: the view goes to the end itself
        // after every commit, and the browser's anchoring moves it up when
        // something above its anchor shrinks (a growing table's earlier rows,
        // rewrapped as a wider row comes), which read as the reader rising and
        // let go of the reply. Detached, anchoring keeps the reader's place.
        className={`h-full overflow-y-auto overscroll-contain${isAtBottom ? ' [overflow-anchor:none]' : ''}`}
        tabIndex={0}
        onWheel={onWheel}
        onKeyDown={onKeyDown}
        onTouchStart={onTouchStart}
        onTouchMove={onTouchMove}
        onScrollCapture={onScrollCapture}
        onMouseDown={() => (pressed.current = true)}
      >
        <div ref={contentRef} className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
          {messages.length === 0
            ? empty
            : messages.map((m, i) => (
                <MessageView
                  key={m.id}
                  message={m}
                  onEdit={onEdit}
                  editNote={editNote}
                  onRegenerate={i === messages.length - 1 && m.role === 'assistant' ? onRegenerate : undefined}
                  onShowVersion={i === messages.length - 1 && m.role === 'assistant' ? onShowVersion : undefined}
                  onContinue={i === messages.length - 1 && m.role === 'assistant' ? onContinue : undefined}
                  onShowMessageVersion={m.role === 'user' ? onShowMessageVersion : undefined}
                />
              ))}
          {/* Its negative margin takes back the list's gap: with no room needed it adds nothing. */}
          {keepReplyStart ? <div ref={room} aria-hidden="true" data-export="omit" className="-mt-6 shrink-0" /> : null}
        </div>
      </div>
      {(!isAtBottom || below) && messages.length > 0 ? (
        <button
          type="button"
          onClick={() => {
            pin.current = undefined;
            setBelow(false);
            void scrollToBottom();
          }}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full border border-zinc-300 bg-white px-3 py-1.5 text-sm shadow-md hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          ↓ Jump to latest
        </button>
      ) : null}
    </div>
  );
}
