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
