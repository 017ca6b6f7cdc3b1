import type { ReactNode } from 'react';
import { useStickToBottom } from 'use-stick-to-bottom';
import type { Message } from '../chat/types.ts';
import { MessageView } from './message-view.tsx';

interface ConversationProps {
  messages: readonly Message[];
  /** Shown when there are no messages yet. */
  empty: ReactNode;
}

/** The scrolling log: follows the reply only while the reader is at the bottom. */
export function Conversation({ messages, empty }: ConversationProps) {
  const { scrollRef, contentRef, isAtBottom, scrollToBottom } = useStickToBottom({ initial: 'instant', resize: 'instant' });
  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scrollRef} role="log" aria-label="Conversation" className="h-full overflow-y-auto overscroll-contain" tabIndex={0}>
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
