import { useState } from 'react';

interface SystemPromptProps {
  value: string;
  onChange(value: string): void;
}

export function SystemPrompt({ value, onChange }: SystemPromptProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900/50">
      <div className="mx-auto flex max-w-3xl items-start gap-2">
        <label htmlFor="system-prompt" className="shrink-0 pt-1 text-xs font-medium uppercase tracking-wide text-zinc-500">
          System prompt
        </label>
        <textarea
          id="system-prompt"
          value={value}
          rows={open ? 4 : 1}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onChange={(e) => onChange(e.target.value)}
          placeholder="No system prompt"
          className="min-w-0 flex-1 resize-none rounded border border-transparent bg-transparent px-1 py-0.5 text-zinc-700 hover:border-zinc-300 focus:border-zinc-300 focus:bg-white focus:outline-none dark:text-zinc-300 dark:hover:border-zinc-700 dark:focus:border-zinc-700 dark:focus:bg-zinc-900"
        />
      </div>
    </div>
  );
}
