// Groups the completed lines of a growing text into fixed-size chunks, so a
// long open code fence renders as frozen chunks plus one live line: each
// update costs the new lines, not the whole fence.
import { extendsAtSeam } from './seam.ts';

export interface ChunkResult {
  chunks: readonly string[];
  /** Completed lines not yet filling a chunk, plus the unfinished last line. */
  rest: string;
}

export class LineChunker {
  private text = '';
  private chunks: string[] = [];
  private chunkStart = 0;
  private linesInChunk = 0;
  private scanPos = 0;

  constructor(private readonly linesPerChunk = 40) {}

  /** With `appendOnly` (an open fence only grows) only the seam is compared, not the whole prefix. */
  update(next: string, appendOnly = false): ChunkResult {
    if (!(appendOnly ? extendsAtSeam(next, this.text) : next.startsWith(this.text))) {
      this.chunks = [];
      this.chunkStart = 0;
      this.linesInChunk = 0;
      this.scanPos = 0;
    }
    this.text = next;
    for (let newline = next.indexOf('\n', this.scanPos); newline >= 0; newline = next.indexOf('\n', this.scanPos)) {
      this.scanPos = newline + 1;
      if (++this.linesInChunk === this.linesPerChunk) {
        this.chunks = [...this.chunks, next.slice(this.chunkStart, this.scanPos)];
        this.chunkStart = this.scanPos;
        this.linesInChunk = 0;
      }
    }
    return { chunks: this.chunks, rest: next.slice(this.chunkStart) };
  }
}
