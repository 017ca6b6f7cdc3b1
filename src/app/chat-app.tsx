import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Preference } from '../chat/model-catalog.ts';
import { DRAFT_NOT_KEPT } from '../components/composer.tsx';
import { Conversation, type ConversationProps } from '../components/conversation.tsx';
import { ConversationList } from '../components/conversation-list.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ExportImport, type ExportFormat } from '../components/export-import.tsx';
import { GatewayNotice } from '../components/gateway-notice.tsx';
import { FocusComposerContext } from '../components/composer-focus.ts';
import { ModelLookupContext } from '../components/model-lookup.ts';
import { ModelPicker, type ModelListState } from '../components/model-picker.tsx';
import type { FetchLike, GatewayClient } from '../gateway/client.ts';
import { useChatSession, useOpenMessages, type ChatSession } from '../hooks/use-chat-session.ts';
import { conversationIdFromPath, conversationPath, useConversationRoute } from '../hooks/use-conversation-route.ts';
import { useModelSelection } from '../hooks/use-model-selection.ts';
import { useEscapeToStop } from '../hooks/use-escape-to-stop.ts';
import { useShortcuts } from '../hooks/use-shortcuts.ts';
import { useSettings } from '../hooks/use-settings.ts';
import { comparePath, lanesFromSearch } from '../chat/compare-path.ts';
import { lastReplyModel, openMessages, type Conversation as SavedConversation } from '../chat/conversations.ts';
import { nextPromptTokens } from '../chat/reply-metrics.ts';
import { conversationSpend } from '../chat/conversation-spend.ts';
import { CHAT_ESTIMATE_TITLE, estimateLine, promptEstimateLine } from '../components/prompt-estimate.ts';
import { replyFiguresLine } from '../components/reply-figures.ts';
import type { AssistantMessage, ImageAttachment } from '../chat/types.ts';
import { appConfigQuery, modelsQuery } from '../queries/queries.ts';
import type { ConversationStore } from '../storage/conversation-store.ts';
import { AttachingComposer, imagesRefusedBy } from './attaching-composer.tsx';
import { downloadText } from './download.ts';
import { useExport } from './use-export.ts';
import type { DraftStore } from '../storage/draft-store.ts';
import type { SettingsStore } from '../storage/settings-store.ts';

const COMPARE_PATH = '/compare';
/** Tailwind's md: from here the conversations are a column beside the chat, not a panel over it. */
const WIDE_SCREEN = '(min-width: 48rem)';
// Keyboard shortcuts, as the best chat apps have them; ⌘ for Ctrl on a Mac.
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = MAC ? '⌘' : 'Ctrl+';
const SHORTCUTS = {
  newChat: { aria: 'Control+Shift+O Meta+Shift+O', label: `${MOD}Shift+O` },
  focusMessage: { aria: 'Shift+Escape', label: 'Shift+Esc' },
  searchConversations: { aria: 'Control+K Meta+K', label: `${MOD}K` },
  toggleList: { aria: 'Control+Shift+S Meta+Shift+S', label: `${MOD}Shift+S` },
  help: { aria: 'Control+/ Meta+/', label: `${MOD}/` },
};
const SHORTCUT_HELP = [
  { keys: 'Enter', does: 'Send the message' },
  { keys: 'Shift+Enter', does: 'Start a new line' },
  { keys: 'Esc', does: 'Stop the reply, or a replay' },
  { keys: SHORTCUTS.focusMessage.label, does: 'Go to the message box' },
  { keys: SHORTCUTS.newChat.label, does: 'Start a new chat' },
  { keys: SHORTCUTS.searchConversations.label, does: 'Search conversations' },
  { keys: SHORTCUTS.toggleList.label, does: 'Show or hide the conversations' },
  { keys: SHORTCUTS.help.label, does: 'Show these shortcuts' },
];
// Loaded when first used: they are not on the path to the first message.
const CompareScreen = lazy(() => import('./compare-screen.tsx'));
// The dialog with the storage report (app/: it reads the browser's storage through a hook).
const SettingsDialog = lazy(() => import('./settings-panel.tsx').then((m) => ({ default: m.SettingsPanel })));
const ShortcutsDialog = lazy(() => import('../components/shortcuts-dialog.tsx').then((m) => ({ default: m.ShortcutsDialog })));

interface ChatAppProps {
  client: GatewayClient;
  fetch: FetchLike;
  /** Where conversations are saved; without one they last as long as the page. */
  store?: ConversationStore | undefined;
  /** Where the Settings dialog's values are kept. */
  settingsStore: SettingsStore;
  /** Where unsent messages are kept, per conversation. */
  draftStore: DraftStore;
}

export function ChatApp({ client, fetch, store, settingsStore, draftStore }: ChatAppProps) {
  const config = useQuery(appConfigQuery(fetch));
  const models = useQuery(modelsQuery(client));
  // Prices and context windows for the usage panels, by model id.
  const lookupModel = useMemo(() => {
    const byId = new Map((models.data ?? []).flatMap((group) => group.models.map((model) => [model.id, model] as const)));
    return (id: string) => byId.get(id);
  }, [models.data]);
  const preference = useMemo<Preference | undefined>(
    () => (config.isPending ? undefined : { provider: config.data?.provider, model: config.data?.model }),
    [config.isPending, config.data],
  );
  const selection = useModelSelection(models.data, preference);
  const settings = useSettings(settingsStore);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [initialOpenId] = useState(() => conversationIdFromPath(location.pathname));
  // Each reply keeps the prices its model had when it was asked for.
  const pricingOf = useCallback((id: string) => lookupModel(id)?.pricing, [lookupModel]);
  const requestSettings = {
    systemPrompt: settings.text.systemPrompt,
    temperature: settings.temperature.value,
    maxTokens: settings.maxTokens.value,
    pricingOf,
  };
  const session = useChatSession(client, { model: selection.model, ...requestSettings }, { store, initialOpenId });
  // The chat, or the compare view at /compare (its lanes in the URL).
  const [view, setView] = useState<'chat' | 'compare'>(() => (location.pathname === COMPARE_PATH ? 'compare' : 'chat'));
  const [initialLanes] = useState(() => lanesFromSearch(location.pathname === COMPARE_PATH ? location.search : ''));
  // The compare view's lanes, for the Compare link; its screen owns them.
  const [lanes, setLanes] = useState<readonly string[]>(initialLanes);
  const comparing = view === 'compare';
  // Mounted from the first visit on, hidden while the chat shows.
  const [compareMounted, setCompareMounted] = useState(comparing);
  if (comparing && !compareMounted) setCompareMounted(true);
  const { streaming } = session;
  const { stop, open, newChat } = session;
  const keepDraftImages = useCallback((images: readonly ImageAttachment[]) => draftStore.saveImages(session.openId, images), [draftStore, session.openId]);
  // Whether images are attached to the chat's message and the compare view's: the model picker then says which models take none.
  const [chatImagesAttached, setChatImagesAttached] = useState(false);
  const [compareImagesAttached, setCompareImagesAttached] = useState(false);
  // Whether the browser refused to keep the text being typed (storage blocked or full).
  const [draftRefused, setDraftRefused] = useState(false);
  // Read when the box's text changes and when a reply starts or ends (the box re-renders then), not per streamed frame.
  const { conversationsStore } = session;
  const systemPrompt = settings.text.systemPrompt;
  const pickedModel = selection.model;
  const estimateNextPrompt = useCallback(
    (draft: string) => {
      const history = openMessages(conversationsStore.getState());
      if (history.length === 0 && !draft.trim()) return undefined;
      const spent = conversationSpend(history, (model) => lookupModel(model)?.pricing);
      const tokens = nextPromptTokens(history, systemPrompt, draft);
      const info = pickedModel === undefined ? undefined : lookupModel(pickedModel);
      return estimateLine((form) => promptEstimateLine(tokens, info, spent, form));
    },
    [conversationsStore, systemPrompt, pickedModel, lookupModel],
  );
  // On a phone the conversations are a panel over the chat, opened from the
  // header; on a wider screen a column beside it, which the header hides and
  // shows again (kept with the settings).
  const [listOpen, setListOpen] = useState(false);
  const listHidden = settings.text.conversationList === 'hidden';
  const changeSettings = settings.change;
  const showList = useCallback(
    (shown: boolean) => {
      if (window.matchMedia(WIDE_SCREEN).matches) changeSettings({ conversationList: shown ? 'shown' : 'hidden' });
      else setListOpen(shown);
    },
    [changeSettings],
  );
  const openConversation = useCallback(
    (id: string) => {
      open(id);
      setListOpen(false);
    },
    [open],
  );
  const startChat = useCallback(() => {
    newChat();
    setListOpen(false);
    setView('chat');
  }, [newChat]);
  // Back and Forward: to the compare view, or to a conversation (or a new one at /).
  const navigate = useCallback(
    (pathname: string) => {
      if (pathname === COMPARE_PATH) return setView('compare');
      setView('chat');
      const id = conversationIdFromPath(pathname);
      if (id) open(id);
      else newChat();
    },
    [open, newChat],
  );
  // A saved conversation goes on with the model its last reply came from (when
  // the gateway still lists it); a new chat keeps the model picked now.
  // Once it is read: with the history, or on its own before it (openUnread turns false then).
  const { conversation: savedConversation, openId, loaded, openUnread } = session;
  const { selectModel } = selection;
  useEffect(() => {
    if (!loaded && openUnread) return;
    const model = lastReplyModel(savedConversation(openId));
    if (model) selectModel(model);
  }, [savedConversation, openId, loaded, openUnread, selectModel]);
  const openSummary = session.conversations.find((c) => c.id === session.openId);
  const saved = openSummary !== undefined;
  // The tab, and the history entry, are named after the open conversation.
  const openTitle = comparing ? 'Compare' : openSummary?.title;
  useEffect(() => {
    document.title = openTitle ? `${openTitle} · Gateway Chat` : 'Gateway Chat';
  }, [openTitle]);
  useConversationRoute(session.openId, saved, session.loaded && !comparing, navigate);

  const switchView = (event: MouseEvent<HTMLAnchorElement>, next: 'chat' | 'compare'): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.pushState(null, '', event.currentTarget.href);
    setView(next);
  };

  // The conversation last deleted, while Undo is offered.
  const [deleted, setDeleted] = useState<SavedConversation | undefined>();
  const { deleteConversation, restoreConversation } = session;
  const onDelete = useCallback(
    (id: string) => {
      void deleteConversation(id).then(setDeleted);
      draftStore.save(id, '');
      draftStore.saveImages(id, []);
    },
    [deleteConversation, draftStore],
  );
  const onUndoDelete = useCallback(() => {
    if (!deleted) return;
    restoreConversation(deleted);
    setDeleted(undefined);
  }, [deleted, restoreConversation]);
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(undefined), 10_000);
    return () => clearTimeout(timer);
  }, [deleted]);

  const [importError, setImportError] = useState<string | undefined>();
  // Why the last export made no file, said under the box.
  const [exportProblem, runExport] = useExport();
  const exportOpen = async (format: ExportFormat): Promise<void> => {
    const conversation = session.conversation(session.openId);
    if (!conversation) return;
    const { conversationToMarkdown, conversationsToJson, exportFileName } = await import('../chat/export.ts');
    if (format === 'markdown') {
      const figures = (reply: AssistantMessage) => replyFiguresLine(reply, lookupModel(reply.model));
      downloadText(exportFileName(conversation, 'md'), conversationToMarkdown(conversation, figures), 'text/markdown');
    } else if (format === 'html') {
      // The conversation as it reads on screen: its log's content.
      const content = document.querySelector('[role="log"]')?.firstElementChild;
      if (!content) return;
      const { exportByline, pageCss, standalonePage } = await import('./page-export.ts');
      downloadText(exportFileName(conversation, 'html'), standalonePage({ title: conversation.title, byline: exportByline(), content, css: await pageCss(document) }), 'text/html');
    } else downloadText(exportFileName(conversation, 'json'), conversationsToJson([conversation]), 'application/json');
  };
  // What an import is doing: its conversations being written, then written (said for a while).
  const [importing, setImporting] = useState<{ count: number; done: boolean } | undefined>();
  const importFile = async (file: File): Promise<void> => {
    const { conversationsFromJson, ImportError } = await import('../chat/export.ts');
    let conversations: SavedConversation[];
    try {
      conversations = conversationsFromJson(await file.text());
      if (conversations.length === 0) throw new ImportError('The file holds no conversation.');
    } catch (error) {
      setImportError(error instanceof ImportError ? error.message : `The file could not be read (${error instanceof Error ? error.message : 'unknown error'}).`);
      return;
    }
    setImportError(undefined);
    setImporting({ count: conversations.length, done: false });
    const stored = await session.importConversations(conversations);
    if (!stored) {
      setImporting(undefined);
      setImportError('They are open here, but not saved: this browser refused storage. A reload would lose them.');
      return;
    }
    // On a phone the list is a panel over the conversation: it stays, with
    // what was imported in it and the words that they are kept (the first
    // one imported is open behind it).
    setImporting({ count: conversations.length, done: true });
  };
  useEffect(() => {
    if (!importing) return;
    if (importing.done) {
      const timer = setTimeout(() => setImporting(undefined), 10_000);
      return () => clearTimeout(timer);
    }
    // Leaving before the write lands would lose the whole import (one transaction): the browser asks first.
    const ask = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [importing]);
  const importStatus = importing && `${importing.done ? 'Imported' : 'Importing'} ${importing.count.toLocaleString('en-US')} ${importing.count === 1 ? 'conversation' : 'conversations'}${importing.done ? '.' : '…'}`;

  // The chat's Esc; the compare view has its own.
  useEscapeToStop(streaming && !comparing, stop);
  const messageBox = useRef<HTMLTextAreaElement>(null);
  const focusMessageBox = useCallback(() => messageBox.current?.focus(), []);
  const searchBox = useRef<HTMLInputElement>(null);
  useShortcuts([
    { key: 'o', mod: true, shift: true, run: startChat },
    { key: 'Escape', shift: true, run: () => messageBox.current?.focus() },
    { key: '/', mod: true, run: () => setShortcutsOpen(true) },
    {
      key: 'k',
      mod: true,
      run: () => {
        if (comparing) return;
        // The list may be a closed panel (a phone) or hidden: show it first, so its box can take the focus.
        flushSync(() => showList(true));
        searchBox.current?.focus();
      },
    },
    {
      key: 's',
      mod: true,
      shift: true,
      run: () => {
        if (comparing) return;
        const show = window.matchMedia(WIDE_SCREEN).matches ? listHidden : !listOpen;
        // Hidden with the focus in it, the focus would fall to the page's start: it goes to the message box.
        if (!show && document.activeElement?.closest('#conversation-list')) messageBox.current?.focus();
        showList(show);
      },
    },
  ]);

  const list: ModelListState = models.isPending
    ? { status: 'loading' }
    : models.isError
      ? { status: 'error', message: models.error.message }
      : { status: 'ready', groups: models.data };

  const blockedReason = session.openUnread
    ? 'Loading this conversation…'
    : models.isPending
      ? 'Loading models…'
      : models.isError
        ? 'The gateway is not reachable'
        : selection.model || comparing
          ? undefined
          : 'Pick a model to start';

  return (
    <ModelLookupContext value={lookupModel}>
      <div className="flex h-dvh flex-col bg-white text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        <header className="border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {/* On a phone the title gives its row to the buttons, and on a small laptop (1024–1279 px)
                its room, so the header is one row there; screen readers still have it. */}
            <h1 className="sr-only text-base font-semibold sm:not-sr-only lg:sr-only xl:not-sr-only">Gateway Chat</h1>
            <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
              <ModelPicker
              list={list}
              provider={selection.provider}
              model={selection.model}
              disabled={streaming && !comparing}
              imagesAttached={comparing ? compareImagesAttached : chatImagesAttached}
              onProviderChange={selection.selectProvider}
              onModelChange={selection.selectModel}
              />
            </div>
            <div className="ml-auto flex items-center gap-2">
              {comparing ? (
                <a
                  href={saved ? conversationPath(session.openId) : '/'}
                  onClick={(event) => switchView(event, 'chat')}
                  className="flex h-9 items-center rounded-md border border-zinc-300 px-3 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
                >
                  Chat
                </a>
              ) : (
                <>
                  {/* One Chats button for each layout: a phone's opens the panel over the chat, a wider screen's hides or shows the column. */}
                  <button
                    type="button"
                    aria-expanded={listOpen}
                    aria-controls="conversation-list"
                    onClick={() => setListOpen((shown) => !shown)}
                    className="h-9 rounded-md border border-zinc-300 px-3 text-sm hover:bg-zinc-50 md:hidden dark:border-zinc-700 dark:hover:bg-zinc-900"
                  >
                    Chats
                  </button>
                  <button
                    type="button"
                    aria-expanded={!listHidden}
                    aria-controls="conversation-list"
                    aria-keyshortcuts={SHORTCUTS.toggleList.aria}
                    title={`${listHidden ? 'Show' : 'Hide'} the conversations (${SHORTCUTS.toggleList.label})`}
                    onClick={() => changeSettings({ conversationList: listHidden ? 'shown' : 'hidden' })}
                    className="hidden h-9 rounded-md border border-zinc-300 px-3 text-sm hover:bg-zinc-50 md:block dark:border-zinc-700 dark:hover:bg-zinc-900"
                  >
                    Chats
                  </button>
                  <a
                    href={comparePath(lanes)}
                    onClick={(event) => switchView(event, 'compare')}
                    className="flex h-9 items-center rounded-md border border-zinc-300 px-3 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
                  >
                    Compare
                  </a>
                </>
              )}
              {/* Keyboards come with wider screens: on a phone the button would only take room. */}
              <button
                type="button"
                aria-label="Keyboard shortcuts"
                aria-haspopup="dialog"
                aria-keyshortcuts={SHORTCUTS.help.aria}
                title={`Keyboard shortcuts (${SHORTCUTS.help.label})`}
                onClick={() => setShortcutsOpen(true)}
                className="hidden h-9 rounded-md border border-zinc-300 px-2.5 text-sm hover:bg-zinc-50 md:block dark:border-zinc-700 dark:hover:bg-zinc-900"
              >
                <span aria-hidden="true">⌨</span>
              </button>
              <button
                type="button"
                aria-label="Settings"
                aria-haspopup="dialog"
                title="Settings"
                onClick={() => setSettingsOpen(true)}
                className="h-9 rounded-md border border-zinc-300 px-2.5 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
              >
                <span aria-hidden="true">⚙</span>
                <span className="hidden xl:inline"> Settings</span>
              </button>
              <button
                type="button"
                aria-label="New chat"
                aria-keyshortcuts={SHORTCUTS.newChat.aria}
                title={`New chat (${SHORTCUTS.newChat.label})`}
                onClick={startChat}
                className="h-9 rounded-md border border-zinc-300 px-3 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
              >
                {/* "New" alone on a phone, so the header's buttons share the title's row. */}
                New<span className="hidden sm:inline"> chat</span>
              </button>
            </div>
          </div>
        </header>
        <GatewayNotice
          demo={config.data?.demo ?? false}
          modelsError={models.isError ? models.error.message : undefined}
          noModels={models.isSuccess && models.data.length === 0}
          gatewayUrl={config.data?.gatewayUrl}
          onRetry={() => void models.refetch()}
        />
        {compareMounted ? (
          <Suspense fallback={<p className="p-6 text-sm text-zinc-500 dark:text-zinc-400">Loading the compare view…</p>}>
            <CompareScreen
              client={client}
              settings={requestSettings}
              initialLanes={initialLanes}
              active={comparing}
              modelToAdd={selection.model}
              blockedReason={models.isPending ? 'Loading models…' : models.isError ? 'The gateway is not reachable' : undefined}
              onLanesChange={setLanes}
              onImagesAttached={setCompareImagesAttached}
              draftStore={draftStore}
            />
          </Suspense>
        ) : null}
        {comparing ? null : (
          <div className="relative flex min-h-0 flex-1">
            <aside
              id="conversation-list"
              className={`${listOpen ? 'flex' : 'hidden'} ${listHidden ? 'md:hidden' : 'md:flex'} absolute inset-0 z-20 flex-col bg-white p-3 md:static md:w-64 md:shrink-0 md:border-r md:border-zinc-200 dark:bg-zinc-950 md:dark:border-zinc-800`}
            >
              <ConversationList
                conversations={session.conversations}
                search={session.searchConversations}
                openId={session.openId}
                loaded={session.loaded}
                listed={session.listed}
                storageError={session.storageError}
                hrefFor={conversationPath}
                onOpen={openConversation}
                onDelete={onDelete}
                onRename={session.renameConversation}
                deletedTitle={deleted?.title}
                onUndoDelete={onUndoDelete}
                searchRef={searchBox}
                searchShortcut={SHORTCUTS.searchConversations.aria}
              />
              <ExportImport canExport={saved} onExport={(format) => runExport(() => exportOpen(format))} onImport={(file) => void importFile(file)} importError={importError} importStatus={importStatus} />
            </aside>
            <div className="flex min-w-0 flex-1 flex-col">
              <main className="flex min-h-0 flex-1 flex-col">
                {/* Each conversation gets its own scroll state: it opens at its end. */}
                <FocusComposerContext value={focusMessageBox}>
                  <OpenConversation
                    key={session.openId}
                    session={session}
                    empty={<EmptyState model={selection.model} systemPrompt={settings.text.systemPrompt} onPick={session.send} />}
                    onEdit={streaming || blockedReason ? undefined : session.edit}
                    onRegenerate={streaming || blockedReason ? undefined : session.regenerate}
                    onShowVersion={streaming ? undefined : session.showVersion}
                    onShowMessageVersion={streaming ? undefined : session.showMessageVersion}
                    onContinue={streaming || blockedReason ? undefined : session.continueReply}
                    keepReplyStart={settings.text.replyScroll === 'start'}
                  />
                </FocusComposerContext>
                {/* Each conversation keeps its own unsent text, across reloads too (its
                    key differs from the log's: siblings with one key confuse React). */}
                <AttachingComposer
                  key={`draft-${session.openId}`}
                  imagesRefused={imagesRefusedBy(pickedModel === undefined ? undefined : lookupModel(pickedModel))}
                  streaming={streaming}
                  streamingElsewhere={session.streamingElsewhere}
                  blockedReason={blockedReason}
                  onSend={session.send}
                  onStop={session.stop}
                  initialText={draftStore.load(session.openId)}
                  onTextChange={(text) => setDraftRefused(!draftStore.save(session.openId, text))}
                  loadImages={() => draftStore.loadImages(session.openId)}
                  onImagesChange={keepDraftImages}
                  onImagesAttached={setChatImagesAttached}
                  notice={exportProblem ?? (draftRefused ? DRAFT_NOT_KEPT : undefined)}
                  boxRef={messageBox}
                  keyShortcut={SHORTCUTS.focusMessage.aria}
                  estimate={estimateNextPrompt}
                  estimateTitle={CHAT_ESTIMATE_TITLE}
                />
              </main>
            </div>
          </div>
        )}
        {settingsOpen ? (
          <Suspense fallback={null}>
            <SettingsDialog
              open
              settings={settings.text}
              temperatureError={settings.temperature.error}
              maxTokensError={settings.maxTokens.error}
              onChange={settings.change}
              onClose={() => setSettingsOpen(false)}
            />
          </Suspense>
        ) : null}
        {shortcutsOpen ? (
          <Suspense fallback={null}>
            <ShortcutsDialog open shortcuts={SHORTCUT_HELP} onClose={() => setShortcutsOpen(false)} />
          </Suspense>
        ) : null}
      </div>
    </ModelLookupContext>
  );
}

/**
 * The open conversation's log: the one part of the page that subscribes to its
 * messages, so a streamed frame re-renders it and not the header, the model
 * picker or the list.
 */
function OpenConversation({ session, ...props }: Omit<ConversationProps, 'messages'> & { session: ChatSession }) {
  return <Conversation messages={useOpenMessages(session)} {...props} />;
}
