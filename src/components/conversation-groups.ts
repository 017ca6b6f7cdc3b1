import type { ConversationSummary } from '../chat/conversations.ts';

export interface ConversationGroup {
  /** "Today", "Yesterday", "Previous 7 days", "Previous 30 days", then a month ("October", "October 2025"). */
  label: string;
  conversations: ConversationSummary[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight of the day `at` falls on, in the reader's time zone. */
function dayStart(at: number): number {
  const day = new Date(at);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

const monthOnly = new Intl.DateTimeFormat('en-US', { month: 'long' });
const monthAndYear = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' });

/** How long from `now` until the reader's next day begins, when "Today" becomes "Yesterday". */
export function untilNextDay(now: number): number {
  const next = new Date(now);
  next.setHours(24, 0, 0, 0);
  return next.getTime() - now;
}

/** Which group a conversation last written to at `at` falls in, seen on the day of `now`. */
export function groupLabel(at: number, now: number): string {
  // Rounded: a day that a clock change made 23 or 25 hours long is still one day.
  const daysAgo = Math.round((dayStart(now) - dayStart(at)) / DAY_MS);
  if (daysAgo <= 0) return 'Today';
  if (daysAgo === 1) return 'Yesterday';
  if (daysAgo <= 7) return 'Previous 7 days';
  if (daysAgo <= 30) return 'Previous 30 days';
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return (sameYear ? monthOnly : monthAndYear).format(at);
}

/**
 * The conversations under headings by when they were last written to, as the
 * big chat apps group their histories: a long list reads by when, not only
 * by order. Groups and the conversations in each keep the order given.
 */
export function groupConversations(conversations: readonly ConversationSummary[], now: number): ConversationGroup[] {
  const groups = new Map<string, ConversationSummary[]>();
  for (const conversation of conversations) {
    const label = groupLabel(conversation.updatedAt, now);
    const group = groups.get(label);
    if (group) group.push(conversation);
    else groups.set(label, [conversation]);
  }
  return [...groups].map(([label, members]) => ({ label, conversations: members }));
}
