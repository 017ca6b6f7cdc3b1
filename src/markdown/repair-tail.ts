// Repairs the unfinished tail of a streaming reply so raw markers never
// flash: open emphasis, inline code and strikethrough are closed (remend),
// half links show as their text, half images and half tables are held back.
// Runs on the tail block only, never the whole reply.
//
// remend (about 5 KB gzipped) is loaded apart from the entry script, asked for
// as the page starts: only a streaming reply needs it, and it is in long
// before one can start. Should one start first, it renders nothing until
// remend is in (MarkdownView waits while tailRepairPending), never raw
// markers. Should remend fail to load (the network gone, the app updated
// under an open page), tails render unrepaired: text, markers and all,
// rather than nothing.
type Remend = typeof import('./remend.ts').default;

let remend: Remend | undefined;
let failed = false;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();
const notify = (): void => {
  for (const listener of listeners) listener();
};

/** Loads remend once; a failed load is tried again on the next call. */
export function loadTailRepair(): Promise<void> {
  loading ??= import('./remend.ts').then(
    (module) => {
      remend = module.default;
      failed = false;
      notify();
    },
    (error: unknown) => {
      loading = undefined;
      failed = true;
      notify();
      throw error;
    },
  );
  return loading;
}

/** Whether remend is neither in nor failed: a streaming tail waits. */
export const tailRepairPending = (): boolean => remend === undefined && !failed;

/** Calls `listener` when remend has loaded or failed to (useSyncExternalStore's subscribe). */
export function onTailRepairSettled(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const PARTIAL_IMAGE = /!\[[^\]\n]*(?:\](?:\([^)\n]*)?)?$/;
// An opening marker with nothing after it yet ("text **", "| `"): remend cannot close it.
const DANGLING_MARKER = /(^|[\s|(])[*_~`]+$/;
const TABLE_LINE = /^ {0,3}\|/;
const DELIMITER_ROW = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Drops a table whose header has no complete delimiter row yet: it would paint as a pipe-strewn paragraph. */
export function holdBackTable(tail: string): string {
  const endsWithNewline = tail.endsWith('\n');
  const lines = (endsWithNewline ? tail.slice(0, -1) : tail).split('\n');
  let start = lines.length;
  while (start > 0 && TABLE_LINE.test(lines[start - 1] ?? '')) start--;
  const rows = lines.slice(start);
  if (rows.length === 0) return tail;
  // The delimiter row is done once another line follows it, or its newline has arrived.
  const delimiterDone = rows.length >= 2 && DELIMITER_ROW.test(rows[1] ?? '') && (rows.length > 2 || endsWithNewline);
  if (delimiterDone) return tail;
  return start === 0 ? '' : `${lines.slice(0, start).join('\n')}\n`;
}

/** The tail, repaired; held back while remend is loading, as it is if remend failed to load. */
export function repairTail(tail: string): string {
  if (!remend) return failed ? tail : '';
  const trimmed = tail.replace(PARTIAL_IMAGE, '').replace(DANGLING_MARKER, '$1');
  return remend(holdBackTable(trimmed), {
    linkMode: 'text-only',
    images: false,
    comparisonOperators: false,
    katex: false,
    inlineKatex: false,
  });
}
