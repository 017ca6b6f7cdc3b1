// The compare view at /compare, loaded on first visit and kept mounted after,
// so its lanes and their replies survive a trip back to the chat.
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { comparePath } from '../chat/compare-path.ts';
import { comparisonFileName, comparisonToMarkdown } from '../chat/export.ts';
import { laneSpeeds, type SpeedScope } from '../chat/lane-speeds.ts';
import { canChat, takesImages, type ModelInfo } from '../chat/model-catalog.ts';
import { nextPromptTokens } from '../chat/reply-metrics.ts';
import { isSettled, type AssistantMessage, type ImageAttachment } from '../chat/types.ts';
import { CompareView, type ComparisonFormat } from '../components/compare-view.tsx';
import { FocusComposerContext } from '../components/composer-focus.ts';
import { ModelLookupContext } from '../components/model-lookup.ts';
import { DRAFT_NOT_KEPT } from '../components/composer.tsx';
import { speedSummaryMarkdown } from '../components/compare-summary.ts';
import { LANES_ESTIMATE_TITLE, estimateLine, lanesEstimateLine } from '../components/prompt-estimate.ts';
import { conversationSpend, totalSpend } from '../chat/conversation-spend.ts';
import { replyFiguresLine } from '../components/reply-figures.ts';
import { AttachingComposer } from './attaching-composer.tsx';
import { downloadText } from './download.ts';
import { useExport } from './use-export.ts';
import type { GatewayClient } from '../gateway/client.ts';
import { webCompareStore, type CompareStore } from '../storage/compare-store.ts';
import type { DraftStore } from '../storage/draft-store.ts';
import type { ChatSettings } from '../hooks/use-chat-session.ts';
import { useCompareSession } from '../hooks/use-compare-session.ts';
import { useEscapeToStop } from '../hooks/use-escape-to-stop.ts';

// Picked here rather than in main.tsx: it reads saved replies through the
// import's checks (chat/export.ts), which the entry script need not carry;
// this screen loads on first use.
const browserCompareStore = webCompareStore();

/** Why images cannot go to every lane: the gateway says a lane's model takes none (where it does not say, they go). */
export function lanesRefusingImages(models: ReadonlyArray<ModelInfo | undefined>): string | undefined {
  const refusing = models.flatMap((model) => (model && takesImages(model) === false ? [model.id] : []));
  if (refusing.length === 0) return undefined;
  const names = refusing.length === 1 ? `${refusing[0]} takes` : `${refusing.slice(0, -1).join(', ')} and ${refusing.at(-1)} take`;
  return `${names} no images (so the gateway says): remove ${refusing.length === 1 ? 'that lane' : 'those lanes'}, or the images.`;
}

/** The compare view's unsent message is kept like a conversation's. */
const COMPARE_DRAFT = 'compare';

interface CompareScreenProps {
  client: GatewayClient;
  settings: Omit<ChatSettings, 'model'>;
  initialLanes: readonly string[];
  /** Whether the compare view is the one shown. */
  active: boolean;
  /** The model picked in the header: what Add lane adds. */
  modelToAdd: string | undefined;
  /** Why nothing can be sent (models not loaded, gateway down). */
  blockedReason: string | undefined;
  onLanesChange(lanes: readonly string[]): void;
  /** Whether images are attached to the compare view's message. */
  onImagesAttached?: ((attached: boolean) => void) | undefined;
  draftStore: DraftStore;
  /** Where the lanes' histories are kept across reloads: localStorage unless given. */
  compareStore?: CompareStore;
}

export default function CompareScreen({ client, settings, initialLanes, active, modelToAdd, blockedReason, onLanesChange, onImagesAttached, draftStore, compareStore = browserCompareStore }: CompareScreenProps) {
  const lookupModel = useContext(ModelLookupContext);
  // A model the gateway has not described is tried: its own error says what went wrong.
  const chatsWith = useCallback((model: string) => {
    const info = lookupModel(model);
    return info === undefined || canChat(info);
  }, [lookupModel]);
  const compare = useCompareSession(client, { ...settings, chatsWith }, initialLanes, compareStore);
  // Read once: this screen re-renders every frame while the lanes stream.
  const [initialDraft] = useState(() => draftStore.load(COMPARE_DRAFT));
  const keepDraftImages = useCallback((images: readonly ImageAttachment[]) => draftStore.saveImages(COMPARE_DRAFT, images), [draftStore]);
  // Whether the browser refused to keep the text being typed.
  const [draftRefused, setDraftRefused] = useState(false);
  const { lanes, chats } = compare.state;
  const { streaming, stop } = compare;

  useEffect(() => onLanesChange(lanes), [lanes, onLanesChange]);
  // The URL names the lanes, so a link reproduces the set-up.
  useEffect(() => {
    if (!active) return;
    const target = comparePath(lanes);
    if (location.pathname + location.search !== target) history.replaceState(null, '', target);
  }, [active, lanes]);
  useEscapeToStop(active && streaming, stop);

  // Each lane's next prompt, from its own history: worked out when the box
  // renders and no lane streams (the box shows no estimate meanwhile).
  const { systemPrompt } = settings;
  const estimateNextPrompts = useCallback(
    (draft: string) => {
      const prompts = lanes.map((model) => ({ model, history: chats[model]?.messages ?? [] }));
      if (prompts.every(({ history }) => history.length === 0) && !draft.trim()) return undefined;
      const spent = totalSpend(prompts.map(({ history }) => conversationSpend(history, (model) => lookupModel(model)?.pricing)));
      const lanePrompts = prompts.map(({ model, history }) => ({ tokens: nextPromptTokens(history, systemPrompt, draft), info: lookupModel(model) }));
      return estimateLine((form) => lanesEstimateLine(lanePrompts, spent, form));
    },
    [lanes, chats, systemPrompt, lookupModel],
  );

  const compared = lanes.map((model) => ({ model, messages: chats[model]?.messages ?? [], cannotChat: !chatsWith(model) }));
  // The speed table's figures: of each lane's last reply, or (once a lane has two) of all its replies.
  const [pickedScope, setSpeedScope] = useState<SpeedScope>('last');
  const severalReplies = compared.some(({ messages }) => messages.filter((m) => m.role === 'assistant' && isSettled(m.status)).length >= 2);
  const speedScope = severalReplies ? pickedScope : 'last';
  const speeds = laneSpeeds(compare.state, lookupModel, speedScope);
  const figures = (reply: AssistantMessage) => replyFiguresLine(reply, lookupModel(reply.model));
  const messageBox = useRef<HTMLTextAreaElement>(null);
  const focusMessageBox = useCallback(() => messageBox.current?.focus(), []);
  // The view as it reads (the speed table, the lanes side by side), for a page of its own.
  const view = useRef<HTMLDivElement>(null);
  // Why the last export made no file, said under the box.
  const [exportProblem, runExport] = useExport();
  const exportComparison = async (format: ComparisonFormat): Promise<void> => {
    if (format === 'markdown') {
      downloadText(comparisonFileName(compared), comparisonToMarkdown(compared, speedSummaryMarkdown(compared, speeds, speedScope), figures), 'text/markdown');
      return;
    }
    const content = view.current?.firstElementChild;
    if (!content) return;
    const { exportByline, pageCss, standalonePage } = await import('./page-export.ts');
    const asked = compared.flatMap((lane) => lane.messages).find((message) => message.role === 'user')?.content.trim();
    const title = asked ? `Compared: ${asked.length > 80 ? `${asked.slice(0, 79)}…` : asked}` : 'Compared';
    const byline = exportByline(`${compared.length} models: ${compared.map((lane) => lane.model).join(', ')}`);
    downloadText(comparisonFileName(compared, 'html'), standalonePage({ title, byline, content, css: await pageCss(document), wide: true }), 'text/html');
  };

  return (
    <main className={`${active ? 'flex' : 'hidden'} min-h-0 flex-1 flex-col`}>
      <FocusComposerContext value={focusMessageBox}>
        {/* Lays nothing out (contents): it holds the view for an export. */}
        <div ref={view} className="contents">
        <CompareView
          lanes={compared}
          speeds={speeds}
          speedScope={speedScope}
          onSpeedScopeChange={severalReplies ? setSpeedScope : undefined}
          modelToAdd={modelToAdd}
          streaming={streaming}
          onAdd={compare.addLane}
          onRemove={compare.removeLane}
          onClear={compare.clear}
          onEdit={streaming || blockedReason ? undefined : compare.edit}
          onRegenerate={blockedReason ? undefined : compare.regenerate}
          onShowVersion={compare.showVersion}
          onShowMessageVersion={streaming ? undefined : compare.showMessageVersion}
          onContinue={blockedReason ? undefined : compare.continueReply}
          storageError={compare.storageError}
          onExport={(format) => runExport(() => exportComparison(format))}
          onPrefer={compare.prefer}
        />
        </div>
      </FocusComposerContext>
      <AttachingComposer
        boxRef={messageBox}
        imagesRefused={lanesRefusingImages(lanes.filter(chatsWith).map(lookupModel))}
        streaming={streaming}
        blockedReason={blockedReason ?? (lanes.length === 0 ? 'Add a lane to compare' : lanes.some(chatsWith) ? undefined : 'No lane’s model can chat: add one that can')}
        onSend={compare.send}
        onStop={stop}
        initialText={initialDraft}
        onTextChange={(text) => setDraftRefused(!draftStore.save(COMPARE_DRAFT, text))}
        loadImages={() => draftStore.loadImages(COMPARE_DRAFT)}
        onImagesChange={keepDraftImages}
        onImagesAttached={onImagesAttached}
        notice={exportProblem ?? (draftRefused ? DRAFT_NOT_KEPT : undefined)}
        estimate={estimateNextPrompts}
        estimateTitle={LANES_ESTIMATE_TITLE}
      />
    </main>
  );
}
