import type { ConversationSummary } from '../chat/conversations.ts';

export interface ConversationGroup {
  /** "Today", "Yesterday", "Previous 7 days", "Previous 30 days", then a month ("October", "October 2025"). */
  label: string;
  conversations: ConversationSummary[];
}

/** Midnight of the day `days` before the one `at` falls on, in the reader's time zone (a day a clock change made 23 or 25 hours long is still one day). */
function dayStart(at: number, days = 0): number {
  const day = new Date(at);
  day.setHours(0, 0, 0, 0);
  if (days) day.setDate(day.getDate() - days);
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

/**
 * Names the group of a conversation last written to at `at`, seen on the day
 * of `now`: the days' edges are found once, so a history of a thousand
 * conversations is grouped without a date built for each.
 */
function labeler(now: number): (at: number) => string {
  const today = dayStart(now);
  const yesterday = dayStart(now, 1);
  const week = dayStart(now, 7);
  const month = dayStart(now, 30);
  const year = new Date(now).getFullYear();
  const months = new Map<number, string>();
  return (at) => {
    if (at >= today) return 'Today';
    if (at >= yesterday) return 'Yesterday';
    if (at >= week) return 'Previous 7 days';
    if (at >= month) return 'Previous 30 days';
    const date = new Date(at);
    const key = date.getFullYear() * 12 + date.getMonth();
    let label = months.get(key);
    if (label === undefined) {
      label = (date.getFullYear() === year ? monthOnly : monthAndYear).format(at);
      months.set(key, label);
    }
    return label;
  };
}

/** Which group a conversation last written to at `at` falls in, seen on the day of `now`. */
export function groupLabel(at: number, now: number): string {
  return labeler(now)(at);
}

/**
 * The conversations under headings by when they were last written to, as the
 * big chat apps group their histories: a long list reads by when, not only
 * by order. Groups and the conversations in each keep the order given.
 */
export function groupConversations(conversations: readonly ConversationSummary[], now: number): ConversationGroup[] {
  const groups = new Map<string, ConversationSummary[]>();
  const labelOf = labeler(now);
  for (const conversation of conversations) {
    const label = labelOf(conversation.updatedAt);
    const group = groups.get(label);
    if (group) group.push(conversation);
    else groups.set(label, [conversation]);
  }
  return [...groups].map(([label, members]) => ({ label, conversations: members }));
}
