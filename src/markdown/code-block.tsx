import { useEffect, useState } from 'react';
import { highlightCode } from './highlight.ts';

interface CodeBlockProps {
  code: string;
  language: string | undefined;
  /** False while the fence is still streaming: shown plain, never re-highlighted per token. */
  complete: boolean;
}

export function CodeBlock({ code, language, complete }: CodeBlockProps) {
  const [highlighted, setHighlighted] = useState<{ code: string; html: string } | undefined>();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!complete) return;
    let cancelled = false;
    highlightCode(code, language).then(
      (html) => {
        if (!cancelled && html !== undefined) setHighlighted({ code, html });
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [code, language, complete]);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = (): void => {
    navigator.clipboard?.writeText(code).then(
      () => setCopied(true),
      () => undefined,
    );
  };

  const html = highlighted?.code === code ? highlighted.html : undefined;
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span>{language ?? 'text'}</span>
        <button type="button" onClick={copy} aria-label="Copy code" className="code-copy">
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre>
        {html !== undefined ? (
          <code className={`hljs language-${language ?? 'text'}`} dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <code className={language ? `language-${language}` : undefined}>{code}</code>
        )}
      </pre>
    </div>
  );
}
