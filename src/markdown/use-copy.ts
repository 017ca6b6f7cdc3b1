// Copying text to the clipboard with a moment of "Copied": a code block's
// Copy code, and (from components/, which may import the renderer) a message's Copy.
import { useCallback, useEffect, useState } from 'react';

export function useCopy(): { copied: boolean; copy(text: string): void } {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = useCallback((text: string) => {
    navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => undefined,
    );
  }, []);
  return { copied, copy };
}
