import { useId, useRef, useState, useSyncExternalStore, type ClipboardEvent, type DragEvent, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { pressedFromKeyboard } from './composer-focus.ts';
import { IMAGE_TYPES, type ImageAttachment } from '../chat/types.ts';
import { AttachedImages } from './attached-images.tsx';
import type { EstimateLine } from './prompt-estimate.ts';

// Keys are worth naming where there is room: on a phone the hint wrapped to
// two lines and made the empty box twice as tall, and its keyboard has no Shift+Enter.
const ROOM_FOR_HINT = '(min-width: 640px)';
const FULL_PLACEHOLDER = 'Message… (Enter to send, Shift+Enter for a new line)';
const SHORT_PLACEHOLDER = 'Message…';

function subscribeToWidth(onChange: () => void): () => void {
  const query = window.matchMedia?.(ROOM_FOR_HINT);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}
/** Where the browser cannot tell (no matchMedia), the hint stays. */
const roomForHint = (): boolean => window.matchMedia?.(ROOM_FOR_HINT).matches ?? true;

/** The notice for a draft that storage refused: the text is in the box, but a reload would lose it. */
export const DRAFT_NOT_KEPT = 'This draft is not kept if the page reloads: the browser refused storage.';

export interface ComposerProps {
  streaming: boolean;
  /** The reply streams in another tab (Stop and Esc ask that tab to stop it). */
  streamingElsewhere?: boolean | undefined;
  /** Why sending is not possible right now, if it isn't. */
  blockedReason: string | undefined;
  onSend(text: string): void;
  onStop(): void;
  /** What the box opens with: a draft kept from before. */
  initialText?: string | undefined;
  /** Every change of the text, sent or not: for keeping the draft. */
  onTextChange?: ((text: string) => void) | undefined;
  /** The message box, for a page that moves the focus to it. */
  boxRef?: RefObject<HTMLTextAreaElement | null> | undefined;
  /** The shortcut that moves the focus here, as aria-keyshortcuts says it. */
  keyShortcut?: string | undefined;
  /** A line under the box about sending this text next (its prompt's size), with a tooltip saying how it was reckoned. */
  estimate?: ((text: string) => EstimateLine | undefined) | undefined;
  estimateTitle?: string | undefined;
  /** Said on that line instead, as a warning: e.g. that the draft is not being kept. */
  notice?: string | undefined;
  /** Images to go with the message. */
  images?: readonly ImageAttachment[] | undefined;
  /** Files picked, pasted or dropped to go with the message; without it, nothing can be attached. */
  onAttach?: ((files: File[]) => void) | undefined;
  onRemoveImage?: ((index: number) => void) | undefined;
  /** Why images cannot go to the model picked, when they cannot: attached ones hold Send back, and the line under the box says this. */
  imagesRefused?: string | undefined;
  /** Images still being read (and made smaller): Send waits for them. */
  attaching?: boolean | undefined;
}

/** The image files among those pasted. */
const imageFiles = (files: FileList): File[] => [...files].filter((file) => file.type.startsWith('image/'));

export function Composer(props: ComposerProps) {
  const { streaming, streamingElsewhere = false, blockedReason, onSend, onStop, initialText = '', onTextChange, boxRef, keyShortcut, estimate, estimateTitle, images = [], onAttach, onRemoveImage, imagesRefused, attaching = false } = props;
  const [text, setTextState] = useState(initialText);
  const setText = (next: string): void => {
    setTextState(next);
    onTextChange?.(next);
  };
  const ownBox = useRef<HTMLTextAreaElement>(null);
  const box = boxRef ?? ownBox;
  // The chat's and the compare view's composers can both be mounted.
  const boxId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const refused = images.length > 0 ? imagesRefused : undefined;
  const notice = refused ?? (attaching ? 'Attaching…' : props.notice);
  const canSend = !streaming && !blockedReason && !refused && !attaching && (text.trim().length > 0 || images.length > 0);
  const wide = useSyncExternalStore(subscribeToWidth, roomForHint);

  const submit = (event?: FormEvent): void => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(text);
    setText('');
    box.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const removeImage = (index: number): void => {
    onRemoveImage?.(index);
    // The button goes with its image: the focus goes back to the box.
    box.current?.focus();
  };

  // A pasted screenshot or a dropped file is attached; pasted text stays text.
  // With a model that takes no images they are attached all the same: the
  // line under the box then says why they cannot go, and what to do.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    const files = imageFiles(event.clipboardData.files);
    if (!onAttach || files.length === 0) return;
    if (!event.clipboardData.types.includes('text/plain')) event.preventDefault();
    onAttach(files);
  };
  const onDragOver = (event: DragEvent<HTMLFormElement>): void => {
    if (onAttach && event.dataTransfer.types.includes('Files')) event.preventDefault();
  };
  // The line under the box, when it says no more pressing thing (a reply streaming, a warning).
  const line = streaming || notice ? undefined : estimate?.(text);
  const imagesNote = images.length > 0 ? `+ ${images.length === 1 ? 'an image' : `${images.length} images`}, not reckoned` : undefined;
  // Every file dropped is taken up: one that is not an image is named under the box, not dropped in silence.
  const onDrop = (event: DragEvent<HTMLFormElement>): void => {
    if (!onAttach || event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    onAttach([...event.dataTransfer.files]);
  };

  return (
    <form onSubmit={submit} onDragOver={onDragOver} onDrop={onDrop} className="border-t border-zinc-200 bg-white px-3 py-3 dark:border-zinc-800 dark:bg-zinc-950">
      {images.length > 0 ? <AttachedImages images={images} onRemove={removeImage} /> : null}
      <div className="mx-auto flex max-w-3xl items-end gap-2">
        {onAttach ? (
          <>
            <button
              type="button"
              onClick={() => fileInput.current?.click()}
              aria-label="Attach images"
              title="Attach images (PNG, JPEG, WebP or GIF), or paste or drop them here"
              className="h-10 w-10 shrink-0 rounded-xl border border-zinc-300 text-lg text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              <span aria-hidden="true">+</span>
            </button>
            <input
              ref={fileInput}
              type="file"
              accept={IMAGE_TYPES.join(',')}
              multiple
              hidden
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                if (files.length > 0) onAttach(files);
              }}
            />
          </>
        ) : null}
        <label htmlFor={boxId} className="sr-only">
          Message
        </label>
        <textarea
          id={boxId}
          ref={box}
          aria-keyshortcuts={keyShortcut}
          rows={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          placeholder={blockedReason ?? (wide ? FULL_PLACEHOLDER : SHORT_PLACEHOLDER)}
          className="max-h-48 min-h-10 flex-1 resize-none rounded-xl border border-zinc-300 bg-white px-3 py-2 text-[15px] text-zinc-900 [field-sizing:content] focus:outline-2 focus:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
        {streaming ? (
          <button
            type="button"
            onClick={(event) => {
              // Pressed from the keyboard, the focus would go with the button (Send
              // takes its place): it goes to the box instead (composer-focus.ts).
              const fromKeyboard = pressedFromKeyboard(event.currentTarget);
              onStop();
              if (fromKeyboard) box.current?.focus();
            }}
            className="h-10 rounded-xl bg-zinc-800 px-4 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-200 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            Stop
          </button>
        ) : (
          <button
            type="submit"
            disabled={!canSend}
            className="h-10 rounded-xl bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50"
          >
            Send
          </button>
        )}
      </div>
      {/* One line, held whether it says anything or not: the box does not move when a reply starts or ends, or when typing begins. */}
      {streaming ? (
        <p className="mx-auto mt-1 h-4 max-w-3xl truncate text-xs text-zinc-500 dark:text-zinc-400">
          {streamingElsewhere ? 'Streaming in another tab… press Esc to stop it.' : 'Streaming… press Esc to stop.'}
        </p>
      ) : notice ? (
        // A warning says all it has to, on as many lines as it takes (a phone shows no tooltip): the box may move for it.
        <p role="status" className="mx-auto mt-1 min-h-4 max-w-3xl text-xs text-amber-700 dark:text-amber-400">
          {notice}
        </p>
      ) : (
        <p title={estimateTitle} className="mx-auto mt-1 h-4 max-w-3xl truncate text-xs tabular-nums text-zinc-500 dark:text-zinc-400">
          {/* Shorter on a phone, where the full line was cut before what the conversation took so far. */}
          <span className="max-sm:hidden">{[line?.text, imagesNote].filter(Boolean).join(' · ')}</span>
          <span className="sm:hidden">{[line?.short, imagesNote].filter(Boolean).join(' · ')}</span>
        </p>
      )}
    </form>
  );
}
