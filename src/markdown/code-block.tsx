// A code fence from its first streamed line to its highlighted end, in one
// component, so the DOM that streamed stays when the fence closes: completed
// lines are frozen in chunks and never touched again, only the last chunk's
// text grows, and the highlighted HTML (from a worker) replaces it once.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { highlightCode } from './highlight.ts';
import { LineChunker } from './line-chunker.ts';
import { focusableWhenScrolls, lookAgain } from './scroll-focus.ts';
import { useCopy } from './use-copy.ts';

const FrozenLines = memo(function FrozenLines({ text }: { text: string }) {
  return <>{text}</>;
});

// A half-typed closing fence on the last line would flash as code: hold it back.
const HALF_CLOSING_FENCE = /(^|\n) {0,3}(`{1,}|~{1,})$/;

interface CodeBlockProps {
  code: string;
  language: string | undefined;
  /** False while the fence is still open: shown plain as it grows, never re-highlighted per token. */
  complete: boolean;
}

export function CodeBlock({ code, language, complete }: CodeBlockProps) {
  const [chunker] = useState(() => new LineChunker());
  const { chunks, rest } = chunker.update(code, !complete);
  const shown = complete ? rest : rest.replace(HALF_CLOSING_FENCE, '$1');
  const [highlighted, setHighlighted] = useState<{ code: string; html: string } | undefined>();
  const { copied, copy } = useCopy();

  // Only a closed fence is highlighted: while it streams the effect's inputs
  // do not change, so its commits schedule no effect.
  const closedCode = complete ? code : undefined;
  useEffect(() => {
    if (closedCode === undefined) return;
    let cancelled = false;
    highlightCode(closedCode, language).then(
      (html) => {
        if (!cancelled && html !== undefined) setHighlighted({ code: closedCode, html });
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [closedCode, language]);

  // A tab stop while it scrolls sideways (scroll-focus.ts). A last line that
  // grew past the edge adds no height for the observer to see: looked at once
  // more as the fence closes.
  const pre = useRef<HTMLPreElement | null>(null);
  const preRef = useCallback((element: HTMLPreElement | null) => {
    pre.current = element;
    return focusableWhenScrolls(element);
  }, []);
  useEffect(() => {
    if (complete && pre.current) lookAgain(pre.current);
  }, [complete]);

  const html = highlighted?.code === code ? highlighted.html : undefined;
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span>{language ?? 'text'}</span>
        <button type="button" onClick={() => copy(complete ? code : chunks.join('') + shown)} aria-label="Copy code" className="code-copy">
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre ref={preRef}>
        {html !== undefined ? (
          <code className={`hljs language-${language ?? 'text'}`} dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <code className={language ? `language-${language}` : undefined}>
            {chunks.map((chunk, i) => (
              <FrozenLines key={i} text={chunk} />
            ))}
            {shown}
          </code>
        )}
      </pre>
    </div>
  );
}
