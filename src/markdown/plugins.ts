import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmTable } from 'micromark-extension-gfm-table';
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
 * the largest part of GFM in the entry bundle. Footnotes, task lists and
 * strikethrough, rare in a chat, are in the deferred parts
 * (remarkDeferredParse). The equivalence tests render against remark-gfm
 * itself.
 */
function remarkGfmParse(this: { data(): object }): void {
  // The processor's data, as remark-parse reads it.
  const data = this.data() as ParserData;
  (data.micromarkExtensions ??= []).push(gfmAutolinkLiteral(), gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmAutolinkLiteralFromMarkdown(), gfmTableFromMarkdown());
}

/**
 * GFM's footnotes, task lists and strikethrough, and remark-math's parsing
 * half, once the deferred parts are in (until then a reply that has any of them waits:
 * markdown-view.tsx). Math: `$$…$$`, inline or (fenced on lines of their own)
 * display. remark-math's own single-dollar mode is off: it would read "$5 and
 * $10" as a formula. Math in single dollars (by Pandoc's rule), `\(…\)` and
 * `\[…\]` reaches it rewritten to `$$` (math-source.ts).
 */
function remarkDeferredParse(this: { data(): object }): void {
  const syntax = deferredParts();
  if (!syntax) return;
  const data = this.data() as ParserData;
  (data.micromarkExtensions ??= []).push(syntax.gfmFootnote(), syntax.gfmStrikethrough(), syntax.gfmTaskListItem(), syntax.math({ singleDollarTextMath: false }));
  (data.fromMarkdownExtensions ??= []).push(syntax.gfmFootnoteFromMarkdown(), syntax.gfmStrikethroughFromMarkdown(), syntax.gfmTaskListItemFromMarkdown(), syntax.mathFromMarkdown());
}

/** Module-level, so memoised blocks never see new plugin identities. */
export const remarkPlugins = [remarkGfmParse, remarkDeferredParse, remarkHtmlAsText];
