// Splits a growing markdown text into top-level blocks incrementally: each
// update scans only the lines that arrived since the last one, so the cost
// per update is proportional to the new text, not the whole reply.
//
// A block ends where the next one provably starts: a line at the margin
// after a blank line (outside a code fence, and not the next item of the same
// list), or a code fence opening at the margin. Rendering the blocks one by
// one then gives the same DOM as rendering the whole text, except for
// non-local markdown (link reference definitions, footnotes): `needsFinalPass`
// tells the renderer to render those replies whole once they settle.
import { extendsAtSeam } from './seam.ts';

export interface SplitResult {
  /** Finished blocks; the array grows by appending and earlier entries never change. */
  frozen: readonly string[];
  /** The unfinished remainder, re-rendered on every update. */
  tail: string;
  /** The text holds markdown whose meaning crosses blocks. */
  needsFinalPass: boolean;
  /** The text ends inside a code fence that has not closed yet. */
  inOpenFence: boolean;
  /** Changes whenever the splitter starts over: anything cached per frozen block is stale. */
  generation: number;
}

interface Fence {
  /** A code fence's, or `$` for display math ($$ on a line of its own). */
  marker: '`' | '~' | '$';
  length: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,}|\${2,})/;
const BULLET = /^([-*+])[ \t]/;
const ORDERED = /^\d{1,9}([.)])[ \t]/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:/;

export function openFence(line: string): Fence | undefined {
  const match = FENCE_OPEN.exec(line);
  if (!match?.[1]) return undefined;
  const run = match[1];
  const marker = run[0] as Fence['marker'];
  // A backtick fence's info string may not contain backticks (CommonMark
  // 4.5), nor may a math fence's contain dollars ($$x$$ on a line is inline math).
  if ((marker === '`' || marker === '$') && line.slice(match[0].length).includes(marker)) return undefined;
  return { marker, length: run.length };
}

export function closesFence(line: string, fence: Fence): boolean {
  const trimmed = line.replace(/^ {0,3}/, '').trimEnd();
  if (trimmed.length < fence.length) return false;
  for (const char of trimmed) if (char !== fence.marker) return false;
  return true;
}

/** The list a line would start or continue: bullet char or ordered delimiter. */
function listKind(line: string): string | undefined {
  const bullet = BULLET.exec(line);
  if (bullet) return `bullet${bullet[1]}`;
  const ordered = ORDERED.exec(line);
  return ordered ? `ordered${ordered[1]}` : undefined;
}

export class BlockSplitter {
  private text = '';
  private frozen: string[] = [];
  private blockStart = 0;
  private blockList: string | undefined;
  private blockHasText = false;
  private scanPos = 0;
  private fence: Fence | undefined;
  private afterBlank = false;
  private nonLocal = false;
  private generation = 0;

  /**
   * Splits `next`, reusing the work done for the text it extends. With
   * `appendOnly` the caller promises `next` extends the last text (a reply
   * grows while it streams): only the seam is compared, since comparing the
   * whole prefix would make every update cost the whole reply.
   */
  update(next: string, appendOnly = false): SplitResult {
    if (!(appendOnly ? extendsAtSeam(next, this.text) : next.startsWith(this.text))) this.reset();
    this.text = next;
    let lineStart = this.scanPos;
    for (;;) {
      const newline = next.indexOf('\n', lineStart);
      if (newline < 0) break;
      this.scanLine(next.slice(lineStart, newline).replace(/\r$/, ''), lineStart);
      lineStart = newline + 1;
    }
    this.scanPos = lineStart;
    // An unfinished last line already proves the block before it finished
    // when it starts at the margin after a blank line.
    const partial = next.slice(lineStart);
    if (!this.fence && this.afterBlank && partial.length > 0 && !/^[ \t\r]/.test(partial)) {
      // A bare marker ("-", "2.") is undecided: an empty item, a rule, or the next item of this list.
      const undecided = /^(\d{1,9}[.)]?|[-*+])[ \t]*$/.test(partial) || (this.blockList !== undefined && listKind(partial) === this.blockList);
      if (!undecided) this.startBlock(lineStart);
    }
    return {
      frozen: this.frozen,
      tail: next.slice(this.blockStart),
      needsFinalPass: this.nonLocal,
      inOpenFence: this.fence !== undefined,
      generation: this.generation,
    };
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
    if (REFERENCE_DEFINITION.test(line) || line.includes('[^')) this.nonLocal = true;
    const startsAtMargin = line[0] !== ' ' && line[0] !== '\t';
    const fence = openFence(line);
    const sameList = this.blockList !== undefined && listKind(line) === this.blockList;
    // A fence at the margin interrupts a paragraph or list: it starts a block of its own.
    if (startsAtMargin && ((this.afterBlank && !sameList) || fence)) this.startBlock(lineStart);
    if (!this.blockHasText) {
      this.blockHasText = true;
      this.blockList = listKind(line);
    }
    this.afterBlank = false;
    this.fence = fence;
  }

  private startBlock(offset: number): void {
    if (offset <= this.blockStart) return;
    this.frozen = [...this.frozen, this.text.slice(this.blockStart, offset)];
    this.blockStart = offset;
    this.blockHasText = false;
    this.blockList = undefined;
  }

  private reset(): void {
    if (this.text !== '') this.generation++;
    this.text = '';
    this.frozen = [];
    this.blockStart = 0;
    this.blockList = undefined;
    this.blockHasText = false;
    this.scanPos = 0;
    this.fence = undefined;
    this.afterBlank = false;
    this.nonLocal = false;
  }
}
