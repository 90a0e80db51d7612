import { describe, expect, it } from 'vitest';
import { dateOnly, dayOffset, formatAgo, formatDateTime, formatDay, formatOnDay, isoDayLabel, timeOfDay, weekdayDay } from '../../src/ui/dates.ts';

// Local times, so the tests hold in any time zone the machine is set to.
const at = (y: number, mo: number, d: number, h = 12, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();
const NOW = at(2026, 12, 7, 10, 0);
const GB = { now: NOW, locale: 'en-GB' };
const US = { now: NOW, locale: 'en-US' };

describe('the one date formatter', () => {
  it('counts calendar days, not 24-hour spans', () => {
    expect(dayOffset(at(2026, 12, 7, 0, 1), NOW)).toBe(0);
    expect(dayOffset(at(2026, 12, 6, 23, 59), NOW)).toBe(-1);
    expect(dayOffset(at(2026, 12, 8, 0, 0), NOW)).toBe(1);
    expect(dayOffset(at(2026, 11, 7), NOW)).toBe(-30);
  });

  it('says today, yesterday and tomorrow; otherwise a date in the locale, with the year only when it differs', () => {
    expect(formatDay(at(2026, 12, 7, 0, 5), GB)).toBe('today');
    expect(formatDay(at(2026, 12, 6, 23, 0), GB)).toBe('yesterday');
    expect(formatDay(at(2026, 12, 8, 9, 0), GB)).toBe('tomorrow');
    expect(formatDay(at(2026, 12, 4), GB)).toBe('4 Dec');
    expect(formatDay(at(2026, 12, 4), US)).toBe('Dec 4');
    expect(formatDay(at(2025, 12, 4), GB)).toBe('4 Dec 2025');
    expect(dateOnly(at(2026, 12, 7), GB)).toBe('7 Dec');
  });

  it('adds the time of day in the locale’s own form', () => {
    expect(timeOfDay(at(2026, 12, 7, 14, 30), GB)).toBe('14:30');
    expect(timeOfDay(at(2026, 12, 7, 14, 30), US)).toMatch(/^2:30\sPM$/);
    expect(formatDateTime(at(2026, 12, 7, 9, 5), GB)).toBe('today at 09:05');
    expect(formatDateTime(at(2026, 12, 6, 21, 0), GB)).toBe('yesterday at 21:00');
    expect(formatDateTime(at(2026, 10, 1, 8, 0), GB)).toBe('1 Oct at 08:00');
  });

  it('says how long ago for the last hour and the same day, then the day', () => {
    expect(formatAgo(NOW - 10_000, GB)).toBe('just now');
    expect(formatAgo(NOW + 60_000, GB)).toBe('just now');
    expect(formatAgo(NOW - 120_000, GB)).toBe('2 minutes ago');
    expect(formatAgo(NOW - 60_000, GB)).toBe('1 minute ago');
    expect(formatAgo(at(2026, 12, 7, 7, 0), GB)).toBe('3 hours ago');
    expect(formatAgo(at(2026, 12, 6, 22, 0), GB)).toBe('yesterday');
    expect(formatAgo(at(2026, 12, 1), GB)).toBe('on 1 Dec');
  });
});

describe('the one date formatter in a sentence', () => {
  it('puts "on" before a date, never before today or yesterday', () => {
    expect(formatOnDay(at(2026, 12, 7, 8, 0), GB)).toBe('today');
    expect(formatOnDay(at(2026, 12, 6, 8, 0), GB)).toBe('yesterday');
    expect(formatOnDay(at(2026, 12, 9, 8, 0), GB)).toBe('on 9 Dec');
    expect(weekdayDay(at(2026, 12, 9), GB)).toBe('Wed 9');
  });

  it('writes a release date in full, in the locale, whatever the time zone', () => {
    expect(isoDayLabel('2026-12-07', { locale: 'en-GB' })).toBe('7 December 2026');
    expect(isoDayLabel('2026-12-07T23:59:00Z', { locale: 'en-US' })).toBe('December 7, 2026');
    expect(isoDayLabel('not a date')).toBeNull();
    expect(isoDayLabel(undefined)).toBeNull();
  });
});
