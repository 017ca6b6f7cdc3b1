import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../chat/conversations.ts';
import { groupConversations, groupLabel, untilNextDay } from './conversation-groups.ts';

// Local times (the constructor takes them in the reader's zone), so the days are the reader's days.
const now = new Date(2026, 11, 7, 9, 30).getTime();
const at = (month: number, day: number, hour = 12, year = 2026): number => new Date(year, month, day, hour).getTime();

/** Midnight of the day `t` falls on, as a date. */
const midnight = (t: number): Date => {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
};

/** The days from one time's day to another's, counted one by one on the calendar: what edges found once must agree with. */
function calendarDays(from: number, to: number): number {
  let days = 0;
  for (const d = midnight(from); d < midnight(to); d.setDate(d.getDate() + 1)) days++;
  return days;
}

describe('groupLabel', () => {
  it('names the last days, then the month, with its year when it is not this one', () => {
    expect(groupLabel(at(11, 7, 0), now)).toBe('Today');
    expect(groupLabel(now + 60_000, now)).toBe('Today');
    expect(groupLabel(at(11, 6, 23), now)).toBe('Yesterday');
    expect(groupLabel(at(11, 6, 0), now)).toBe('Yesterday');
    expect(groupLabel(at(11, 5, 23), now)).toBe('Previous 7 days');
    expect(groupLabel(at(10, 30, 1), now)).toBe('Previous 7 days');
    expect(groupLabel(at(10, 29, 23), now)).toBe('Previous 30 days');
    expect(groupLabel(at(10, 7), now)).toBe('Previous 30 days');
    expect(groupLabel(at(10, 6), now)).toBe('November');
    expect(groupLabel(at(0, 1, 0), now)).toBe('January');
    expect(groupLabel(at(11, 31, 23, 2025), now)).toBe('December 2025');
  });

  describe('across a clock change', () => {
    let zone: string | undefined;
    beforeEach(() => {
      zone = process.env['TZ'];
      process.env['TZ'] = 'Europe/Berlin';
    });
    afterEach(() => {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    });

    it('waits until the next midnight, 23 hours after the one before on the day the clocks go forward', () => {
      expect(untilNextDay(new Date(2026, 2, 29, 0, 0).getTime())).toBe(23 * 3_600_000);
      expect(untilNextDay(new Date(2026, 2, 30, 23, 59).getTime())).toBe(60_000);
    });

    it('counts a 23-hour day as one day', () => {
      // Berlin's clocks went forward on 29 March 2026: the days around it are 23 hours apart at midnight.
      expect(new Date(2026, 2, 30).getTimezoneOffset()).not.toBe(new Date(2026, 2, 28).getTimezoneOffset());
      expect(groupLabel(new Date(2026, 2, 29, 10).getTime(), new Date(2026, 2, 30, 0, 30).getTime())).toBe('Yesterday');
      expect(groupLabel(new Date(2026, 2, 28, 23).getTime(), new Date(2026, 2, 30, 0, 30).getTime())).toBe('Previous 7 days');
    });

    it('puts each hour of two months around both clock changes in the group its count of days says', () => {
      for (const today of [new Date(2026, 3, 20, 8).getTime(), new Date(2026, 10, 20, 23, 59).getTime()]) {
        for (let written = today - 60 * 86_400_000; written <= today; written += 3_600_000) {
          const days = calendarDays(written, today);
          const expected = days === 0 ? 'Today' : days === 1 ? 'Yesterday' : days <= 7 ? 'Previous 7 days' : days <= 30 ? 'Previous 30 days' : undefined;
          if (expected) expect(groupLabel(written, today), new Date(written).toString()).toBe(expected);
          else expect(groupLabel(written, today)).toMatch(/^[A-Z][a-z]+$/);
        }
      }
    });
  });
});

const summary = (id: string, updatedAt: number): ConversationSummary => ({ id, title: id, updatedAt, streaming: false });

describe('groupConversations', () => {
  it('keeps the order given, under the group of each', () => {
    const list = [summary('a', at(11, 7, 9)), summary('b', at(11, 7, 1)), summary('c', at(11, 6)), summary('d', at(11, 2)), summary('e', at(9, 3)), summary('f', at(9, 1))];
    expect(groupConversations(list, now).map(({ label, conversations }) => [label, conversations.map((c) => c.id)])).toEqual([
      ['Today', ['a', 'b']],
      ['Yesterday', ['c']],
      ['Previous 7 days', ['d']],
      ['October', ['e', 'f']],
    ]);
  });

  it('gives no group for no conversations', () => {
    expect(groupConversations([], now)).toEqual([]);
  });
});
