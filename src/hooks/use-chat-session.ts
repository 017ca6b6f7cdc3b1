// Glue between the gateway stream and React: one conversation, one reducer,
// one in-flight request. Stream events are stamped with their arrival time
// and committed at most once per frame.
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { flushSync } from 'react-dom';
import { buildChatRequest } from '../chat/build-request.ts';
import { chatReducer, initialChatState, streamingReply, type ChatAction, type TimedStreamEvent } from '../chat/chat-reducer.ts';
import { browserFrameScheduler, createEventBatcher, type EventBatcher } from '../chat/event-batcher.ts';
import { createPaintNow } from '../chat/paint-now.ts';
import type { AssistantMessage, Message } from '../chat/types.ts';
import type { GatewayClient } from '../gateway/client.ts';
import { GatewayError } from '../gateway/errors.ts';
import type { WireChatRequest } from '../gateway/wire-types.ts';

export interface ChatSettings {
  model: string | undefined;
  systemPrompt: string;
}

export interface ChatSession {
  messages: readonly Message[];
  streaming: AssistantMessage | undefined;
  send(text: string): void;
  stop(): void;
  newChat(): void;
}

interface Run {
  replyId: string;
  controller: AbortController;
  batcher: EventBatcher<TimedStreamEvent>;
}

const now = (): number => performance.timeOrigin + performance.now();

function newId(): string {
  return crypto.randomUUID();
}

function describeError(error: unknown): string {
  if (error instanceof GatewayError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong while streaming the reply.';
}

/** Reads the stream into the reducer, one batched dispatch per frame. */
async function pumpStream(
  client: GatewayClient,
  request: WireChatRequest,
  { replyId, controller, batcher }: Run,
  dispatch: (action: ChatAction) => void,
  onSettled: () => void,
): Promise<void> {
  const paintNow = createPaintNow();
  try {
    for await (const event of client.streamChat(request, { signal: controller.signal })) {
      batcher.push({ event, at: now() }, paintNow(event));
    }
  } catch (error) {
    batcher.flushNow();
    if (!controller.signal.aborted) dispatch({ type: 'streamFailed', replyId, message: describeError(error), at: now() });
  } finally {
    batcher.flushNow();
    batcher.dispose();
    onSettled();
  }
}

export function useChatSession(client: GatewayClient, { model, systemPrompt }: ChatSettings): ChatSession {
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  // send() builds the request from the committed history, read here rather than re-creating send per frame.
  const messagesRef = useRef(state.messages);
  useLayoutEffect(() => {
    messagesRef.current = state.messages;
  }, [state.messages]);
  const runRef = useRef<Run | null>(null);

  const stop = useCallback(() => {
    const run = runRef.current;
    if (!run) return;
    runRef.current = null;
    run.batcher.flushNow();
    dispatch({ type: 'stopRequested', replyId: run.replyId, at: now() });
    run.controller.abort(new DOMException('Stopped by the user', 'AbortError'));
  }, []);

  const send = useCallback(
    (text: string) => {
      const content = text.trim();
      if (!model || !content || runRef.current) return;
      const user: Message = { id: newId(), role: 'user', content };
      const replyId = newId();
      const request = buildChatRequest([...messagesRef.current, user], { model, systemPrompt });
      const controller = new AbortController();
      const batcher = createEventBatcher<TimedStreamEvent>(
        // Commit inside this frame, before it paints: no transition, no deferral (a
        // stream of urgent updates starves those).
        (events) => flushSync(() => dispatch({ type: 'streamEventsReceived', replyId, events })),
        browserFrameScheduler(),
      );
      const run: Run = { replyId, controller, batcher };
      runRef.current = run;
      dispatch({ type: 'sendRequested', user, replyId, model, at: now() });

      void pumpStream(client, request, run, dispatch, () => {
        if (runRef.current === run) runRef.current = null;
      });
    },
    [client, model, systemPrompt],
  );

  const newChat = useCallback(() => {
    stop();
    dispatch({ type: 'conversationCleared' });
  }, [stop]);

  useEffect(() => () => runRef.current?.controller.abort(), []);

  return { messages: state.messages, streaming: streamingReply(state), send, stop, newChat };
}
