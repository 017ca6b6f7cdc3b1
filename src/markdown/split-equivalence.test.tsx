// Every prefix of these documents, rendered block by block, must give the
// same HTML as rendering that prefix whole: the splitter may never cut where
// markdown would join.
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { BlockSplitter } from './block-splitter.ts';

/** remark-math's parsing half as the app uses it ($$ only), from the packages themselves. */
function remarkMathReference(this: { data(): object }): void {
  const data = this.data() as Record<string, unknown[]>;
  (data.micromarkExtensions ??= []).push(math({ singleDollarTextMath: false }));
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown());
}
const plugins = [remarkGfm, remarkMathReference];
const html = (text: string): string => renderToStaticMarkup(<Markdown remarkPlugins={plugins}>{text}</Markdown>).replace(/>\s+</g, '><').trim();

const DOCS: Record<string, string> = {
  mixed: [
    '# Heading',
    'Intro paragraph with **bold** and `code`.',
    '',
    '- loose item one',
    '',
    '- loose item two',
    '  continued',
    '',
    '  second paragraph of item two',
    '- tight item three',
    '',
    '1. first',
    '2. second',
    '',
    '   indented paragraph in second',
    '',
    '10) other delimiter',
    '',
    '> quote line',
    'lazy continuation',
    '',
    '> new quote',
    '',
    'Setext heading',
    '==============',
    '',
    'Text right before a fence:',
    '```python',
    'def f():',
    '',
    '    return 1',
    '```',
    'Text right after a fence.',
    '',
    '| a | b |',
    '|:--|--:|',
    '| 1 | 2 |',
    '',
    '---',
    '',
    '    indented code',
    '',
    '    more indented code',
    '',
    '- [ ] task',
    '- [x] done',
    '',
    'Last paragraph.',
  ].join('\n'),
  nested: ['- a', '  - b', '', '    deep paragraph', '  - c', '', '- d', '', '  ```', '  code in item', '', '  ```', '', 'end'].join('\n'),
  math: [
    'Inline $$a^2 + b^2 = c^2$$ and a price of $5.',
    '',
    '$$',
    'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}',
    '',
    '\\text{a blank line above}',
    '$$',
    'Right after the formula.',
    '',
    'A paragraph',
    '$$$',
    'e^{i\\pi} + 1 = 0',
    '$$$',
    '',
    '$$x$$ on a line of its own is inline.',
    '',
    '- item with $$\\alpha$$',
    '',
    '  $$',
    '  \\beta',
    '  $$',
    '',
    'end',
  ].join('\n'),
  fences: ['~~~md', '```', 'inner', '```', '~~~', '', '````', '```', '````', '', 'after'].join('\n'),
};

describe('block splitting is invisible in the rendered HTML', () => {
  it.each(Object.entries(DOCS))('%s: every prefix renders the same split as whole', (_name, doc) => {
    const splitter = new BlockSplitter();
    for (let end = 1; end <= doc.length; end++) {
      const prefix = doc.slice(0, end);
      const { frozen, tail } = splitter.update(prefix);
      const pieces = [...frozen, tail].map(html).join('');
      expect(pieces, `prefix ending at ${end}: ${JSON.stringify(prefix.slice(-40))}`).toBe(html(prefix));
    }
    // Hundreds of whole renders: slow by design, not by a hang.
  }, 120_000);
});
