// One reply in flight: the gateway stream read into a chat reducer, stamped
// with arrival times and committed at most once per painted frame, a
// worker message's batch whole.
import { flushSync } from 'react-dom';
import type { ChatAction } from '../chat/chat-reducer.ts';
import { browserFrameScheduler, createEventBatcher, type EventBatcher } from '../chat/event-batcher.ts';
import { createPaintNow } from '../chat/paint-now.ts';
import { createTraceRecorder, type TraceRecorder } from '../chat/reply-trace.ts';
import { buildChatRequest, type RequestSettings } from '../chat/build-request.ts';
import type { ModelPricing } from '../chat/model-catalog.ts';
import { systemPromptTokens } from '../chat/reply-metrics.ts';
import { canContinue, isSettled, type Message, type ReplyTrace } from '../chat/types.ts';
import { arrivalTime, isStreamEnd, type GatewayClient, type TimedStreamEvent } from '../gateway/client.ts';
import { GatewayError } from '../gateway/errors.ts';
import type { WireChatRequest } from '../gateway/wire-types.ts';

export interface ReplyRun {
  replyId: string;
  controller: AbortController;
  batcher: EventBatcher<TimedStreamEvent>;
  recorder: TraceRecorder;
  /** The trace of a stream that has just ended, until the batch that ends it takes it. */
  endedTrace?: ReplyTrace | undefined;
}

/** The page's clock, on the same scale as the worker's arrival stamps. */
export const now = arrivalTime;

export function newId(): string {
  return crypto.randomUUID();
}

function describeError(error: unknown): string {
  if (error instanceof GatewayError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong while streaming the reply.';
}

/**
 * Hands the reducer the trace of a reply that has just settled, once, when it
 * did not go with the stream's last events (a stop, a failure). Called in the
 * task that settled it, so the trace joins the reply before the next paint:
 * what it adds to the usage panel comes with the end, not a frame later.
 */
function settleTrace({ replyId, recorder }: ReplyRun, dispatch: (action: ChatAction) => void): void {
  const trace = recorder.finish(now());
  if (trace) dispatch({ type: 'traceRecorded', replyId, trace });
}

/** Reads the stream into the reducer, one batched dispatch per frame, and records how it arrived. */
async function pumpStream(client: GatewayClient, request: WireChatRequest, run: ReplyRun, dispatch: (action: ChatAction) => void, onSettled: () => void): Promise<void> {
  const { replyId, controller, batcher, recorder } = run;
  const paintNow = createPaintNow();
  try {
    // Read in a worker: batches of events, each stamped as its bytes were read.
    for await (const batch of client.streamChat(request, { signal: controller.signal })) {
      let urgent = false;
      for (const item of batch) {
        recorder.record(item);
        // The end flushes at once, and its batch carries the trace.
        if (isStreamEnd(item.event)) run.endedTrace = recorder.finish(item.at);
        if (paintNow(item.event)) urgent = true;
      }
      // The batch goes whole: a commit never takes part of what came together.
      batcher.push(batch, urgent);
    }
  } catch (error) {
    batcher.flushNow();
    if (!controller.signal.aborted) dispatch({ type: 'streamFailed', replyId, message: describeError(error), at: now() });
  } finally {
    batcher.flushNow();
    batcher.dispose();
    settleTrace(run, dispatch);
    onSettled();
  }
}

/**
 * Starts streaming a reply into `dispatch`'s chat. The caller dispatches
 * sendRequested with the returned replyId and `startedAt` right away (or
 * continueRequested, naming the reply to continue as `replyId`): stream
 * events arrive in later tasks (the reading worker's messages).
 */
export function startReply(
  client: GatewayClient,
  request: WireChatRequest,
  startedAt: number,
  dispatch: (action: ChatAction) => void,
  onSettled: (run: ReplyRun) => void,
  replyId: string = newId(),
): ReplyRun {
  const batcher = createEventBatcher<TimedStreamEvent>((events) => {
    const trace = run.endedTrace;
    run.endedTrace = undefined;
    // Commit now, in the batcher's task, for the next frame to paint: no
    // transition, no deferral (a stream of urgent updates starves those).
    flushSync(() => dispatch({ type: 'streamEventsReceived', replyId, events, trace }));
  }, browserFrameScheduler());
  const run: ReplyRun = { replyId, controller: new AbortController(), batcher, recorder: createTraceRecorder(startedAt) };
  void pumpStream(client, request, run, dispatch, () => onSettled(run));
  return run;
}

/**
 * Continues `replyId`, the last message of `history`, when it ended before its
 * end: the history goes out with it as the last message, for `settings.model`
 * to go on from, and the stream is added to it. Undefined (and nothing sent)
 * when that reply cannot be continued.
 */
export function continueReply(
  client: GatewayClient,
  history: readonly Message[],
  replyId: string,
  settings: RequestSettings & { pricing?: ModelPricing | undefined },
  dispatch: (action: ChatAction) => void,
  onSettled: (run: ReplyRun) => void,
): ReplyRun | undefined {
  const reply = history.at(-1);
  if (reply?.role !== 'assistant' || reply.id !== replyId || !isSettled(reply.status) || !canContinue(reply)) return undefined;
  const startedAt = now();
  const run = startReply(client, buildChatRequest(history, settings), startedAt, dispatch, onSettled, replyId);
  dispatch({ type: 'continueRequested', replyId, at: startedAt, pricing: settings.pricing, systemTokens: systemPromptTokens(settings.systemPrompt) });
  return run;
}

/** The onSettled that forgets `key`'s run once it settles, unless another has taken its place since. */
export function forgetWhenSettled(runs: Map<string, ReplyRun>, key: string): (run: ReplyRun) => void {
  return (settled) => {
    if (runs.get(key) === settled) runs.delete(key);
  };
}

/** Stops a reply: what arrived is committed and kept, marked stopped. */
export function stopReply(run: ReplyRun, dispatch: (action: ChatAction) => void): void {
  run.batcher.flushNow();
  dispatch({ type: 'stopRequested', replyId: run.replyId, at: now() });
  settleTrace(run, dispatch);
  run.controller.abort(new DOMException('Stopped by the user', 'AbortError'));
}
