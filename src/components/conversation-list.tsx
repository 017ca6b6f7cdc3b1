import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { ConversationSummary } from '../chat/conversations.ts';
import { groupConversations, untilNextDay } from './conversation-groups.ts';

interface ConversationListProps {
  /** Saved conversations, newest first. */
  conversations: readonly ConversationSummary[];
  /** Ids of the conversations whose title or messages match the query. */
  search(query: string): ReadonlySet<string>;
  openId: string;
  loaded: boolean;
  /** Whether there is a list to show before the history is read (the list as last kept, even empty): until then, "Loading conversations…". */
  listed: boolean;
  storageError: string | undefined;
  /** Where a conversation's link points (opened in a new tab, it opens there). */
  hrefFor(id: string): string;
  onOpen(id: string): void;
  onDelete(id: string): void;
  onRename(id: string, title: string): void;
  /** The title of a conversation just deleted, while it can be undone. */
  deletedTitle: string | undefined;
  onUndoDelete(): void;
  /** The search box, for a page that moves the focus to it. */
  searchRef?: RefObject<HTMLInputElement | null> | undefined;
  /** The shortcut that moves the focus there, as aria-keyshortcuts says it. */
  searchShortcut?: string | undefined;
}

/** A time on the reader's day, renewed as the next day begins: a page left open overnight moves "Today" to "Yesterday". */
function useToday(): number {
  const [today, setToday] = useState(() => Date.now());
  useEffect(() => {
    // A second past midnight, so the day has surely turned (timers may fire a little early).
    const timer = setTimeout(() => setToday(Date.now()), untilNextDay(today) + 1000);
    return () => clearTimeout(timer);
  }, [today]);
  return today;
}

const ROW_BUTTON =
  'rounded px-1.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';

interface ConversationRowProps {
  id: string;
  title: string;
  streaming: boolean;
  current: boolean;
  href: string;
  onFollow(event: MouseEvent<HTMLAnchorElement>, id: string): void;
  onRename(id: string, title: string): void;
  onDelete(id: string): void;
}

/** One conversation's link, with Rename and Delete. Memoised: a list of a thousand re-renders only the rows that changed. */
const ConversationRow = memo(function ConversationRow({ id, title, streaming, current, href, onFollow, onRename, onDelete }: ConversationRowProps) {
  return (
    <li className="group relative">
      <a
        href={href}
        aria-current={current ? 'page' : undefined}
        onClick={(event) => onFollow(event, id)}
        className={`flex items-center gap-2 rounded-md py-1.5 pr-14 pl-2 text-sm ${
          current
            ? 'bg-zinc-200 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100'
            : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-900'
        }`}
      >
        <span className="min-w-0 flex-1 truncate">{title}</span>
        {/* The link stays named by the title alone; the dot is for the eye. */}
        {streaming ? (
          <span aria-hidden="true" className="shrink-0 text-xs text-indigo-600 dark:text-indigo-400" title="A reply is streaming">
            ●
          </span>
        ) : null}
      </a>
      {/* Shown on hover or focus where there is a mouse, always on a touch screen. */}
      <div className="absolute top-1/2 right-1 flex -translate-y-1/2 opacity-0 group-hover:opacity-100 focus-within:opacity-100 [@media(hover:none)]:opacity-100">
        <button type="button" aria-label={`Rename ${title}`} title="Rename" onClick={() => onRename(id, title)} className={ROW_BUTTON}>
          <span aria-hidden="true">✎</span>
        </button>
        <button type="button" aria-label={`Delete ${title}`} title="Delete" onClick={() => onDelete(id)} className={ROW_BUTTON}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </li>
  );
});

// Memoised: it re-renders when a conversation is added, renamed, or starts or ends a reply, not per streamed frame.
export const ConversationList = memo(function ConversationList({
  conversations,
  search,
  openId,
  loaded,
  listed,
  storageError,
  hrefFor,
  onOpen,
  onDelete,
  onRename,
  deletedTitle,
  onUndoDelete,
  searchRef,
  searchShortcut,
}: ConversationListProps) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  // Searching message text of a long history can take a while: typing stays ahead of it.
  const deferredQuery = useDeferredValue(query);
  // A whole history coming in (a thousand rows) renders in slices between
  // frames, the list as it was showing meanwhile.
  const listedNow = useDeferredValue(conversations);
  const searching = deferredQuery.trim() !== '';
  const shown = useMemo(() => {
    if (!searching) return listedNow;
    const matches = search(deferredQuery);
    return listedNow.filter((c) => matches.has(c.id));
  }, [listedNow, search, deferredQuery, searching]);
  const today = useToday();
  const groups = useMemo(() => groupConversations(shown, today), [shown, today]);
  const groupId = useId();

  // The conversation whose title is being edited, and the text typed so far.
  const [renaming, setRenaming] = useState<{ id: string; draft: string } | undefined>();
  const finishRename = (keep: boolean): void => {
    if (keep && renaming) onRename(renaming.id, renaming.draft);
    setRenaming(undefined);
  };
  const onRenameKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) finishRename(true);
    else if (event.key === 'Escape') {
      // Esc here cancels the edit only: it must not also stop a streaming reply.
      event.stopPropagation();
      finishRename(false);
    }
  };

  const follow = useCallback(
    (event: MouseEvent<HTMLAnchorElement>, id: string): void => {
      // A modified click opens a new tab or window, as a link does.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      onOpen(id);
    },
    [onOpen],
  );
  const startRename = useCallback((id: string, title: string) => setRenaming({ id, draft: title }), []);

  return (
    <nav aria-label="Conversations" className="flex min-h-0 flex-1 flex-col gap-2">
      <label htmlFor={searchId} className="sr-only">
        Search conversations
      </label>
      <input
        id={searchId}
        ref={searchRef}
        aria-keyshortcuts={searchShortcut}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Search conversations"
        className="h-9 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      />
      {storageError ? <p className="text-xs text-amber-700 dark:text-amber-400">{storageError}</p> : null}
      {/* Announced, but not a second role=status: the page's one status is the gateway notice. */}
      <p aria-live="polite" className={deletedTitle ? 'flex items-center gap-2 px-1 text-sm text-zinc-600 dark:text-zinc-300' : 'sr-only'}>
        {deletedTitle ? (
          <>
            <span className="min-w-0 flex-1 truncate">Deleted “{deletedTitle}”</span>
            <button type="button" onClick={onUndoDelete} className="shrink-0 rounded px-2 py-0.5 font-medium text-indigo-600 hover:bg-zinc-100 dark:text-indigo-400 dark:hover:bg-zinc-800">
              Undo
            </button>
          </>
        ) : null}
      </p>
      {searching && !loaded ? (
        <p className="px-1 text-xs text-zinc-500 dark:text-zinc-400">Searching titles only until the history has loaded.</p>
      ) : null}
      {/* The list as last kept shows while the history is read: only a first visit (none kept) waits.
          Busy is the list's alone: the search and the Undo's live region above stay as they are. */}
      <div aria-busy={!loaded} className="flex min-h-0 flex-1 flex-col">
        {!listed && listedNow.length === 0 ? (
          <p className="px-1 text-sm text-zinc-500 dark:text-zinc-400">Loading conversations…</p>
        ) : listedNow.length === 0 ? (
          <p className="px-1 text-sm text-zinc-500 dark:text-zinc-400">Your conversations will appear here.</p>
        ) : shown.length === 0 ? (
          <p className="px-1 text-sm text-zinc-500 dark:text-zinc-400">No conversation matches “{deferredQuery}”.</p>
        ) : (
          <div className="-mx-1 min-h-0 flex-1 overflow-y-auto">
            {groups.map(({ label, conversations: members }, index) => (
              // A heading and a list named by it (not a landmark each: a screen reader's landmarks stay the page's parts).
              // Off screen, a group is not laid out or painted: a long history costs each frame of a streaming reply little.
              <div key={label} className="[contain-intrinsic-size:auto_40rem] [content-visibility:auto]">
                <h2 id={`${groupId}-${index}`} className={`px-2 pb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400 ${index === 0 ? 'pt-1' : 'pt-3'}`}>
                  {label}
                </h2>
                <ul aria-labelledby={`${groupId}-${index}`}>
                  {members.map((conversation) => {
                    if (renaming?.id === conversation.id) {
                      return (
                        <li key={conversation.id}>
                          <input
                            aria-label="Conversation title"
                            value={renaming.draft}
                            autoFocus
                            onFocus={(event) => event.currentTarget.select()}
                            onChange={(event) => setRenaming({ id: conversation.id, draft: event.target.value })}
                            onKeyDown={onRenameKey}
                            onBlur={() => finishRename(true)}
                            className="h-8 w-full rounded-md border border-indigo-500 bg-white px-2 text-sm text-zinc-900 outline-none dark:bg-zinc-900 dark:text-zinc-100"
                          />
                        </li>
                      );
                    }
                    return (
                      <ConversationRow
                        key={conversation.id}
                        id={conversation.id}
                        title={conversation.title}
                        streaming={conversation.streaming}
                        current={conversation.id === openId}
                        href={hrefFor(conversation.id)}
                        onFollow={follow}
                        onRename={startRename}
                        onDelete={onDelete}
                      />
                    );
                  })}
                </ul>
              </div>
            ))}
          </div>
        )}
      </div>
    </nav>
  );
});
