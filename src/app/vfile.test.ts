// The stand-in must carry a document through the markdown pipeline exactly as vfile does.
// unified, remark-parse, remark-rehype and vfile are react-markdown's own dependencies: the versions it runs.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile as RealVFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { VFile, VFileMessage } from './vfile.ts';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);
// The stand-in's type is its own; unified takes it as it takes a vfile (it has `message` and `messages`).
const hast = (file: VFile | RealVFile): unknown => processor.runSync(processor.parse(file as RealVFile), file as RealVFile);

describe('the vfile stand-in', () => {
  it('carries a document through remark and rehype as vfile does', () => {
    const doc = '# Title\n\nSome **bold** text[^1] and https://example.com\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```go\nfunc main() {}\n```\n\n[^1]: A note.\n';
    const stand = new VFile();
    stand.value = doc;
    expect(hast(stand)).toEqual(hast(new RealVFile(doc)));
    expect(String(new VFile(new TextEncoder().encode('bytes')))).toBe('bytes');
    expect(String(new VFile({ value: 'fields' }))).toBe('fields');
  });

  it('keeps messages, and fails with one', () => {
    const file = new VFile('x');
    expect(file.message('note')).toBeInstanceOf(VFileMessage);
    expect(() => file.fail(new Error('broken'))).toThrow('broken');
    expect(file.messages.map((m) => m.message)).toEqual(['note', 'broken']);
  });
});
