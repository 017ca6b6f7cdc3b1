// Domain types of a conversation. Everything above gateway/ speaks these.
import type { TokenUsage } from '../gateway/client.ts';
import type { ModelPricing } from './model-catalog.ts';

export type Usage = TokenUsage;

export type ReplyStatus = 'waiting' | 'streaming' | 'done' | 'stopped' | 'interrupted' | 'failed';

export interface ToolCall {
  index: number;
  id: string | undefined;
  name: string;
  arguments: string;
  /**
   * How long the reply's text was when the call came: where it is shown in
   * it (an MCP stream's calls come between its completions' texts). Calls
   * kept before this was have none, and show after the text.
   */
  at?: number | undefined;
}

export interface LiveSample {
  at: number;
  length: number;
  /** The tokens in that length as estimated when the sample was taken; samples kept before this was have none (4 characters a token then). */
  tokens?: number | undefined;
}

/** Epoch milliseconds, taken from the monotonic clock when the event was read off the wire. */
export interface ReplyTiming {
  startedAt: number;
  firstTokenAt: number | undefined;
  /**
   * While it streams: the reply's length (reasoning and content) as of a
   * token's arrival, taken again at most every LIVE_SAMPLE_MS. The live rate
   * is read from it, so the figure changes twice a second, not every frame.
   */
  liveSample?: LiveSample | undefined;
  /**
   * Pieces of the reply streamed so far: chunks' text, reasoning and tool-call
   * parts. Most providers stream a token a chunk, so this counts its tokens
   * until the gateway reports them (see streamedTokens).
   */
  pieces?: number | undefined;
  endedAt: number | undefined;
}

/**
 * How a reply's text arrived, to play it again: per sample, milliseconds
 * after it was asked for (startedAt) and the lengths of its content and
 * reasoning by then. Samples are at least a frame apart and only grow.
 */
export interface ReplyTrace {
  at: number[];
  content: number[];
  reasoning: number[];
  /** When the stream ended (done, cut, stopped or failed), in the same milliseconds. */
  end: number;
}

/** How long a reply's answer and reasoning are, in characters. */
export interface TextLengths {
  content: number;
  reasoning: number;
}

/** A cost in a currency. */
export interface Cost {
  amount: number;
  currency: string;
}

/**
 * Where a continued reply was continued from, and what its parts before
 * Continue reported together: their usage and its cost at their prices, each
 * only when every part had it.
 */
export interface ContinuedFrom extends TextLengths {
  usage?: Usage | undefined;
  cost?: Cost | undefined;
  /**
   * How the text before the continuation arrived, from the reply's first
   * request (the parts' traces chained): Replay plays the whole reply. None
   * when a part before had no trace.
   */
  trace?: ReplyTrace | undefined;
}

/** The text a reply's figures count: all of it, or what came after it was continued. */
export function countedLengths(reply: Pick<AssistantMessage, 'content' | 'reasoning' | 'continuedFrom'>): TextLengths {
  const from = reply.continuedFrom;
  return from ? { content: reply.content.length - from.content, reasoning: reply.reasoning.length - from.reasoning } : { content: reply.content.length, reasoning: reply.reasoning.length };
}

/**
 * Whether a settled reply ended before its end and can be asked to go on: it
 * has text, and was stopped, cut off, broke off with an error, or hit the max
 * tokens limit.
 */
export function canContinue(reply: AssistantMessage): boolean {
  if (reply.content.trim() === '') return false;
  return reply.status === 'stopped' || reply.status === 'interrupted' || reply.status === 'failed' || (reply.status === 'done' && reply.finishReason === 'length');
}

/** The image formats that can be attached: what vision models take across providers (OpenAI, Anthropic, Google). */
export const IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/** An image sent with a message, as the data URL the gateway takes in an `image_url` part. */
export interface ImageAttachment {
  /** The file's name, as its alt text and in exports. */
  name: string;
  /** Its media type (image/png, image/jpeg, image/webp, image/gif). */
  type: string;
  dataUrl: string;
}

/** Images as this app writes them (a message's, a draft's): what does not read as one is left out. */
export function imagesFromJson(value: unknown): ImageAttachment[] {
  return Array.isArray(value) ? value.flatMap(imageFrom) : [];
}

/** An image sent with a message: a name, and a data URL of an image type; anything else is left out. */
function imageFrom(value: unknown): ImageAttachment[] {
  if (typeof value !== 'object' || value === null) return [];
  const { name, type, dataUrl } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof type !== 'string' || typeof dataUrl !== 'string') return [];
  return type.startsWith('image/') && dataUrl.startsWith(`data:${type};base64,`) ? [{ name, type, dataUrl }] : [];
}

export interface UserMessage {
  id: string;
  role: 'user';
  content: string;
  /** Images sent with the text, for a model that takes them. */
  images?: ImageAttachment[] | undefined;
  /** When it was sent (epoch ms): its versions (Edit) are in this order. Messages saved before this was kept have none. */
  sentAt?: number | undefined;
  /**
   * The conversations that went on from this message before it was edited
   * (Edit): each starts with the message as it was (without branches of its
   * own) and holds what followed it then. Nothing edited away is lost.
   */
  branches?: Message[][] | undefined;
}

export interface AssistantMessage {
  id: string;
  role: 'assistant';
  /** The `provider/model` id the request named. */
  model: string;
  content: string;
  reasoning: string;
  toolCalls: ToolCall[];
  status: ReplyStatus;
  usage: Usage | undefined;
  finishReason: string | undefined;
  error: string | undefined;
  timing: ReplyTiming;
  /** Recorded once the stream has settled, when any text came. */
  trace?: ReplyTrace | undefined;
  /**
   * The gateway's prices for the model when the reply was asked for: its
   * cost stays what it was when prices change. Replies saved before this
   * was kept, and models the gateway did not price, have none.
   */
  pricing?: ModelPricing | undefined;
  /**
   * About how many tokens the system prompt sent with its request took, as the
   * Next prompt line estimates them (0 for none): when the system prompt has
   * changed since, the line adds the difference to the gateway's count.
   * Replies saved before this was kept have none.
   */
  systemTokens?: number | undefined;
  /**
   * Set when the reply was continued (Continue): how long its text and its
   * reasoning were when the continuation was asked for. Its usage, timing and
   * trace are then the continuation's, and count from there; what the parts
   * before reported is kept here.
   */
  continuedFrom?: ContinuedFrom | undefined;
  /**
   * The replies asked for in this one's place before (Regenerate), oldest
   * first, each without versions of its own: nothing regenerated is lost.
   */
  earlier?: AssistantMessage[] | undefined;
  /** Picked in a compare view's blind test as the best reply to its message (one lane's at most). */
  preferred?: true | undefined;
}

/** The reply alone, without the versions it holds. */
export function withoutVersions(reply: AssistantMessage): AssistantMessage {
  if (reply.earlier === undefined) return reply;
  const alone = { ...reply };
  delete alone.earlier;
  return alone;
}

/** A reply's versions, this one among them (each alone), in the order they were asked for. */
export function replyVersions(reply: AssistantMessage): AssistantMessage[] {
  if (!reply.earlier?.length) return [reply];
  return [...reply.earlier, withoutVersions(reply)].toSorted((a, b) => a.timing.startedAt - b.timing.startedAt);
}

export type Message = UserMessage | AssistantMessage;

/** The message alone, without the branches it holds. */
export function withoutBranches(message: UserMessage): UserMessage {
  if (message.branches === undefined) return message;
  const alone = { ...message };
  delete alone.branches;
  return alone;
}

const sentAt = (message: Message | undefined): number => (message?.role === 'user' ? (message.sentAt ?? 0) : 0);

/**
 * The versions of the conversation from the user message at `index` on, this
 * one among them, in the order they were sent: each starts with the message
 * (without branches) and holds what followed it.
 */
export function messageVersions(messages: readonly Message[], index: number): Message[][] {
  const message = messages[index];
  if (message?.role !== 'user') return [];
  const current = [withoutBranches(message), ...messages.slice(index + 1)];
  if (!message.branches?.length) return [current];
  return [...message.branches, current].toSorted((a, b) => sentAt(a[0]) - sentAt(b[0]));
}

/**
 * What takes the place of the message with `messageId` when it is edited:
 * `edited`, keeping that message and what followed it as a branch.
 */
export function editedInPlace(messages: readonly Message[], messageId: string, edited: UserMessage): UserMessage {
  const at = messages.findIndex((m) => m.id === messageId);
  const old = messages[at];
  if (old?.role !== 'user') return edited;
  // An edit changes the text: the images sent with it go again.
  const images = edited.images ?? old.images;
  return { ...edited, ...(images ? { images } : {}), branches: [...(old.branches ?? []), [withoutBranches(old), ...messages.slice(at + 1)]] };
}

/** The ids of a user message's versions (Edit), this one's among them, in the order they were sent. */
export function messageVersionIds(message: UserMessage): string[] {
  if (!message.branches?.length) return [message.id];
  return [...message.branches.map((branch) => branch[0]), message]
    .toSorted((a, b) => sentAt(a) - sentAt(b))
    .flatMap((first) => (first ? [first.id] : []));
}

export function isSettled(status: ReplyStatus): boolean {
  return status !== 'waiting' && status !== 'streaming';
}
