// An open code fence while it streams: completed lines are frozen in chunks
// and never touched again; only the last chunk's text grows. No highlighting
// until the fence closes (then the block renders through CodeBlock).
import { memo, useState } from 'react';
import { LineChunker } from './line-chunker.ts';

const FrozenLines = memo(function FrozenLines({ text }: { text: string }) {
  return <>{text}</>;
});

interface LiveFenceProps {
  language: string | undefined;
  body: string;
}

export function LiveFence({ language, body }: LiveFenceProps) {
  const [chunker] = useState(() => new LineChunker());
  // A half-typed closing fence on the last line would flash as code: hold it back.
  const { chunks, rest } = chunker.update(body);
  const shown = rest.replace(/(^|\n) {0,3}(`{1,}|~{1,})$/, '$1');
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span>{language ?? 'text'}</span>
      </div>
      <pre>
        <code className={language ? `language-${language}` : undefined}>
          {chunks.map((chunk, i) => (
            <FrozenLines key={i} text={chunk} />
          ))}
          {shown}
        </code>
      </pre>
    </div>
  );
}

const FENCE_LINE = /^(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*\n?/;

/** Splits a tail that opens with a code fence into its language and body. */
export function parseOpenFence(tail: string): { language: string | undefined; body: string } | undefined {
  const match = FENCE_LINE.exec(tail);
  if (!match) return undefined;
  if (!match[0].endsWith('\n')) return { language: undefined, body: '' };
  return { language: match[2] || undefined, body: tail.slice(match[0].length) };
}

/**
 * A block that is exactly one closed fence at the margin, as CommonMark reads
 * it: the code and the info string's first word. Anything unusual (escapes or
 * entities in the info string, CR line ends, text after the fence) returns
 * undefined and goes through the markdown parser instead.
 */
export function parseClosedFence(block: string): { language: string | undefined; code: string } | undefined {
  if (block.includes('\r')) return undefined;
  const open = /^(`{3,}|~{3,})[ \t]*([A-Za-z0-9_+#.-]*)[ \t]*\n/.exec(block);
  if (!open?.[1]) return undefined;
  const marker = open[1];
  const rest = block.slice(open[0].length).replace(/\n+$/, '');
  const lastNewline = rest.lastIndexOf('\n');
  const closing = rest.slice(lastNewline + 1);
  const closes = (line: string): boolean => new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`).test(line);
  if (!closes(closing)) return undefined;
  const body = lastNewline < 0 ? '' : rest.slice(0, lastNewline);
  // An earlier closing line would end the fence sooner: then the block holds more than one fence.
  if (body.split('\n').some(closes)) return undefined;
  return { language: open[2] || undefined, code: body };
}
