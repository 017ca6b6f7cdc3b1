// Page object: the chat page by the accessible names in UI-CONTRACT.md.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E } from './ports.ts';

export interface DemoStream {
  id: string;
  model: string;
  outcome: 'streaming' | 'completed' | 'client-closed' | 'cut' | 'errored';
  messages: Array<{ role: string; content: string; images?: Array<{ type: string; bytes: number }> }>;
  temperature?: unknown;
  max_tokens?: unknown;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

export class ChatPage {
  readonly provider: Locator;
  readonly model: Locator;
  readonly message: Locator;
  readonly send: Locator;
  readonly stop: Locator;
  readonly newChat: Locator;
  readonly conversation: Locator;
  /** The saved conversations. */
  readonly conversations: Locator;
  readonly searchConversations: Locator;

  constructor(readonly page: Page) {
    this.provider = page.getByRole('combobox', { name: 'Provider' });
    this.model = page.getByRole('combobox', { name: 'Model' });
    this.message = page.getByRole('textbox', { name: 'Message' });
    this.send = page.getByRole('button', { name: 'Send' });
    this.stop = page.getByRole('button', { name: 'Stop' });
    this.newChat = page.getByRole('button', { name: 'New chat' });
    this.conversation = page.getByRole('log', { name: 'Conversation' });
    this.conversations = page.getByRole('navigation', { name: 'Conversations' });
    this.searchConversations = page.getByRole('searchbox', { name: 'Search conversations' });
  }

  /** The open conversation's id, from the URL (/c/<id>) once it is saved. */
  async openConversationId(): Promise<string> {
    await expect(this.page).toHaveURL(/\/c\/[\w-]+$/);
    return new URL(this.page.url()).pathname.slice('/c/'.length);
  }

  /** The text of the last reply the page has saved for a conversation, read from IndexedDB. */
  savedReplyText(conversationId: string): Promise<string> {
    return this.page.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('gateway-chat');
        request.addEventListener('success', () => resolve(request.result));
        request.addEventListener('error', () => reject(request.error));
      });
      try {
        const record = await new Promise<{ messages: Array<{ role: string; content: string }> } | undefined>((resolve, reject) => {
          const request = db.transaction('conversations').objectStore('conversations').get(id);
          request.addEventListener('success', () => resolve(request.result as never));
          request.addEventListener('error', () => reject(request.error));
        });
        return record?.messages.findLast((m) => m.role === 'assistant')?.content ?? '';
      } finally {
        db.close();
      }
    }, conversationId);
  }

  /** A saved conversation's link, by its title. */
  savedConversation(title: string): Locator {
    return this.conversations.getByRole('link', { name: title, exact: true });
  }

  async open(url = '/'): Promise<void> {
    await this.page.goto(url);
    await expect(this.model).toBeEnabled();
  }

  async ask(text: string, model?: string): Promise<Locator> {
    if (model) await this.model.selectOption(model);
    await this.message.fill(text);
    await this.message.press('Enter');
    return this.lastReply();
  }

  lastReply(): Locator {
    return this.conversation.getByRole('article', { name: 'Assistant' }).last();
  }

  async waitForSettled(reply: Locator): Promise<void> {
    await expect(reply).toHaveAttribute('aria-busy', 'false', { timeout: 45_000 });
  }

  usage(reply: Locator): Locator {
    return reply.getByRole('region', { name: 'Usage' });
  }

  /**
   * Saves a file from an export menu (`button`, e.g. Export or Export
   * comparison, then the format's `item`) and opens it, when it is a web
   * page, in a page of its own in the same browser context.
   */
  async exportFile(button: string, item: string): Promise<{ name: string; path: string; text(): Promise<string>; open(): Promise<Page> }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await this.page.getByRole('button', { name: item }).click();
    const file = await download;
    // Under its own name (a browser reads a file:// page by its extension), in the test's output.
    const path = test.info().outputPath(file.suggestedFilename());
    await file.saveAs(path);
    return {
      name: file.suggestedFilename(),
      path,
      text: () => readFile(path, 'utf8'),
      open: async () => {
        const page = await this.page.context().newPage();
        await page.goto(pathToFileURL(path).href);
        return page;
      },
    };
  }

  /** What a screen reader is told about a reply still open (a stall): the status right after its article. */
  replyStatus(reply: Locator): Locator {
    return reply.locator('xpath=following-sibling::*[1][@role="status"]');
  }

  /** What the standalone demo gateway saw, newest last. */
  async demoStreams(): Promise<DemoStream[]> {
    const response = await this.page.request.get(`${E2E.demoGatewayUrl}/demo/streams`);
    return (await response.json()) as DemoStream[];
  }

  async lastDemoStream(): Promise<DemoStream> {
    const streams = await this.demoStreams();
    const last = streams.at(-1);
    if (!last) throw new Error('the demo gateway served no stream');
    return last;
  }
}
