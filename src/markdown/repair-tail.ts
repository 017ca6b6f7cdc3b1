// Repairs the unfinished tail of a streaming reply so raw markers never
// flash: open emphasis, inline code and strikethrough are closed (remend),
// half links show as their text, half images and half tables are held back.
// Runs on the tail block only, never the whole reply.
//
// remend (about 5 KB gzipped) is loaded apart from the entry script, asked for
// as the page starts: only a streaming reply needs it, and it is in long
// before one can start. Should one start first, it renders nothing until
// remend is in (MarkdownView waits for tailRepairReady), never raw markers.
type Remend = typeof import('./remend.ts').default;

let remend: Remend | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

/** Loads remend once; a failed load is tried again on the next call. */
export function loadTailRepair(): Promise<void> {
  loading ??= import('./remend.ts').then(
    (module) => {
      remend = module.default;
      for (const listener of listeners) listener();
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export const tailRepairReady = (): boolean => remend !== undefined;

/** Calls `listener` once remend has loaded (useSyncExternalStore's subscribe). */
export function onTailRepairReady(listener: () => void): () => void {
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

/** The tail, repaired; all of it held back while remend has not loaded. */
export function repairTail(tail: string): string {
  if (!remend) return '';
  const trimmed = tail.replace(PARTIAL_IMAGE, '').replace(DANGLING_MARKER, '$1');
  return remend(holdBackTable(trimmed), {
    linkMode: 'text-only',
    images: false,
    comparisonOperators: false,
    katex: false,
    inlineKatex: false,
  });
}
