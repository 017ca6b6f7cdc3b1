import { lazy, memo, Suspense, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { replyParts } from '../chat/reply-parts.ts';
import { replayFrame, replaySource } from '../chat/reply-trace.ts';
import { canContinue, isSettled, messageVersionIds, replyVersions, type AssistantMessage, type Message, type ToolCall, type UserMessage } from '../chat/types.ts';
import { MarkdownView } from '../markdown/markdown-view.tsx';
import { useCopy } from '../markdown/use-copy.ts';
import { FocusComposerContext, pressedFromKeyboard } from './composer-focus.ts';
import { ModelsHiddenContext } from './models-hidden.ts';
import { liveLine, UsagePanel } from './usage-panel.tsx';
import { ReplayTogetherContext } from './replay-together.ts';
import { REPLAY_SPEEDS, useReplay, type ReplaySpeed } from './use-replay.ts';

const ACTION_CLASS =
  'rounded px-2 py-0.5 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 disabled:opacity-50 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-200';

/** Copies a message's markdown source; says "Copied" for a moment, and to a screen reader. */
function CopyButton({ text }: { text: string }) {
  const { copied, copy } = useCopy();
  return (
    <>
      <button type="button" onClick={() => copy(text)} aria-label="Copy" className={ACTION_CLASS}>
        {copied ? 'Copied' : 'Copy'}
      </button>
      <span aria-live="polite" className="sr-only">
        {copied ? 'Copied' : ''}
      </span>
    </>
  );
}

interface UserMessageProps {
  message: UserMessage;
  /** Present when the message can be edited and sent again (no reply streaming). */
  onEdit?: ((messageId: string, text: string) => void) | undefined;
  /** What saving an edit does, said under the box. */
  editNote?: string | undefined;
  /** Present when another version of this (edited) message can be shown in its place (nothing streaming). */
  onShowVersion?: ((messageId: string, versionId: string) => void) | undefined;
}

/** A message this long may be taller than its clamp: it is measured, and folded if it is. */
function mayFold(text: string): boolean {
  return text.length > 300 || text.split('\n', 14).length > 12;
}

/**
 * A long message of yours (a pasted log, a file's text) folded to twelve
 * lines, faded at its foot, with Show more and Show less, as ChatGPT folds
 * one: the conversation reads as turns, not as the paste. Whether it is
 * taller than that is measured (a long line wraps more on a phone), once as
 * it mounts and as its width changes, only for a message long enough to be.
 */
function useFold(text: string) {
  const candidate = mayFold(text);
  const [expanded, setExpanded] = useState(false);
  const [clipped, setClipped] = useState(false);
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const id = useId();
  useLayoutEffect(() => {
    // Unfolded, it keeps the Show less it had: measured now it would fit.
    if (!candidate || expanded || !element) return undefined;
    const measure = (): void => setClipped(element.scrollHeight > element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [candidate, expanded, element]);
  const folded = candidate && !expanded;
  return {
    bubble: setElement,
    id,
    className: folded ? `max-h-72 overflow-hidden${clipped ? ' [mask-image:linear-gradient(to_bottom,black_calc(100%-4rem),transparent)]' : ''}` : '',
    toggle: clipped ? (
      <button type="button" aria-expanded={expanded} aria-controls={id} onClick={() => setExpanded(!expanded)} className={ACTION_CLASS}>
        {expanded ? 'Show less' : 'Show more'}
      </button>
    ) : null,
  };
}

const EDIT_NOTE = 'Saving sends it again; this message and the replies after it are kept as an earlier version.';
const MESSAGE_VERSIONS_TITLE = 'This message was edited: each version is kept with the replies that followed it';

function UserMessageView({ message, onEdit, editNote = EDIT_NOTE, onShowVersion }: UserMessageProps) {
  // The text being edited, while editing.
  const [draft, setDraft] = useState<string | undefined>();
  const boxId = useId();
  // An edit given up (Esc, Cancel) hands the focus back to Edit, as it comes
  // back, not to the page's start.
  const refocusEdit = useRef(false);
  const editButton = (button: HTMLButtonElement | null): void => {
    if (!button || !refocusEdit.current) return;
    refocusEdit.current = false;
    button.focus();
  };
  const cancel = (): void => {
    refocusEdit.current = true;
    setDraft(undefined);
  };
  // An edit saved from the keyboard sends it again: the focus goes to the message box.
  const focusComposer = useContext(FocusComposerContext);
  const { bubble, id: bubbleId, className: foldClass, toggle: foldToggle } = useFold(message.content);
  if (draft !== undefined && onEdit) {
    const save = (fromKeyboard: boolean): void => {
      if (!draft.trim() && !message.images?.length) return;
      setDraft(undefined);
      onEdit(message.id, draft);
      if (fromKeyboard) focusComposer();
    };
    const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
      if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
        event.preventDefault();
        save(true);
      } else if (event.key === 'Escape') cancel();
    };
    return (
      <article aria-label="You" className="msg-item flex flex-col items-end gap-1.5">
        <label htmlFor={boxId} className="sr-only">
          Edited prompt
        </label>
        <textarea
          id={boxId}
          value={draft}
          autoFocus
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          className="max-h-72 min-h-16 w-full max-w-[85%] resize-none rounded-xl border border-zinc-300 bg-white px-3 py-2 text-[15px] text-zinc-900 [field-sizing:content] focus:outline-2 focus:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{editNote}</p>
        <div className="flex gap-2">
          <button type="button" onClick={cancel} className={ACTION_CLASS}>
            Cancel
          </button>
          <button
            type="button"
            onClick={(event) => save(pressedFromKeyboard(event.currentTarget))}
            disabled={!draft.trim() && !message.images?.length}
            className="rounded-md bg-indigo-600 px-3 py-1 text-xs font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
          >
            Save
          </button>
        </div>
      </article>
    );
  }
  return (
    <article aria-label="You" className="msg-item flex flex-col items-end">
      {message.images?.length ? (
        <Suspense fallback={<div className="mb-1 h-32" />}>
          <SentImages images={message.images} />
        </Suspense>
      ) : null}
      {message.content ? (
        // data-fold: a page exported from this one unfolds it (app/page-export.ts).
        <div ref={bubble} id={bubbleId} data-fold={foldClass ? '' : undefined} className={`max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-sm bg-indigo-600 px-4 py-2 text-white ${foldClass}`}>
          {message.content}
        </div>
      ) : null}
      {/* Its actions do nothing in a page exported from this one (app/page-export.ts), nor does the version switch. */}
      <div data-export="omit" className="mt-1 flex items-center gap-1">
        <VersionSwitch
          ids={messageVersionIds(message)}
          current={message.id}
          onShow={onShowVersion && ((versionId) => onShowVersion(message.id, versionId))}
          title={onShowVersion ? MESSAGE_VERSIONS_TITLE : `${MESSAGE_VERSIONS_TITLE}; another can be shown once no reply is streaming`}
        />
        {foldToggle}
        <CopyButton text={message.content} />
        {onEdit ? (
          <button ref={editButton} type="button" onClick={() => setDraft(message.content)} className={ACTION_CLASS}>
            Edit
          </button>
        ) : null}
      </div>
    </article>
  );
}

// Only a message with images needs them: loaded with the first one shown, in the tiles' place.
const SentImages = lazy(() => import('./sent-images.tsx').then((m) => ({ default: m.SentImages })));
const ToolCallCard = lazy(() => import('./tool-call-card.tsx').then((m) => ({ default: m.ToolCallCard })));

/** Where a tool call's card goes while its code loads: its name, as the card's caption says it. */
function ToolCallPending({ call }: { call: ToolCall }) {
  return (
    <p className="my-3 rounded-md border border-zinc-200 bg-zinc-100 px-3 py-1.5 text-xs dark:border-zinc-800 dark:bg-zinc-900">
      <span className="text-zinc-600 dark:text-zinc-400">Tool call</span> <code className="font-semibold break-all">{call.name}</code>
    </p>
  );
}

const STATUS_LABEL: Partial<Record<AssistantMessage['status'], string>> = {
  stopped: 'Stopped',
  interrupted: 'Interrupted',
};

function ReasoningGroup({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <details
      aria-label="Reasoning"
      open={streaming || undefined}
      className="mb-3 border-l-2 border-zinc-300 pl-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
    >
      <summary className="cursor-pointer select-none font-medium">{streaming ? 'Reasoning…' : 'Reasoning'}</summary>
      <div className="mt-1">
        <MarkdownView text={text} streaming={streaming} />
      </div>
    </details>
  );
}

interface AssistantMessageProps {
  message: AssistantMessage;
  /** Present when this reply can be asked for again (the last one, nothing streaming). */
  onRegenerate?: ((replyId: string) => void) | undefined;
  /** Present when another of this reply's versions can be shown in its place (the last one, nothing streaming). */
  onShowVersion?: ((replyId: string, versionId: string) => void) | undefined;
  /** Present when this reply, if it ended before its end, can be asked to go on (the last one, nothing streaming). */
  onContinue?: ((replyId: string) => void) | undefined;
}

const NO_VERSIONS: readonly string[] = [];

/**
 * The version switch a key press left: showing another version puts another
 * message in this one's place, so the switch that takes the focus is the one
 * holding the same versions (a reply's, or a user message's), once it mounts.
 * Kept only until the next frame, so it cannot move the focus later.
 */
let focusAfterSwitch: { versions: string; by: -1 | 1 } | undefined;

/** "‹ 2 / 3 ›": which of a message's versions this is, and (where another can be shown in its place) the way to it. */
function VersionSwitch({ ids, current, onShow, title, className = '' }: { ids: readonly string[]; current: string; onShow: ((versionId: string) => void) | undefined; title: string; className?: string }) {
  const versions = ids.join('\n');
  const buttons = useRef<Record<-1 | 1, HTMLButtonElement | null>>({ [-1]: null, 1: null });
  // After every render: the version shown may be this same switch's next one.
  useLayoutEffect(() => {
    if (focusAfterSwitch?.versions !== versions) return;
    const { by } = focusAfterSwitch;
    focusAfterSwitch = undefined;
    // At the first or last version its own button is disabled: the other one.
    const target = buttons.current[by];
    (target && !target.disabled ? target : buttons.current[by === 1 ? -1 : 1])?.focus();
  });
  if (ids.length < 2) return null;
  const index = ids.indexOf(current);
  const step = (by: -1 | 1, label: string, glyph: string) =>
    onShow ? (
      <button
        ref={(button) => {
          buttons.current[by] = button;
        }}
        type="button"
        aria-label={label}
        disabled={!ids[index + by]}
        onClick={(event) => {
          if (pressedFromKeyboard(event.currentTarget)) {
            focusAfterSwitch = { versions, by };
            requestAnimationFrame(() => (focusAfterSwitch = undefined));
          }
          onShow(ids[index + by]!);
        }}
        className="h-6 min-w-6 rounded text-sm leading-none hover:bg-zinc-100 hover:text-zinc-800 disabled:opacity-40 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
      >
        {glyph}
      </button>
    ) : null;
  return (
    <span role="group" aria-label="Versions" data-export="omit" className={`flex items-center gap-0.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400 ${className}`}>
      {step(-1, 'Previous version', '‹')}
      <span title={title}>
        {index + 1} / {ids.length}
      </span>
      {step(1, 'Next version', '›')}
    </span>
  );
}

/** How long without a token before a reply that is still open says so. */
export const SILENCE_MS = 5000;

/**
 * Whether a reply still open has gone SILENCE_MS without progress (its text
 * and tool calls not growing). A layout effect notes when `progress` last
 * changed and one timer per open reply checks it, re-armed for the time left:
 * a streaming reply's commits schedule no timer and no passive-effect task.
 */
function useSilence(open: boolean, progress: number): boolean {
  const [silentAt, setSilentAt] = useState<number | undefined>();
  const last = useRef({ progress, at: 0 });
  useLayoutEffect(() => {
    last.current = { progress, at: performance.now() };
  }, [progress]);
  useEffect(() => {
    if (!open) return;
    const waited = (): number => performance.now() - last.current.at;
    const check = (): void => {
      const left = SILENCE_MS - waited();
      if (left <= 0) setSilentAt(last.current.progress);
      timer = setTimeout(check, left > 0 ? left : SILENCE_MS);
    };
    let timer = setTimeout(check, SILENCE_MS - waited());
    return () => clearTimeout(timer);
  }, [open]);
  return open && silentAt === progress;
}

/** A reply's text with its tool calls where they came; only the last run of text streams (the one before the first call keeps the view it streamed in). */
function ReplyText({ content, toolCalls, streaming }: { content: string; toolCalls: readonly ToolCall[]; streaming: boolean }) {
  const parts = replyParts(content, toolCalls);
  const lastText = parts.findLastIndex((part) => part.kind === 'text');
  return parts.map((part, i) =>
    part.kind === 'text' ? (
      <MarkdownView key={part.from === 0 ? 'text' : `text-${part.from}`} text={part.text} streaming={streaming && i === lastText} />
    ) : (
      <Suspense key={`call-${part.call.index}`} fallback={<ToolCallPending call={part.call} />}>
        <ToolCallCard call={part.call} />
      </Suspense>
    ),
  );
}

function AssistantMessageView({ message: reply, onRegenerate, onShowVersion, onContinue }: AssistantMessageProps) {
  // A replay shows the reply as it was at each moment of its stream; the
  // actions below it stay those of the reply itself.
  // A continued reply plays whole where every part has its trace.
  const source = useMemo(() => replaySource(reply), [reply]);
  const replay = useReplay(source?.trace);
  // Replayed with others (a compare view's lanes), from the same commit.
  const together = useContext(ReplayTogetherContext);
  // A compare view's blind test: nothing here names the model.
  const modelsHidden = useContext(ModelsHiddenContext);
  const startTogether = together !== undefined && together.ids.has(reply.id) ? together.run : undefined;
  // Continue and Regenerate go while the reply streams: pressed from the keyboard, the focus goes to the message box.
  const focusComposer = useContext(FocusComposerContext);
  const asked = (ask: (replyId: string) => void) => (event: MouseEvent<HTMLButtonElement>) => {
    const fromKeyboard = pressedFromKeyboard(event.currentTarget);
    ask(reply.id);
    if (fromKeyboard) focusComposer();
  };
  const { start } = replay;
  useEffect(() => {
    if (startTogether !== undefined) start();
  }, [startTogether, start]);
  // useReplay gives a position only while a replay of this trace runs.
  const replaying = replay.position !== undefined;
  const message = useMemo(
    () => (replay.position !== undefined && source ? replayFrame(reply, source, replay.position) : reply),
    [reply, source, replay.position],
  );
  const replySettled = isSettled(reply.status);
  const versionIds = reply.earlier?.length ? replyVersions(reply).map((version) => version.id) : NO_VERSIONS;
  const showVersion = replySettled && !replaying && onShowVersion ? (versionId: string) => onShowVersion(reply.id, versionId) : undefined;
  const speedId = useId();
  const settled = isSettled(message.status);
  const answering = message.status === 'streaming' && message.content.length > 0;
  const reasoningStreaming = !settled && !answering;
  const statusLabel = STATUS_LABEL[message.status];
  const hasText = message.content.length > 0;
  // The live line changes only with its sample (twice a second), not with every frame's text.
  const { startedAt, firstTokenAt, liveSample } = message.timing;
  const live = useMemo(() => liveLine({ startedAt, firstTokenAt, liveSample }), [startedAt, firstTokenAt, liveSample]);
  const progress = message.reasoning.length + message.content.length + message.toolCalls.reduce((sum, call) => sum + call.arguments.length + 1, 0);
  const silent = useSilence(!settled, progress);
  const silenceNote = silent
    ? `${message.status === 'waiting' ? `No first token after ${SILENCE_MS / 1000} seconds` : `No new tokens for ${SILENCE_MS / 1000} seconds`}: the provider may be slow or stuck. Wait, or Stop.`
    : '';
  return (
    <>
      <article aria-label="Assistant" aria-busy={settled ? 'false' : 'true'} className="msg-item">
        <div className="mb-1 flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
          {modelsHidden ? null : <span className="font-mono">{message.model}</span>}
          {replaying ? (
            <span className="rounded bg-indigo-100 px-1.5 py-0.5 font-medium text-indigo-800 dark:bg-indigo-900/40 dark:text-indigo-300">Replay {replay.speed}×</span>
          ) : null}
          {statusLabel ? (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-800 dark:bg-amber-900/40 dark:text-amber-300">
              {statusLabel}
            </span>
          ) : null}
          <VersionSwitch
            ids={versionIds}
            current={reply.id}
            onShow={showVersion}
            title={showVersion ? 'This reply was asked for again: each version is kept' : 'Versions of this reply: another can be shown while it is the last reply'}
            className="ml-auto"
          />
        </div>
        {message.reasoning ? <ReasoningGroup key={`reasoning-${replay.key}`} text={message.reasoning} streaming={reasoningStreaming} /> : null}
        {message.status === 'waiting' ? (
          <p className="flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
            <span className="typing-dots" aria-hidden="true" />
            Waiting for the first token…
          </p>
        ) : null}
        <ReplyText key={`content-${replay.key}`} content={message.content} toolCalls={message.toolCalls} streaming={!settled} />
        {/* Said to a screen reader by the status after the article: a busy article's changes may not be announced. */}
        {silent ? (
          <p aria-hidden="true" className="mt-2 text-sm text-amber-700 dark:text-amber-400">
            {silenceNote}
          </p>
        ) : null}
        {message.status === 'interrupted' ? (
          <p className="mt-2 text-sm text-amber-700 dark:text-amber-400">The connection ended before the reply was complete.</p>
        ) : null}
        {message.status === 'failed' ? (
          <div role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">
            <p className="font-medium">{hasText ? 'The reply broke off with an error' : 'The gateway returned an error'}</p>
            <p>{message.error}</p>
          </div>
        ) : null}
        {/* In a blind test its figures would give the model away (a price, a context window). */}
        {modelsHidden ? null : settled ? (
          message.status !== 'failed' || hasText ? (
            <UsagePanel reply={message} />
          ) : null
        ) : (
          <UsagePanel reply={message} pending live={live} />
        )}
        {/* Like the usage panel, the row holds its place while the reply streams: its end moves nothing. */}
        <div data-export="omit" aria-hidden={!replySettled || undefined} className={`${replySettled ? '' : 'invisible '}mt-1 flex h-7 items-center gap-1`}>
          {replySettled && reply.content ? <CopyButton text={reply.content} /> : null}
          {replySettled && onContinue && canContinue(reply) ? (
            <button
              type="button"
              onClick={asked(onContinue)}
              title="Asks the model to go on from where this reply ends (a model that cannot take a reply to continue may start over)"
              className={ACTION_CLASS}
            >
              Continue
            </button>
          ) : null}
          {replySettled && onRegenerate ? (
            <button type="button" onClick={asked(onRegenerate)} className={ACTION_CLASS}>
              Regenerate
            </button>
          ) : null}
          {replySettled && reply.trace ? (
            <button
              type="button"
              onClick={replaying ? replay.stop : replay.start}
              title={replaying ? undefined : 'Play this reply again as it streamed in, without asking the model again'}
              className={ACTION_CLASS}
            >
              {replaying ? 'Stop replay' : 'Replay'}
            </button>
          ) : null}
          {replaying ? (
            <>
              <label htmlFor={speedId} className="sr-only">
                Replay speed
              </label>
              <select
                id={speedId}
                value={replay.speed}
                onChange={(event) => replay.setSpeed(Number(event.target.value) as ReplaySpeed)}
                className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-300"
              >
                {REPLAY_SPEEDS.map((speed) => (
                  <option key={speed} value={speed}>
                    {speed}×
                  </option>
                ))}
              </select>
            </>
          ) : null}
        </div>
      </article>
      {/*
        While the reply is open, a status: present before it speaks, outside
        the article that is aria-busy. It stays, silent, once the reply
        settles: removing it would make the article its list's last child,
        and a change of :last-child restyles the whole reply (the markdown
        margin rules), about 40 ms of the final frame at 4x CPU.
      */}
      <p role={settled ? undefined : 'status'} className="sr-only">
        {settled ? null : silenceNote}
      </p>
    </>
  );
}

interface MessageViewProps {
  message: Message;
  onEdit?: ((messageId: string, text: string) => void) | undefined;
  editNote?: string | undefined;
  onRegenerate?: ((replyId: string) => void) | undefined;
  onShowVersion?: ((replyId: string, versionId: string) => void) | undefined;
  onContinue?: ((replyId: string) => void) | undefined;
  onShowMessageVersion?: ((messageId: string, versionId: string) => void) | undefined;
}

export const MessageView = memo(function MessageView({ message, onEdit, editNote, onRegenerate, onShowVersion, onContinue, onShowMessageVersion }: MessageViewProps) {
  return message.role === 'user' ? (
    <UserMessageView message={message} onEdit={onEdit} editNote={editNote} onShowVersion={onShowMessageVersion} />
  ) : (
    <AssistantMessageView message={message} onRegenerate={onRegenerate} onShowVersion={onShowVersion} onContinue={onContinue} />
  );
});
