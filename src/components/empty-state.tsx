const SUGGESTIONS = [
  'Explain goroutines vs threads',
  'Write a debounce function in TypeScript',
  'Compare providers in a table',
  'Show me a markdown showcase',
];

interface EmptyStateProps {
  model: string | undefined;
  systemPrompt: string;
  onPick(prompt: string): void;
}

export function EmptyState({ model, systemPrompt, onPick }: EmptyStateProps) {
  const system = systemPrompt.trim();
  return (
    <div className="flex flex-col items-center gap-4 py-16 text-center">
      <h2 className="text-xl font-semibold text-zinc-800 dark:text-zinc-100">Start a conversation</h2>
      <p className="max-w-md text-sm text-zinc-500 dark:text-zinc-400">
        {model ? (
          <>
            Replies stream from <span className="font-mono">{model}</span> through your Inference Gateway.
          </>
        ) : (
          'Pick a model above to start.'
        )}
      </p>
      <p className="max-w-md text-xs text-zinc-500 dark:text-zinc-400">
        {system ? (
          <>
            System prompt: <span className="italic">“{system.length > 120 ? `${system.slice(0, 119)}…` : system}”</span>
          </>
        ) : (
          'No system prompt.'
        )}{' '}
        Change it under ⚙ Settings.
      </p>
      <div className="grid w-full max-w-xl gap-2 sm:grid-cols-2">
        {SUGGESTIONS.map((prompt) => (
          <button
            key={prompt}
            type="button"
            disabled={!model}
            onClick={() => onPick(prompt)}
            className="rounded-lg border border-zinc-200 px-3 py-2 text-left text-sm text-zinc-700 hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-900"
          >
            {prompt}
          </button>
        ))}
      </div>
    </div>
  );
}
