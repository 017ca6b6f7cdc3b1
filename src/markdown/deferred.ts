// What the renderer loads apart from the entry script, in one chunk with a
// name, as the page starts (deferred-parts.ts): remend, the tail repair a
// streaming reply needs; GFM's footnotes, task lists and strikethrough (rare
// in a chat); and math ($$…$$): its syntax, the rewrite of \( … \), \[ … \]
// and single dollars to it, and the component that shows a formula (which
// loads KaTeX itself when the first one appears); and the list that streams
// item by item (a streaming reply waits for these parts anyway).
export { default as remend } from 'remend';
export { gfmFootnote } from 'micromark-extension-gfm-footnote';
export { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
export { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
export { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
export { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
export { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
export { math } from 'micromark-extension-math';
export { mathFromMarkdown } from 'mdast-util-math';
export { MathFormula, parseOpenMath } from './math.tsx';
export { closeFormula, mathToDollars } from './math-source.ts';
export { LiveList, parseLiveList } from './live-list.tsx';
