import { memo } from 'react';
import { isSettled, type AssistantMessage, type Message, type UserMessage } from '../chat/types.ts';
import { MarkdownView } from '../markdown/markdown-view.tsx';
import { UsagePanel } from './usage-panel.tsx';

function UserMessageView({ message }: { message: UserMessage }) {
  return (
    <article aria-label="You" className="msg-item flex justify-end">
      <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-sm bg-indigo-600 px-4 py-2 text-white">
        {message.content}
      </div>
    </article>
  );
}

const STATUS_LABEL: Partial<Record<AssistantMessage['status'], string>> = {
  stopped: 'Stopped',
  interrupted: 'Interrupted',
};

function ReasoningGroup({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <details
      aria-label="Reasoning"
      open={streaming || undefined}
      className="mb-3 border-l-2 border-zinc-300 pl-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
    >
      <summary className="cursor-pointer select-none font-medium">{streaming ? 'Reasoning…' : 'Reasoning'}</summary>
      <div className="mt-1">
        <MarkdownView text={text} streaming={streaming} />
      </div>
    </details>
  );
}

function AssistantMessageView({ message }: { message: AssistantMessage }) {
  const settled = isSettled(message.status);
  const answering = message.status === 'streaming' && message.content.length > 0;
  const reasoningStreaming = !settled && !answering;
  const statusLabel = STATUS_LABEL[message.status];
  const hasText = message.content.length > 0;
  return (
    <article aria-label="Assistant" aria-busy={settled ? 'false' : 'true'} className="msg-item">
      <div className="mb-1 flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span className="font-mono">{message.model}</span>
        {statusLabel ? (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-800 dark:bg-amber-900/40 dark:text-amber-300">
            {statusLabel}
          </span>
        ) : null}
      </div>
      {message.reasoning ? <ReasoningGroup text={message.reasoning} streaming={reasoningStreaming} /> : null}
      {message.status === 'waiting' ? (
        <p className="flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
          <span className="typing-dots" aria-hidden="true" />
          Waiting for the first token…
        </p>
      ) : null}
      {hasText ? <MarkdownView text={message.content} streaming={!settled} /> : null}
      {message.toolCalls.map((call) => (
        <pre key={call.index} className="mt-2 overflow-x-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900">
          Tool call: {call.name}({call.arguments})
        </pre>
      ))}
      {message.status === 'interrupted' ? (
        <p className="mt-2 text-sm text-amber-700 dark:text-amber-400">The connection ended before the reply was complete.</p>
      ) : null}
      {message.status === 'failed' ? (
        <div role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">
          <p className="font-medium">{hasText ? 'The reply broke off with an error' : 'The gateway returned an error'}</p>
          <p>{message.error}</p>
        </div>
      ) : null}
      {settled ? (
        message.status !== 'failed' || hasText ? (
          <UsagePanel reply={message} />
        ) : null
      ) : (
        <UsagePanel reply={message} pending />
      )}
    </article>
  );
}

export const MessageView = memo(function MessageView({ message }: { message: Message }) {
  return message.role === 'user' ? <UserMessageView message={message} /> : <AssistantMessageView message={message} />;
});
