import { memo, useMemo, useState } from 'react';
import type { LaneSpeed, SpeedScope } from '../chat/lane-speeds.ts';
import { blindPicks } from '../chat/compare.ts';
import { isSettled, type Message } from '../chat/types.ts';
import { CompareSpeed } from './compare-speed.tsx';
import { Conversation } from './conversation.tsx';
import { ExportMenu, type ExportChoice } from './export-menu.tsx';
import { ModelName } from './model-name.tsx';
import { blindLabel, ModelsHiddenContext, shuffled } from './models-hidden.ts';
import { ReplayTogetherContext, type ReplayTogether } from './replay-together.ts';

export interface CompareLane {
  model: string;
  messages: readonly Message[];
  /** The gateway says its model gives no text (it makes images only): a send skips this lane. */
  cannotChat?: boolean;
}

interface CompareViewProps {
  lanes: readonly CompareLane[];
  /** Each lane's last reply (or, with scope 'all', all its replies) as figures, in lane order. */
  speeds: readonly LaneSpeed[];
  speedScope: SpeedScope;
  /** Given once the figures can be of all replies (a lane has two or more). */
  onSpeedScopeChange?: ((scope: SpeedScope) => void) | undefined;
  /** The model "Add lane" adds: the one picked in the header. */
  modelToAdd: string | undefined;
  streaming: boolean;
  onAdd(model: string): void;
  onRemove(model: string): void;
  onClear(): void;
  /** Given when a message of yours can be edited and sent to every lane again (no lane streaming). */
  onEdit?: ((messageId: string, text: string) => void) | undefined;
  /** Given when a lane's last reply can be asked for again (that lane's model only). */
  onRegenerate?: ((model: string, replyId: string) => void) | undefined;
  /** Shows another version of a lane's last reply in its place. */
  onShowVersion?: ((model: string, replyId: string, versionId: string) => void) | undefined;
  /** Given when a lane's last reply, if it ended before its end, can be asked to go on (that lane's model only). */
  onContinue?: ((model: string, replyId: string) => void) | undefined;
  /** Given when another version of an edited message can be shown, in every lane (no lane streaming). */
  onShowMessageVersion?: ((messageId: string, versionId: string) => void) | undefined;
  /** Why the replies are not kept across a reload, if they are not. */
  storageError?: string | undefined;
  /** Saves the lanes, their replies and the speed table as a file. */
  onExport?: ((format: ComparisonFormat) => void) | undefined;
  /** A blind test's pick of one lane's reply as the best to its message (again: taken back). */
  onPrefer?: ((model: string, replyId: string) => void) | undefined;
}

export type ComparisonFormat = 'markdown' | 'html';
const EXPORT_FORMATS: readonly ExportChoice<ComparisonFormat>[] = [
  { format: 'markdown', label: 'Markdown (.md)' },
  { format: 'html', label: 'Web page (.html), to share', title: 'The comparison as it reads here, lanes side by side, as a page of its own: it opens in any browser, without the app' },
];

const EDIT_NOTE = 'Saving sends it to every lane again; in each, this message and the replies after it are kept as an earlier version.';

interface LaneProps {
  model: string;
  /** While the models are hidden, what the lane is called instead ("Model A"); Remove is not offered. */
  hiddenAs?: string | undefined;
  /** Once they are shown again, what it was called while they were hidden. */
  wasCalled?: string | undefined;
  messages: readonly Message[];
  cannotChat: boolean;
  /** While the models are hidden and no lane streams, picking this lane's last reply as the best (pressed again, taken back). */
  onPick?: ((model: string, replyId: string) => void) | undefined;
  onRemove(model: string): void;
  onEdit?: ((messageId: string, text: string) => void) | undefined;
  onRegenerate?: ((model: string, replyId: string) => void) | undefined;
  onShowVersion?: ((model: string, replyId: string, versionId: string) => void) | undefined;
  onContinue?: ((model: string, replyId: string) => void) | undefined;
  onShowMessageVersion?: ((messageId: string, versionId: string) => void) | undefined;
}

/** One model's lane. Memoised: a lane whose model is done does not re-render while the others stream. */
const Lane = memo(function Lane({ model, hiddenAs, wasCalled, messages, cannotChat, onPick, onRemove, onEdit, onRegenerate, onShowVersion, onContinue, onShowMessageVersion }: LaneProps) {
  const regenerate = useMemo(() => onRegenerate && ((replyId: string) => onRegenerate(model, replyId)), [model, onRegenerate]);
  const goOn = useMemo(() => onContinue && ((replyId: string) => onContinue(model, replyId)), [model, onContinue]);
  const showVersion = useMemo(() => onShowVersion && ((replyId: string, versionId: string) => onShowVersion(model, replyId, versionId)), [model, onShowVersion]);
  // A lane can name a model that only makes images (from a link, or one the
  // gateway has said so of since the lane's replies came): say so, and a send skips it.
  const imagesOnly = cannotChat ? `${hiddenAs ? 'This model' : model} makes images only and cannot chat: a message is not sent to this lane.` : undefined;
  const name = hiddenAs ?? model;
  // The last reply, when it can be picked (settled, with text) and when it was.
  const last = messages.at(-1);
  const lastReply = last?.role === 'assistant' && isSettled(last.status) && last.content ? last : undefined;
  const empty = imagesOnly ? (
    <p className="py-8 text-center text-sm text-amber-700 dark:text-amber-400">{imagesOnly}</p>
  ) : (
    <p className="py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">Replies from this model appear here.</p>
  );
  return (
    <section aria-label={name} className="flex min-h-80 min-w-0 flex-col md:min-h-0">
      {/* A lane narrower than 20rem (four or more side by side) names its model
          without the provider, which the speed table above gives; a name still
          too long is cut at its end. Remove is a ×, so the name has the room. */}
      <div className="@container flex items-center gap-1 py-2 pr-2 pl-4">
        <h2 aria-label={wasCalled ? `${wasCalled}: ${model}` : name} title={name} className="flex min-w-0 flex-1 gap-1.5 font-mono text-sm font-medium">
          {hiddenAs ? (
            <span className="font-sans">{hiddenAs}</span>
          ) : (
            <>
              {wasCalled ? <span className="shrink-0 font-sans text-indigo-700 dark:text-indigo-300">{wasCalled}</span> : null}
              <ModelName id={model} providerClassName="hidden @xs:block" />
            </>
          )}
        </h2>
        {hiddenAs && onPick && lastReply ? (
          <button
            type="button"
            aria-pressed={lastReply.preferred === true}
            aria-label={`Pick ${hiddenAs}`}
            onClick={() => onPick(model, lastReply.id)}
            title="Pick this reply as the best to your last message (press again to take it back); pressing Blind test again shows whose it was"
            className="h-7 rounded-md border border-zinc-300 px-2 text-xs hover:bg-zinc-50 aria-pressed:border-amber-500 aria-pressed:bg-amber-50 aria-pressed:text-amber-900 dark:border-zinc-700 dark:hover:bg-zinc-900 dark:aria-pressed:bg-amber-950 dark:aria-pressed:text-amber-100"
          >
            <span aria-hidden="true">{lastReply.preferred ? '★' : '☆'} </span>Pick
          </button>
        ) : null}
        {!hiddenAs && lastReply?.preferred ? (
          <span title="Picked in a blind test as the best reply to the last message" className="shrink-0 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
            ★ Picked
          </span>
        ) : null}
        {hiddenAs ? null : (
          <button
            type="button"
            aria-label={`Remove ${model}`}
            title="Remove this lane"
            onClick={() => onRemove(model)}
            className="rounded px-2 py-0.5 text-base leading-none text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      {imagesOnly && messages.length > 0 ? <p className="px-4 pb-2 text-sm text-amber-700 dark:text-amber-400">{imagesOnly}</p> : null}
      <Conversation
        label={`${name} replies`}
        messages={messages}
        onEdit={onEdit}
        editNote={EDIT_NOTE}
        onRegenerate={regenerate}
        onShowVersion={showVersion}
        onContinue={goOn}
        onShowMessageVersion={onShowMessageVersion}
        empty={empty}
      />
    </section>
  );
});

/** Each lane's last reply that can be replayed: settled, with a trace. */
function replayableIds(lanes: readonly CompareLane[]): Set<string> {
  const ids = new Set<string>();
  for (const lane of lanes) {
    const last = lane.messages.at(-1);
    if (last?.role === 'assistant' && isSettled(last.status) && last.trace) ids.add(last.id);
  }
  return ids;
}

/**
 * A blind test: the lanes in a shuffled order (`order`), called Model A, B…
 * while `hidden`; shown again, they keep that order and say what each was
 * called, until a lane is added or removed.
 */
interface Blind {
  order: readonly string[];
  hidden: boolean;
  /** Counts the presses: a lane moved in the page would lose its place in its reply, so each opens afresh, at its end. */
  run: number;
}

/** The blind test still holding for these lanes (none once a lane was added or removed). */
function blindFor(blind: Blind | undefined, lanes: readonly CompareLane[]): Blind | undefined {
  if (!blind || blind.order.length !== lanes.length) return undefined;
  return lanes.every((lane) => blind.order.includes(lane.model)) ? blind : undefined;
}

/** The view's own actions: on a phone a size smaller, so the three share one row under Add lane. */
const SECONDARY_ACTION =
  'h-8 whitespace-nowrap rounded-md border border-zinc-300 px-3 hover:bg-zinc-50 disabled:opacity-50 max-sm:px-2 max-sm:text-xs dark:border-zinc-700 dark:hover:bg-zinc-900';

/** Lanes side by side (stacked on a phone), each following its own reply. */
export function CompareView({ lanes, speeds, speedScope, onSpeedScopeChange, modelToAdd, streaming, onAdd, onRemove, onClear, onEdit, onRegenerate, onShowVersion, onContinue, onShowMessageVersion, storageError, onExport, onPrefer }: CompareViewProps) {
  const alreadyIn = modelToAdd !== undefined && lanes.some((lane) => lane.model === modelToAdd);
  const anyMessages = lanes.some((lane) => lane.messages.length > 0);
  const replayable = useMemo(() => replayableIds(lanes), [lanes]);
  // The lanes' last replies replayed together, from one commit: the race again.
  const [together, setTogether] = useState<ReplayTogether>();
  const [picked, setBlind] = useState<Blind>();
  const blind = blindFor(picked, lanes);
  const hidden = blind?.hidden ?? false;
  const shown = blind ? blind.order.map((model) => lanes.find((lane) => lane.model === model)!) : lanes;
  // Once they are revealed, the table's rows go in the lanes' order too.
  const shownSpeeds = blind ? blind.order.flatMap((model) => speeds.filter((speed) => speed.model === model)) : speeds;
  // A pass over each lane's messages (tens of items, microseconds), made only when the tally can show. Not memoised: the screen builds `lanes` afresh each render.
  const picks = hidden ? undefined : blindPicks(lanes);
  const toggleHidden = (): void => {
    const run = (blind?.run ?? 0) + 1;
    setBlind(hidden && blind ? { ...blind, hidden: false, run } : { order: shuffled(lanes.map((lane) => lane.model)), hidden: true, run });
  };
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {/* The view's actions do nothing in a page exported from it (app/page-export.ts). */}
      <div data-export="omit" className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2 text-sm dark:border-zinc-800">
        <button
          type="button"
          disabled={!modelToAdd || alreadyIn || streaming || hidden}
          onClick={() => modelToAdd && onAdd(modelToAdd)}
          className="h-8 rounded-md bg-indigo-600 px-3 font-medium text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Add lane
        </button>
        <span className="text-zinc-500 dark:text-zinc-400">
          {hidden
            ? 'A blind test: the lanes shuffled, their models hidden. Pick the best reply, then press Blind test again to see which was which.'
            : !modelToAdd
            ? 'Pick a model above to add it as a lane.'
            : alreadyIn
              ? `${modelToAdd} already has a lane: pick another model above.`
              : `Adds ${modelToAdd}, the model picked above.`}
        </span>
        {/* Blind test goes on before a send too: a lane's reply would name its model as it streams. */}
        {anyMessages || lanes.length > 1 ? (
          <div className="ml-auto flex flex-wrap gap-2 max-sm:gap-1.5">
            {lanes.length > 1 ? (
              <button
                type="button"
                aria-pressed={hidden}
                onClick={toggleHidden}
                title={
                  hidden
                    ? 'Show which model wrote each lane (the lanes keep this order, each saying what it was called)'
                    : 'A blind test: the lanes in a shuffled order, called Model A, B…, without their names or figures'
                }
                className={`${SECONDARY_ACTION} aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-900 dark:aria-pressed:bg-indigo-950 dark:aria-pressed:text-indigo-100`}
              >
                {/* Shorter on a phone, so the view's actions share one row; the name stays whole. */}
                Blind<span className="max-sm:sr-only"> test</span>
              </button>
            ) : null}
            {replayable.size > 0 ? (
              <button
                type="button"
                onClick={() => setTogether({ ids: replayable, run: (together?.run ?? 0) + 1 })}
                disabled={streaming}
                title="Play every lane’s last reply again, side by side, as they streamed in, without asking the models again"
                className={SECONDARY_ACTION}
              >
                Replay lanes
              </button>
            ) : null}
            {anyMessages && onExport ? (
              <ExportMenu
                choices={EXPORT_FORMATS}
                onPick={onExport}
                disabled={streaming || hidden}
                title={hidden ? 'Show the models first: the file names them' : 'Save every lane’s replies and the speed table as a file, to share the comparison'}
                className={SECONDARY_ACTION}
                opens="below"
              >
                Export<span className="max-sm:sr-only"> comparison</span>
              </ExportMenu>
            ) : null}
            {anyMessages ? (
              <button type="button" onClick={onClear} disabled={streaming} className={SECONDARY_ACTION}>
                Clear lanes
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {/* Said only once the models are shown: while hidden, which lane won is the test's to keep. */}
      {picks && picks.messages > 0 ? (
        <p className="border-b border-zinc-200 px-4 py-1.5 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-300">
          <span aria-hidden="true">★ </span>
          Picked blind: {picks.lanes.map((lane) => `${lane.model} ${lane.picks} of ${picks.messages}`).join(' · ')}
        </p>
      ) : null}
      {storageError ? <p data-export="omit" className="border-b border-zinc-200 px-4 py-1.5 text-xs text-amber-700 dark:border-zinc-800 dark:text-amber-400">{storageError}</p> : null}
      {/* Its names and figures (a price, a speed) would give the models away. */}
      {anyMessages && !hidden ? <CompareSpeed speeds={shownSpeeds} scope={speedScope} onScopeChange={onSpeedScopeChange} /> : null}
      {lanes.length === 0 ? (
        <div className="flex flex-1 flex-col items-center justify-center gap-2 p-6 text-center">
          <h2 className="text-xl font-semibold">Compare models</h2>
          <p className="max-w-md text-sm text-zinc-500 dark:text-zinc-400">
            Add two or more lanes, then send one message: every lane streams its own model’s reply side by side, with its time to first token, tokens per
            second and token counts.
          </p>
        </div>
      ) : (
        <div className="flex min-h-0 flex-1 flex-col divide-y divide-zinc-200 overflow-y-auto md:grid md:auto-cols-fr md:grid-flow-col md:divide-x md:divide-y-0 md:overflow-hidden dark:divide-zinc-800">
          <ReplayTogetherContext value={together}>
            <ModelsHiddenContext value={hidden}>
            {shown.map((lane, position) => (
              <Lane
                key={blind ? `${lane.model}#${blind.run}` : lane.model}
                model={lane.model}
                hiddenAs={hidden ? blindLabel(position) : undefined}
                wasCalled={blind && !hidden ? blindLabel(position) : undefined}
                messages={lane.messages}
                cannotChat={lane.cannotChat ?? false}
                onPick={streaming ? undefined : onPrefer}
                onRemove={onRemove}
                onEdit={onEdit}
                onRegenerate={onRegenerate}
                onShowVersion={onShowVersion}
                onContinue={onContinue}
                onShowMessageVersion={onShowMessageVersion}
              />
            ))}
            </ModelsHiddenContext>
          </ReplayTogetherContext>
        </div>
      )}
    </div>
  );
}
