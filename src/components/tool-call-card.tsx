// A reply's tool call as a card. Loaded when a reply first has one (most
// never do), so it costs the page's entry script nothing.
import { useId, useMemo } from 'react';
import type { ToolCall } from '../chat/types.ts';
import { focusableWhenScrolls } from '../markdown/scroll-focus.ts';
import { toolArguments } from './tool-arguments.ts';

/**
 * A tool call as a card: its name, then its arguments field by field (a
 * string as its text, with its line breaks) once they are whole JSON, as
 * they came until then. Tall arguments scroll inside the card.
 */
export function ToolCallCard({ call }: { call: ToolCall }) {
  const args = useMemo(() => toolArguments(call.arguments), [call.arguments]);
  const captionId = useId();
  return (
    // Named by its caption outright: not every browser and screen reader takes a figcaption as the name.
    <figure aria-labelledby={captionId} className="my-3 overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800">
      <figcaption id={captionId} className="flex flex-wrap items-baseline gap-x-2 bg-zinc-100 px-3 py-1.5 text-xs dark:bg-zinc-900">
        <span className="text-zinc-600 dark:text-zinc-400">Tool call</span>{' '}
        <code className="font-semibold break-all">{call.name}</code>
        {args.kind === 'none' ? (
          <>
            {' '}
            <span className="text-zinc-600 dark:text-zinc-400">(no arguments)</span>
          </>
        ) : null}
      </figcaption>
      {args.kind === 'none' ? null : (
        // Scrollable when tall, and then a tab stop, so the keyboard can scroll it too (one that fits is not: a keyboard passes it by).
        // Keyed by what it holds: its first child, watched for size, is then its own.
        <div key={args.kind} ref={focusableWhenScrolls} className="max-h-80 overflow-y-auto px-3 py-2 text-xs focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500">
          {args.kind === 'fields' ? (
            <dl className="grid grid-cols-[fit-content(40%)_minmax(0,1fr)] gap-x-3 gap-y-1">
              {args.fields.map((field) => (
                <div key={field.name} className="contents">
                  <dt className="font-mono break-words text-zinc-500 dark:text-zinc-400">{field.name}</dt>
                  <dd className={`break-words whitespace-pre-wrap ${field.json ? 'font-mono' : ''}`}>{field.value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <pre className="font-mono break-words whitespace-pre-wrap">{args.text}</pre>
          )}
        </div>
      )}
    </figure>
  );
}
