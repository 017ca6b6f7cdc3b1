// An export that made no file says why, under the box, for a while.
import { useCallback, useEffect, useState } from 'react';

/**
 * Why an export made no file, in words. Most often a chunk of the app (the
 * web page's code, loaded when asked for) is no longer on the server: the app
 * was updated since this page loaded.
 */
export function exportFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/dynamically imported module|module script failed|error loading dynamically imported/i.test(message)) {
    return 'The file was not made: part of the app could not be loaded (it may have been updated since this page opened). Reload the page and try again.';
  }
  return `The file was not made${message ? ` (${message})` : ''}. Try again, or reload the page.`;
}

/** Why the last export made no file (for 20 seconds, or until one goes through), and how to run one. */
export function useExport(): [problem: string | undefined, run: (task: () => Promise<void>) => void] {
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    if (!problem) return;
    const timer = setTimeout(() => setProblem(undefined), 20_000);
    return () => clearTimeout(timer);
  }, [problem]);
  const run = useCallback((task: () => Promise<void>) => {
    task().then(
      () => setProblem(undefined),
      (error: unknown) => setProblem(exportFailure(error)),
    );
  }, []);
  return [problem, run];
}
