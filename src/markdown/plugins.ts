import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { deferredParts } from './deferred-parts.ts';
import { remarkHtmlAsText } from './html-as-text.ts';

interface ParserData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

/**
 * remark-gfm's parsing half: the same micromark and mdast extensions, so the
 * same trees, without `gfmToMarkdown`. The page never turns a tree back into
 * markdown, and the serialiser (mdast-util-to-markdown, markdown-table) was
 * the largest part of GFM in the entry bundle. The equivalence tests render
 * against remark-gfm itself.
 */
function remarkGfmParse(this: { data(): object }): void {
  // The processor's data, as remark-parse reads it.
  const data = this.data() as ParserData;
  (data.micromarkExtensions ??= []).push(gfm());
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
}

/**
 * remark-math's parsing half, once the deferred parts are in: `$$…$$` as
 * math, inline or (fenced on lines of their own) display. Its own
 * single-dollar mode is off: it would read "$5 and $10" as a formula. Math in
 * single dollars (by Pandoc's rule), `\(…\)` and `\[…\]` reaches it
 * rewritten to `$$` (math-source.ts).
 */
function remarkMathParse(this: { data(): object }): void {
  const syntax = deferredParts();
  if (!syntax) return;
  const data = this.data() as ParserData;
  (data.micromarkExtensions ??= []).push(syntax.math({ singleDollarTextMath: false }));
  (data.fromMarkdownExtensions ??= []).push(syntax.mathFromMarkdown());
}

/** Module-level, so memoised blocks never see new plugin identities. */
export const remarkPlugins = [remarkGfmParse, remarkMathParse, remarkHtmlAsText];
