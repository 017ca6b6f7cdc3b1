// A GFM table while it streams: each finished row is parsed once and frozen;
// only the row being typed re-renders. The finished table renders through
// the markdown parser like any settled block.
import { memo, useState, type CSSProperties, type ReactElement } from 'react';
// react-markdown's Markdown uses no hooks: called as a function it returns its element tree.
import markdownElements, { type Components } from 'react-markdown';
import { liveComponents, settledComponents } from './components.tsx';
import { fastInline } from './fast-block.ts';
import { renderHast } from './render-hast.ts';
import { RUN, Run } from './run.tsx';
import { remarkPlugins } from './plugins.ts';
import { mathToDollars } from './deferred-parts.ts';
import { repairTail } from './repair-tail.ts';
import { focusableWhenScrolls } from './scroll-focus.ts';

type Align = 'left' | 'center' | 'right' | undefined;

export interface LiveTableParts {
  header: string[];
  align: Align[];
  /** Finished rows (their newline has arrived). */
  rows: string[];
  /** The row being typed, if any. */
  partial: string | undefined;
}

const DELIMITER_CELL = /^:?-+:?$/;

/** Splits a row on pipes that are not escaped (GFM: escaped pipes stay in the cell, even in code). */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && text[i + 1] === '|') {
      current += '\\|';
      i++;
    } else if (char === '|') {
      cells.push(current.trim());
      current = '';
    } else current += char;
  }
  cells.push(current.trim());
  return cells;
}

/** Reads a tail that starts with a table header and a finished delimiter row. */
export function parseLiveTable(tail: string): LiveTableParts | undefined {
  if (!tail.startsWith('|') || tail.includes('\r')) return undefined;
  const lines = tail.split('\n');
  const header = splitRow(lines[0] ?? '');
  const delimiter = splitRow(lines[1] ?? '');
  if (lines.length < 3 || delimiter.length !== header.length || !delimiter.every((c) => DELIMITER_CELL.test(c))) return undefined;
  const align: Align[] = delimiter.map((c) => (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : c.startsWith(':') ? 'left' : undefined));
  const body = lines.slice(2);
  const blank = body.findIndex((line) => line.trim() === '');
  // Anything after a blank line is not this table: let the parser have the block.
  if (blank >= 0 && body.slice(blank).some((line) => line.trim() !== '')) return undefined;
  const rowLines = blank >= 0 ? body.slice(0, blank) : body;
  const endsOpen = blank < 0 && !tail.endsWith('\n');
  return {
    header,
    align,
    rows: endsOpen ? rowLines.slice(0, -1) : rowLines,
    partial: endsOpen ? rowLines.at(-1) : undefined,
  };
}

// A cell is inline content: drop the paragraph the parser wraps it in, and
// keep a leading "- ", "# ", "1. ", ">" or "---" from starting a block of its own.
const unwrap: Components['p'] = ({ children }) => <>{children}</>;
const settledInline: Components = { ...settledComponents, p: unwrap };
const liveInline: Components = { ...liveComponents, p: unwrap };
const BLOCK_MARKER = /^(#{1,6}(?=\s|$)|[-+*](?=\s|$)|>|=+\s*$|[-*_](\s*[-*_]){2,}\s*$|`{3}|~{3})/;
const ORDERED_MARKER = /^(\d{1,9})([.)])(?=\s|$)/;

function inlineOnly(text: string): string {
  if (ORDERED_MARKER.test(text)) return text.replace(ORDERED_MARKER, '$1\\$2');
  return BLOCK_MARKER.test(text) ? `\\${text}` : text;
}

function cellContent(text: string, live: boolean): ReactElement {
  const components = live ? liveInline : settledInline;
  const source = inlineOnly(text);
  // Most cells are short plain inline markdown: skip the parser's fixed cost
  // per cell, through the same element tree as the parser's path.
  const inline = source === text ? fastInline(text) : undefined;
  if (inline) return renderHast({ type: 'root', children: inline.length ? [{ type: 'element', tagName: 'p', properties: {}, children: inline }] : [] }, components);
  return markdownElements({ remarkPlugins, components, children: source });
}

const Cell = memo(function Cell({ text, head, align, live }: { text: string; head: boolean; align: Align; live: boolean }) {
  const style: CSSProperties | undefined = align ? { textAlign: align } : undefined;
  const content = cellContent(text, live);
  return head ? <th style={style}>{content}</th> : <td style={style}>{content}</td>;
});

// Alignment travels as a string so a finished row's props stay equal between
// commits and the row is not even re-split.
const Row = memo(function Row({ line, columns, alignKey, live }: { line: string; columns: number; alignKey: string; live: boolean }) {
  const cells = splitRow(line);
  const align = alignKey.split(',').map((a) => (a || undefined) as Align);
  return (
    <tr>
      {Array.from({ length: columns }, (_, i) => (
        <Cell key={i} text={live ? repairTail(mathToDollars(cells[i] ?? '', true)) : mathToDollars(cells[i] ?? '', false)} head={false} align={align[i]} live={live} />
      ))}
    </tr>
  );
});

interface CachedRun {
  /** Columns and alignment: the other props every row of the run was rendered with. */
  shape: string;
  lines: readonly string[];
  element: ReactElement;
}

export function LiveTable({ parts }: { parts: LiveTableParts }) {
  const { header, align, rows, partial } = parts;
  const alignKey = align.map((a) => a ?? '').join(',');
  const shape = `${header.length}|${alignKey}`;
  // Full runs of finished rows, by first index: comparing their lines costs
  // far less than React visiting every row of a long table on every commit.
  const [runCache] = useState(() => new Map<number, CachedRun>());
  const row = (line: string, index: number, live: boolean): ReactElement => (
    <Row key={index} line={line} columns={header.length} alignKey={alignKey} live={live} />
  );
  // Every row keeps one key (its index) in one run: the row being typed keeps
  // its instance and its DOM when it finishes, instead of remounting.
  const bodyRuns: ReactElement[] = [];
  const count = rows.length + (partial ? 1 : 0);
  for (let start = 0; start < count; start += RUN) {
    const end = start + RUN;
    const full = end <= rows.length;
    const lines = rows.slice(start, Math.min(end, rows.length));
    const cached = full ? runCache.get(start) : undefined;
    if (cached && cached.shape === shape && cached.lines.every((line, i) => line === lines[i])) {
      bodyRuns.push(cached.element);
      continue;
    }
    const children = lines.map((line, i) => row(line, start + i, false));
    if (partial && rows.length < end) children.push(row(partial, rows.length, true));
    const element = <Run key={start}>{children}</Run>;
    if (full) runCache.set(start, { shape, lines, element });
    bodyRuns.push(element);
  }
  return (
    <div className="md-table-wrap" ref={focusableWhenScrolls}>
      <table>
        <thead>
          <tr>
            {header.map((text, i) => (
              <Cell key={i} text={mathToDollars(text, false)} head align={align[i]} live={false} />
            ))}
          </tr>
        </thead>
        <tbody>{bodyRuns}</tbody>
      </table>
    </div>
  );
}
