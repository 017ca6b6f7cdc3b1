// A conversation as a file: Markdown to read or share, JSON to import back.
// Import reads only this app's JSON and says in words what is wrong with
// anything else.
import type { Conversation } from './conversations.ts';
import type { ModelPricing } from './model-catalog.ts';
import { replyParts } from './reply-parts.ts';
import { parseTrace } from './reply-trace.ts';
import { imagesFromJson, isSettled, messageVersions, replyVersions, withoutBranches, withoutVersions, type AssistantMessage, type Cost, type Message, type ReplyStatus, type ReplyTrace, type TextLengths, type ToolCall, type Usage, type UserMessage } from './types.ts';

const FORMAT = 'gateway-chat';
const VERSION = 1;

export interface ExportFile {
  format: typeof FORMAT;
  version: number;
  conversations: Conversation[];
}

const STATUS_NOTE: Partial<Record<ReplyStatus, string>> = {
  stopped: '_(stopped)_',
  interrupted: '_(interrupted)_',
  failed: '_(failed)_',
};

type Figures = (reply: AssistantMessage) => string | undefined;

/** One level deeper: `##` → `###`, at most `######`. */
const deeper = (level: string): string => (level.length < 6 ? `${level}#` : level);

/** A version not shown, folded away: GitHub and most Markdown viewers show `<details>` as a disclosure. */
const folded = (summary: string, body: string): string => `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * The text with a code block it leaves open closed: a reply stopped or cut
 * off inside one would otherwise take the rest of the file (the next turns'
 * headings, the images) into it. Only a fence that opens a line (up to three
 * spaces in): one in a list item or a quote ends with it.
 */
export function closeOpenFence(text: string): string {
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const [, marker, rest = ''] = FENCE_LINE.exec(line) ?? [];
    if (marker === undefined) continue;
    if (open === undefined) {
      // A backtick fence's info string has no backtick: "``` `x` ```" is a code span.
      if (!(marker[0] === '`' && rest.includes('`'))) open = marker;
    } else if (marker[0] === open[0] && marker.length >= open.length && rest.trim() === '') open = undefined;
  }
  return open === undefined ? text : `${text}${text.endsWith('\n') ? '' : '\n'}${open}`;
}

/** Text as an inline code span: fenced by more backticks than it holds in a row, padded where it starts or ends with one. */
function codeSpan(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A reply's text, its tool calls, error, status note, which version it is, tokens and `figures`, without its heading. */
function replyBody(reply: AssistantMessage, figures: Figures | undefined, version?: string): string[] {
  const lines: string[] = [];
  for (const part of replyParts(reply.content, reply.toolCalls)) {
    // A later completion's text starts after the blank line the lines are joined with.
    if (part.kind === 'text') lines.push(closeOpenFence(part.from === 0 ? part.text : part.text.replace(/^\n+/, '')));
    else lines.push(`_Tool call:_ ${codeSpan(`${part.call.name}(${part.call.arguments})`)}`);
  }
  if (reply.error) lines.push(`> Error: ${reply.error}`);
  const note = STATUS_NOTE[reply.status];
  if (note) lines.push(note);
  if (version) lines.push(version);
  const before = reply.continuedFrom?.usage;
  if (before) lines.push(`_Before Continue: ${before.promptTokens} prompt, ${before.completionTokens} completion, ${before.totalTokens} total tokens. After it:_`);
  if (reply.usage) lines.push(`_Tokens: ${reply.usage.promptTokens} prompt, ${reply.usage.completionTokens} completion, ${reply.usage.totalTokens} total._`);
  const measured = figures?.(reply);
  if (measured) lines.push(`_${measured}._`);
  return lines;
}

/**
 * The images sent in a conversation, in the file itself (as data URLs), so it
 * reads whole without the app: each message names its images by reference
 * (`![photo.png][sent-image-1]`) and the data comes once, at the file's end
 * (`[sent-image-1]: data:…`). An image sent again (with an edit, to every
 * lane of a comparison) is kept once, and the turns read as text, without a
 * wall of base64 between them.
 */
class ImageReferences {
  private readonly labels = new Map<string, string>();

  /** The message's images, each as a reference to its data. */
  sent(message: UserMessage): string[] {
    return (message.images ?? []).map((image) => {
      let label = this.labels.get(image.dataUrl);
      if (label === undefined) {
        label = `sent-image-${this.labels.size + 1}`;
        this.labels.set(image.dataUrl, label);
      }
      return `![${image.name.replace(/[[\]\\]/g, '')}][${label}]`;
    });
  }

  /** The definitions the references point at, for the file's end (none without images). */
  definitions(): string[] {
    return this.labels.size === 0 ? [] : [[...this.labels].map(([dataUrl, label]) => `[${label}]: ${dataUrl}`).join('\n')];
  }
}

/**
 * Each turn as Markdown under a heading of `level`: a reply as the markdown it
 * was, then its tokens and `figures`. The versions not shown (a regenerated
 * reply's, an edited message's with what followed it then) follow the one
 * shown, each folded in a `<details>`.
 */
function turnsToMarkdown(messages: readonly Message[], level: string, images: ImageReferences, figures?: Figures): string[] {
  return messages.map((message, index) => {
    if (message.role === 'user') {
      const versions = messageVersions(messages, index);
      const body = [...images.sent(message), closeOpenFence(message.content)].filter(Boolean);
      if (versions.length < 2) return [`${level} You`, ...body].join('\n\n');
      const shown = versions.findIndex((version) => version[0]?.id === message.id);
      const others = versions.flatMap((version, i) =>
        i === shown ? [] : [folded(`Version ${i + 1} of ${versions.length}: ${inline(version[0]?.content ?? '')}`, turnsToMarkdown(version, deeper(level), images, figures).join('\n\n'))],
      );
      return [`${level} You`, ...body, `_Version ${shown + 1} of ${versions.length}._`, ...others].join('\n\n');
    }
    const versions = replyVersions(message);
    const shown = versions.findIndex((version) => version.id === message.id);
    const lines = [`${level} Assistant (${message.model})${message.preferred ? ' · picked in a blind test' : ''}`, ...replyBody(message, figures, versions.length > 1 ? `_Version ${shown + 1} of ${versions.length}._` : undefined)];
    versions.forEach((version, i) => {
      if (i !== shown) lines.push(folded(`Version ${i + 1} of ${versions.length} (${version.model})`, replyBody(version, figures).join('\n\n')));
    });
    return lines.join('\n\n');
  });
}

/** A message's first line, for a summary: at most 80 characters, no markup that would open an element. */
function inline(text: string): string {
  const line = text.trim().split('\n')[0]!.replace(/\s+/g, ' ').replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/**
 * The conversation as Markdown: a heading per turn, replies as the markdown
 * they were. `figures` words a reply's measured figures (speed, cost) for a
 * line under its tokens; the page passes one that knows the model catalog.
 */
export function conversationToMarkdown(conversation: Conversation, figures?: Figures): string {
  const images = new ImageReferences();
  const turns = turnsToMarkdown(conversation.messages, '##', images, figures);
  return `${[`# ${conversation.title}`, ...turns, ...images.definitions()].join('\n\n')}\n`;
}

export interface ComparedLane {
  model: string;
  messages: readonly Message[];
}

/**
 * The compare view as Markdown, to share a race: `summary` (the page's table
 * of the last message's figures) first, then each lane's turns under its model.
 */
export function comparisonToMarkdown(lanes: readonly ComparedLane[], summary: string | undefined, figures?: Figures): string {
  const parts = [`# Comparison: ${lanes.map((lane) => lane.model).join(', ')}`];
  if (summary) parts.push(summary);
  const images = new ImageReferences();
  for (const lane of lanes) parts.push(`## ${lane.model}`, ...turnsToMarkdown(lane.messages, '###', images, figures));
  return `${[...parts, ...images.definitions()].join('\n\n')}\n`;
}

export function conversationsToJson(conversations: readonly Conversation[]): string {
  const file: ExportFile = { format: FORMAT, version: VERSION, conversations: [...conversations] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export class ImportError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A length or a count: a whole number, not below zero. */
const count = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const number = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const STATUSES: readonly ReplyStatus[] = ['waiting', 'streaming', 'done', 'stopped', 'interrupted', 'failed'];

/** Token counts as this app writes them; anything else is none. */
function usageFrom(value: unknown): Usage | undefined {
  if (!isRecord(value)) return undefined;
  const { promptTokens, completionTokens, totalTokens } = value;
  return typeof promptTokens === 'number' && typeof completionTokens === 'number' && typeof totalTokens === 'number' ? { promptTokens, completionTokens, totalTokens } : undefined;
}

function toolCallsFrom(value: unknown): ToolCall[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((call, i): ToolCall[] =>
    isRecord(call) && typeof call['name'] === 'string' && typeof call['arguments'] === 'string'
      ? [
          {
            index: number(call['index'], i),
            id: typeof call['id'] === 'string' ? call['id'] : undefined,
            name: call['name'],
            arguments: call['arguments'],
            at: typeof call['at'] === 'number' && Number.isInteger(call['at']) && call['at'] >= 0 ? call['at'] : undefined,
          },
        ]
      : [],
  );
}

const isPrice = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** Prices kept with a reply: a currency and two per-token prices, or nothing. */
function pricingFrom(value: unknown): ModelPricing | undefined {
  if (!isRecord(value) || typeof value['currency'] !== 'string') return undefined;
  const { inputPerToken, outputPerToken } = value;
  return isPrice(inputPerToken) && isPrice(outputPerToken) ? { currency: value['currency'], inputPerToken, outputPerToken } : undefined;
}

/** A cost as this app writes it: an amount that could be a price, in a three-letter currency. */
function costFrom(value: unknown): Cost | undefined {
  if (!isRecord(value) || typeof value['currency'] !== 'string' || !/^[A-Z]{3}$/.test(value['currency'])) return undefined;
  return isPrice(value['amount']) ? { amount: value['amount'], currency: value['currency'] } : undefined;
}

/** Whether a trace's text fits in `lengths`: one that would replay more text than there is is left out. */
const fits = (trace: ReplyTrace, lengths: TextLengths): boolean => trace.content.at(-1)! <= lengths.content && trace.reasoning.at(-1)! <= lengths.reasoning;

/** Where a message is, to say where a part of it is: "Conversation 1, message 2," → "Conversation 1, message 2". */
const inside = (where: string): string => where.replace(/,$/, '');

/** A message of yours, with when it was sent and the branches edits left (each read as messages of their own). */
function userFrom(value: Record<string, unknown>, id: string, content: string, where: string): UserMessage {
  const user: UserMessage = { id, role: 'user', content };
  const sentAt = value['sentAt'];
  if (typeof sentAt === 'number' && Number.isFinite(sentAt)) user.sentAt = sentAt;
  const branches = Array.isArray(value['branches'])
    ? value['branches'].flatMap((branch: unknown, i): Message[][] => {
        if (!Array.isArray(branch)) return [];
        const [first, ...rest] = branch.map((m, j) => messageFrom(m, `${inside(where)}, version ${i + 1}, message ${j + 1},`));
        return first?.role === 'user' ? [[withoutBranches(first), ...rest]] : [];
      })
    : [];
  if (branches.length > 0) user.branches = branches;
  const images = imagesFromJson(value['images']);
  if (images.length > 0) user.images = images;
  return user;
}

function messageFrom(value: unknown, where: string): Message {
  if (!isRecord(value) || typeof value['content'] !== 'string' || typeof value['id'] !== 'string') {
    throw new ImportError(`${where} has no id or text.`);
  }
  if (value['role'] === 'user') return userFrom(value, value['id'], value['content'], where);
  if (value['role'] !== 'assistant') throw new ImportError(`${where} is neither yours nor the assistant’s.`);
  const status = STATUSES.includes(value['status'] as ReplyStatus) ? (value['status'] as ReplyStatus) : 'done';
  const timing = isRecord(value['timing']) ? value['timing'] : {};
  const usage = usageFrom(value['usage']);
  const reply: AssistantMessage = {
    id: value['id'],
    role: 'assistant',
    model: text(value['model'], 'unknown model'),
    content: value['content'],
    reasoning: text(value['reasoning']),
    toolCalls: toolCallsFrom(value['toolCalls']),
    // A reply exported while it streamed was cut there.
    status: isSettled(status) ? status : 'interrupted',
    usage,
    finishReason: typeof value['finishReason'] === 'string' ? value['finishReason'] : undefined,
    error: typeof value['error'] === 'string' ? value['error'] : undefined,
    timing: {
      startedAt: number(timing['startedAt'], 0),
      firstTokenAt: typeof timing['firstTokenAt'] === 'number' ? timing['firstTokenAt'] : undefined,
      endedAt: typeof timing['endedAt'] === 'number' ? timing['endedAt'] : undefined,
    },
  };
  // The pieces a reply streamed: its tokens a second when it reported no usage.
  if (count(timing['pieces'])) reply.timing.pieces = timing['pieces'];
  const pricing = pricingFrom(value['pricing']);
  if (pricing) reply.pricing = pricing;
  const continuedFrom = isRecord(value['continuedFrom']) ? value['continuedFrom'] : undefined;
  if (continuedFrom && count(continuedFrom['content']) && count(continuedFrom['reasoning'])) {
    reply.continuedFrom = { content: continuedFrom['content'], reasoning: continuedFrom['reasoning'] };
    const before = usageFrom(continuedFrom['usage']);
    if (before) reply.continuedFrom.usage = before;
    const cost = costFrom(continuedFrom['cost']);
    if (cost) reply.continuedFrom.cost = cost;
    // How the text before arrived: only where it fits that text.
    const arrived = parseTrace(continuedFrom['trace']);
    if (arrived && fits(arrived, reply.continuedFrom)) reply.continuedFrom.trace = arrived;
  }
  const systemTokens = value['systemTokens'];
  if (typeof systemTokens === 'number' && Number.isFinite(systemTokens) && systemTokens >= 0) reply.systemTokens = systemTokens;
  // Earlier versions (Regenerate), each read as a reply of its own, without versions of its own.
  const earlier = Array.isArray(value['earlier'])
    ? value['earlier'].flatMap((version: unknown, i) => {
        const read = messageFrom(version, `${inside(where)}, version ${i + 1}`);
        return read.role === 'assistant' ? [withoutVersions(read)] : [];
      })
    : [];
  if (earlier.length > 0) reply.earlier = earlier;
  if (value['preferred'] === true) reply.preferred = true;
  // A trace that does not fit the text it would replay is left out.
  const trace = parseTrace(value['trace']);
  if (trace && fits(trace, { content: reply.content.length, reasoning: reply.reasoning.length })) reply.trace = trace;
  return reply;
}

/** Messages read back from JSON (this app's own, kept in storage): undefined when anything in them is not a message. */
export function messagesFromJson(value: unknown): Message[] | undefined {
  if (!Array.isArray(value)) return undefined;
  try {
    return value.map((m, i) => messageFrom(m, `Message ${i + 1}`));
  } catch {
    return undefined;
  }
}

/** Reads a file written by conversationsToJson; throws ImportError saying what is wrong. */
export function conversationsFromJson(json: string): Conversation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ImportError('The file is not JSON. Import takes a JSON file exported from Gateway Chat.');
  }
  if (!isRecord(parsed) || parsed['format'] !== FORMAT || !Array.isArray(parsed['conversations'])) {
    throw new ImportError('The file is not a Gateway Chat export (Export → JSON writes one).');
  }
  if (number(parsed['version'], 0) > VERSION) throw new ImportError('The file comes from a newer Gateway Chat: update this one to import it.');
  return parsed['conversations'].map((value, i) => {
    const where = `Conversation ${i + 1}`;
    // The id is part of the conversation's URL.
    if (!isRecord(value) || typeof value['id'] !== 'string' || !/^[\w-]{1,100}$/.test(value['id']) || !Array.isArray(value['messages'])) {
      throw new ImportError(`${where} has no id or messages.`);
    }
    const messages = value['messages'].map((m, j) => messageFrom(m, `${where}, message ${j + 1},`));
    const createdAt = number(value['createdAt'], 0);
    return {
      id: value['id'],
      title: text(value['title'], 'Imported conversation'),
      createdAt,
      updatedAt: number(value['updatedAt'], createdAt),
      messages,
    };
  });
}

/** Letters, digits and dashes from a title, or undefined when none are left. */
function slug(title: string): string | undefined {
  const value = title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return value || undefined;
}

/** A file name from the title: letters, digits and dashes. */
export function exportFileName(conversation: Conversation, extension: 'md' | 'json' | 'html'): string {
  return `${slug(conversation.title) ?? 'conversation'}.${extension}`;
}

/** "compare-<first message>.md": a comparison is named after what was asked. */
export function comparisonFileName(lanes: readonly ComparedLane[], extension: 'md' | 'html' = 'md'): string {
  const first = lanes.flatMap((lane) => lane.messages).find((message) => message.role === 'user');
  const named = first ? slug(first.content) : undefined;
  return `compare${named ? `-${named}` : ''}.${extension}`;
}
