// The page parses GFM with remark-gfm's parsing half only: every GFM
// construct must come out exactly as remark-gfm itself renders it.
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { remarkHtmlAsText } from './html-as-text.ts';
import { remarkPlugins } from './plugins.ts';

const reference = [remarkGfm, remarkHtmlAsText];
const render = (text: string, plugins: typeof remarkPlugins | typeof reference): string =>
  renderToStaticMarkup(<Markdown remarkPlugins={plugins}>{text}</Markdown>);

const GFM: Record<string, string> = {
  table: ['| Left | Center | Right |', '|:-----|:------:|------:|', '| a \\| b | `c` | **1** |', '| d | | 22 |', 'after'].join('\n'),
  'table without body': '| only | header |\n| --- | --- |',
  'task list': ['- [ ] open', '- [x] done', '- plain', '  - [X] nested done', '', '1. [ ] numbered task'].join('\n'),
  strikethrough: '~one~ and ~~two~~ but not ~~~three~~~, and a\\~b',
  'autolink literals': 'See www.example.com, https://example.com/path?q=1. and mail me@example.org (or http://x.y/z).',
  footnotes: ['Text with a note[^1] and another[^note].', '', '[^1]: The first.', '[^note]: The second,', '    continued.', '', 'Unused: [^missing].'].join('\n'),
  mixed: [
    '# Title',
    '',
    '> - [ ] quoted task ~~gone~~',
    '',
    '```ts',
    'const a = 1; // ~~not struck~~ www.not-linked.com',
    '```',
    '',
    '| x |',
    '| - |',
    '| https://in.table/cell |',
  ].join('\n'),
};

// Text that looks like GFM but is not, or is not GFM at all.
const NEAR_MISSES: Record<string, string> = {
  'not a table': '| a | b |\n| - |',
  'raw html stays text': 'Inline <b>bold</b>\n\n<div>\nblock\n</div>',
  'not a task': '- [ ]\n- [x]not one\n-  [ ] two spaces',
  'not an autolink': 'www. and https:// alone, a@b',
};

describe('remarkPlugins parse GFM as remark-gfm does', () => {
  it.each(Object.entries(GFM))('%s', (_name, text) => {
    const ours = render(text, remarkPlugins);
    expect(ours).toBe(render(text, reference));
    // The corpus exercises GFM: without the extensions the output differs.
    expect(ours).not.toBe(render(text, [remarkHtmlAsText]));
  });

  it.each(Object.entries(NEAR_MISSES))('%s', (_name, text) => {
    expect(render(text, remarkPlugins)).toBe(render(text, reference));
  });
});
