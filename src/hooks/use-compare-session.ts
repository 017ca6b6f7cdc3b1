// The compare view's glue: one message goes to every lane at once, each
// lane streaming from its own model with its own history.
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { buildChatRequest } from '../chat/build-request.ts';
import type { ChatAction } from '../chat/chat-reducer.ts';
import { compareReducer, initialCompareState, isComparing, laneHistory, type CompareState } from '../chat/compare.ts';
import { systemPromptTokens } from '../chat/reply-metrics.ts';
import { editedInPlace, replyVersions, type AssistantMessage, type ImageAttachment, type UserMessage } from '../chat/types.ts';
import type { GatewayClient } from '../gateway/client.ts';
import type { CompareStore } from '../storage/compare-store.ts';
import { continueReply, forgetWhenSettled, newId, now, startReply, stopReply, type ReplyRun } from './reply-stream.ts';
import type { ChatSettings } from './use-chat-session.ts';

export interface CompareSession {
  state: CompareState;
  /** Whether any lane is streaming. */
  streaming: boolean;
  /** Sends the text, with the images attached to it, to every lane. */
  send(text: string, images?: readonly ImageAttachment[]): void;
  /** Sends an edited message to every lane again in its place; each lane keeps it and what came after it as the new one's earlier version. */
  edit(messageId: string, text: string): void;
  /** Asks one lane's model again for its last reply, keeping that reply as an earlier version. */
  regenerate(model: string, replyId: string): void;
  /** Shows another version of a lane's reply in its place. */
  showVersion(model: string, replyId: string, versionId: string): void;
  /** Shows another version of an edited message, with what followed it, in every lane that has it (none while a lane streams). */
  showMessageVersion(messageId: string, versionId: string): void;
  /** Asks one lane's last reply, when it ended before its end, to go on where it is; the other lanes go on as they are. */
  continueReply(model: string, replyId: string): void;
  /** A blind test's pick: one lane's reply is the best to its message (again: taken back); not while a lane streams. */
  prefer(model: string, replyId: string): void;
  /** Stops every lane. */
  stop(): void;
  addLane(model: string): void;
  removeLane(model: string): void;
  /** Empties every lane's history, keeping the lanes. */
  clear(): void;
  /** Why the lanes' replies are not kept across a reload, when the browser refused to store them. */
  storageError: string | undefined;
}

/** How often a streaming lane's history is written: a reload loses at most this much of a reply. */
const SAVE_INTERVAL_MS = 1000;

export interface CompareSettings extends Omit<ChatSettings, 'model'> {
  /** Whether a model can chat, as far as the gateway has said: a send skips the lanes whose model cannot. */
  chatsWith?: ((model: string) => boolean) | undefined;
}

export function useCompareSession(
  client: GatewayClient,
  settings: CompareSettings,
  initialLanes: readonly string[],
  store?: CompareStore | undefined,
): CompareSession {
  // The lanes come from the URL; their histories, from before a reload.
  const [state, dispatch] = useReducer(compareReducer, initialLanes, (lanes) =>
    compareReducer(initialCompareState(lanes), { type: 'lanesRestored', chats: store?.load() ?? {} }),
  );
  const storageError = useCompareSaving(state, store);
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  }, [state]);
  const runs = useRef(new Map<string, ReplyRun>());
  const { systemPrompt, temperature, maxTokens, pricingOf, chatsWith } = settings;

  const stopLane = useCallback((model: string) => {
    const run = runs.current.get(model);
    if (!run) return;
    runs.current.delete(model);
    stopReply(run, (action) => dispatch({ type: 'laneAction', model, action }));
  }, []);

  const stop = useCallback(() => {
    // stopLane deletes the entry it stops; a Map's iterator allows that.
    for (const model of runs.current.keys()) stopLane(model);
  }, [stopLane]);

  /** Sends `user` to each of `lanes`, after its history before `from` (an edit, a regenerate) or after all of it. */
  const sendTo = useCallback(
    (lanes: readonly string[], user: UserMessage, from: string | undefined, earlier?: AssistantMessage[]) => {
      const { chats } = stateRef.current;
      for (const model of lanes) {
        const toLane = (action: ChatAction): void => dispatch({ type: 'laneAction', model, action });
        const messages = chats[model]?.messages ?? [];
        const { history, rewound } = laneHistory(messages, from);
        // An edit (a new message in the place of `from`) keeps what it replaces in this lane as a branch.
        const sent = rewound && from !== undefined && from !== user.id ? editedInPlace(messages, from, user) : user;
        const request = buildChatRequest([...history, sent], { model, systemPrompt, temperature, maxTokens });
        const startedAt = now();
        const run = startReply(client, request, startedAt, toLane, forgetWhenSettled(runs.current, model));
        runs.current.set(model, run);
        if (rewound && from !== undefined) toLane({ type: 'historyRewound', messageId: from });
        toLane({ type: 'sendRequested', user: sent, replyId: run.replyId, model, at: startedAt, pricing: pricingOf?.(model), earlier, systemTokens: systemPromptTokens(systemPrompt) });
      }
    },
    [client, systemPrompt, temperature, maxTokens, pricingOf],
  );

  /** A new message, or with `from` an edited one, goes to every lane once none streams. */
  const sendToAll = useCallback(
    (text: string, from?: string, images?: readonly ImageAttachment[]) => {
      const content = text.trim();
      // A lane whose model only makes images (one named in a link) is left out, not sent an error.
      const lanes = stateRef.current.lanes.filter((model) => chatsWith?.(model) ?? true);
      if ((!content && !images?.length) || lanes.length === 0 || runs.current.size > 0) return;
      sendTo(lanes, { id: newId(), role: 'user', content, ...(images?.length ? { images: [...images] } : {}) }, from);
    },
    [sendTo, chatsWith],
  );
  const send = useCallback((text: string, images?: readonly ImageAttachment[]) => sendToAll(text, undefined, images), [sendToAll]);
  const edit = useCallback((messageId: string, text: string) => sendToAll(text, messageId), [sendToAll]);
  // One lane asks its model again, with the same message (its id too, so an
  // edit from another lane still finds it here); the other lanes keep theirs.
  const regenerate = useCallback(
    (model: string, replyId: string) => {
      if (runs.current.has(model)) return;
      const messages = stateRef.current.chats[model]?.messages ?? [];
      const at = messages.findIndex((m) => m.id === replyId);
      const question = messages[at - 1];
      const old = messages[at];
      if (question?.role === 'user' && old?.role === 'assistant') sendTo([model], question, question.id, replyVersions(old));
    },
    [sendTo],
  );
  // One lane's last reply, if it ended before its end, goes on where it is.
  const continueLane = useCallback(
    (model: string, replyId: string) => {
      if (runs.current.has(model)) return;
      const toLane = (action: ChatAction): void => dispatch({ type: 'laneAction', model, action });
      const history = stateRef.current.chats[model]?.messages ?? [];
      const run = continueReply(client, history, replyId, { model, systemPrompt, temperature, maxTokens, pricing: pricingOf?.(model) }, toLane, forgetWhenSettled(runs.current, model));
      if (run) runs.current.set(model, run);
    },
    [client, systemPrompt, temperature, maxTokens, pricingOf],
  );
  const showVersion = useCallback((model: string, replyId: string, versionId: string) => {
    if (runs.current.has(model)) return;
    dispatch({ type: 'laneAction', model, action: { type: 'replyVersionShown', replyId, versionId } });
  }, []);

  const showMessageVersion = useCallback((messageId: string, versionId: string) => {
    if (runs.current.size > 0) return;
    for (const model of stateRef.current.lanes) dispatch({ type: 'laneAction', model, action: { type: 'messageVersionShown', messageId, versionId } });
  }, []);

  // A blind test's pick, once no lane streams.
  const prefer = useCallback((model: string, replyId: string) => {
    if (runs.current.size > 0) return;
    dispatch({ type: 'replyPreferred', model, replyId });
  }, []);
  const addLane = useCallback((model: string) => dispatch({ type: 'laneAdded', model }), []);
  const removeLane = useCallback(
    (model: string) => {
      stopLane(model);
      dispatch({ type: 'laneRemoved', model });
    },
    [stopLane],
  );
  const clear = useCallback(() => {
    stop();
    dispatch({ type: 'lanesCleared' });
  }, [stop]);

  useEffect(() => {
    const all = runs.current;
    return () => {
      for (const run of all.values()) run.controller.abort();
    };
  }, []);

  return { state, streaming: isComparing(state), send, edit, regenerate, showVersion, showMessageVersion, continueReply: continueLane, prefer, stop, addLane, removeLane, clear, storageError };
}

/**
 * Writes the lanes' histories: settled at once, while a lane streams at most
 * once a second, and when the page goes away. Returns why they are not kept,
 * when the browser refused.
 */
function useCompareSaving(state: CompareState, store: CompareStore | undefined): string | undefined {
  const [refused, setRefused] = useState(false);
  const latest = useRef<() => void>(() => undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!store) return;
    const write = (): void => setRefused(!store.save(Object.fromEntries(state.lanes.map((model) => [model, state.chats[model]?.messages ?? []]))));
    latest.current = write;
    if (!isComparing(state)) {
      clearTimeout(timer.current);
      timer.current = undefined;
      write();
    } else if (timer.current === undefined) {
      timer.current = setTimeout(() => {
        timer.current = undefined;
        latest.current();
      }, SAVE_INTERVAL_MS);
    }
  }, [state, store]);
  useEffect(() => {
    const flush = (): void => latest.current();
    const onHidden = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      clearTimeout(timer.current);
      flush();
    };
  }, []);
  return refused ? 'Replies here are not kept across a reload: this browser refused storage.' : undefined;
}
