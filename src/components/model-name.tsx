/**
 * A model's full id on one line where room is short, as a compare view's
 * narrow lanes and its table have it: the provider ("google/models/") gives
 * way first, cut with an ellipsis, so the model's own name, the part that
 * tells "gemini-2.5-flash" from "gemini-2.5-pro", stays whole as long as it
 * fits (`nameClassName` may let it wrap instead). The text is the id
 * itself, for copying and for a screen reader.
 */
export function ModelName({ id, providerClassName = '', nameClassName = 'truncate' }: { id: string; providerClassName?: string; nameClassName?: string }) {
  const cut = id.lastIndexOf('/') + 1;
  return (
    <span className="flex min-w-0">
      {cut > 0 ? <span className={`min-w-[2ch] shrink-[1000] truncate text-zinc-500 dark:text-zinc-400 ${providerClassName}`}>{id.slice(0, cut)}</span> : null}
      <span className={`min-w-0 ${nameClassName}`}>{id.slice(cut)}</span>
    </span>
  );
}
