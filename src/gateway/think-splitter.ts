// Some models (DeepSeek-R1 on Ollama, QwQ…) put their reasoning inline in
// `content` as <think>…</think>. This splits such content into reasoning and
// answer, even when a tag is cut across chunks.

export interface SplitText {
  reasoning: string;
  content: string;
}

const OPEN = '<think>';
const CLOSE = '</think>';

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagLength(text: string, tag: string): number {
  const max = Math.min(text.length, tag.length - 1);
  for (let n = max; n > 0; n--) {
    if (text.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}

export class ThinkSplitter {
  private inThink = false;
  private pending = '';
  /** Only a <think> at the very start of the answer opens reasoning; a later one is literal text. */
  private sawContent = false;

  push(chunk: string): SplitText {
    let text = this.pending + chunk;
    this.pending = '';
    const out: SplitText = { reasoning: '', content: '' };
    while (text.length > 0) {
      if (this.inThink) {
        const end = text.indexOf(CLOSE);
        if (end >= 0) {
          out.reasoning += text.slice(0, end);
          text = text.slice(end + CLOSE.length);
          this.inThink = false;
          continue;
        }
        const keep = partialTagLength(text, CLOSE);
        out.reasoning += text.slice(0, text.length - keep);
        this.pending = text.slice(text.length - keep);
        break;
      }
      if (!this.sawContent) {
        const lead = text.trimStart();
        if (lead.startsWith(OPEN)) {
          this.inThink = true;
          text = lead.slice(OPEN.length);
          continue;
        }
        if (lead.length === 0 || OPEN.startsWith(lead)) {
          this.pending = text;
          break;
        }
        this.sawContent = true;
      }
      out.content += text;
      break;
    }
    if (out.content.length > 0) this.sawContent = true;
    return out;
  }

  /** Text held back waiting for a tag that never completed. */
  flush(): SplitText {
    const rest = this.pending;
    this.pending = '';
    return this.inThink ? { reasoning: rest, content: '' } : { reasoning: '', content: rest };
  }
}
