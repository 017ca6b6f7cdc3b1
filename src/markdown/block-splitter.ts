// Splits a growing markdown text into top-level blocks incrementally: each
// update scans only the lines that arrived since the last one, so the cost
// per update is proportional to the new text, not the whole reply.
//
// A block is frozen once a blank line outside a code fence is followed by a
// line that starts at column 0 (so it cannot continue the block before it).
// Non-local markdown (reference definitions, setext underlines after a split,
// loose lists) is settled by rendering the final text in one pass.

export interface SplitResult {
  /** Finished blocks; the array grows by appending and earlier entries never change. */
  frozen: readonly string[];
  /** The unfinished remainder, re-rendered on every update. */
  tail: string;
}

interface Fence {
  marker: '`' | '~';
  length: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

function openFence(line: string): Fence | undefined {
  const match = FENCE_OPEN.exec(line);
  if (!match?.[1]) return undefined;
  const run = match[1];
  const marker = run[0] as '`' | '~';
  // A backtick fence's info string may not contain backticks (CommonMark 4.5).
  if (marker === '`' && line.slice(match[0].length).includes('`')) return undefined;
  return { marker, length: run.length };
}

function closesFence(line: string, fence: Fence): boolean {
  const trimmed = line.replace(/^ {0,3}/, '').trimEnd();
  if (trimmed.length < fence.length) return false;
  for (const char of trimmed) if (char !== fence.marker) return false;
  return true;
}

export class BlockSplitter {
  private text = '';
  private frozen: string[] = [];
  private blockStart = 0;
  private scanPos = 0;
  private fence: Fence | undefined;
  private afterBlank = false;

  update(next: string): SplitResult {
    if (!next.startsWith(this.text)) this.reset();
    this.text = next;
    let lineStart = this.scanPos;
    for (;;) {
      const newline = next.indexOf('\n', lineStart);
      if (newline < 0) break;
      this.scanLine(next.slice(lineStart, newline).replace(/\r$/, ''), lineStart);
      lineStart = newline + 1;
    }
    this.scanPos = lineStart;
    // An unfinished last line that starts at the margin after a blank line
    // already proves the block before it is finished.
    if (!this.fence && this.afterBlank && lineStart < next.length && !/[ \t\r]/.test(next[lineStart] ?? ' ')) {
      this.freezeUpTo(lineStart);
    }
    return { frozen: this.frozen, tail: next.slice(this.blockStart) };
  }

  private scanLine(line: string, lineStart: number): void {
    if (this.fence) {
      if (closesFence(line, this.fence)) this.fence = undefined;
      return;
    }
    if (line.trim() === '') {
      this.afterBlank = true;
      return;
    }
    const startsAtMargin = line[0] !== ' ' && line[0] !== '\t';
    if (this.afterBlank && startsAtMargin) this.freezeUpTo(lineStart);
    this.afterBlank = false;
    this.fence = openFence(line);
  }

  private freezeUpTo(offset: number): void {
    if (offset <= this.blockStart) return;
    this.frozen = [...this.frozen, this.text.slice(this.blockStart, offset)];
    this.blockStart = offset;
  }

  private reset(): void {
    this.text = '';
    this.frozen = [];
    this.blockStart = 0;
    this.scanPos = 0;
    this.fence = undefined;
    this.afterBlank = false;
  }
}
