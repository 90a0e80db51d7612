/**
 * The one place dates and times become words, for every screen. Recent days are said the way
 * people say them ("today", "yesterday", "tomorrow"; "5 minutes ago" within the hour); anything
 * further is a date in the user's own locale (Intl, the browser's language unless `locale` is
 * given), with the year only when it is not this year. The words are English like the rest of
 * the app; the order and shape of dates and times follow the locale. Pure: `now` is a parameter.
 */
export interface DateOptions {
  /** Date.now() at the moment of drawing. */
  now: number;
  /** BCP 47 locale(s); the browser's own when left out. */
  locale?: string | string[];
}

const DAY_MS = 86_400_000;
const words = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string | string[] | undefined, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? null, opts]);
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}

const startOfDay = (t: number): number => {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

/** Calendar days from `now` to `t` in local time: 0 today, -1 yesterday, 1 tomorrow (DST-safe). */
export const dayOffset = (t: number, now: number): number => Math.round((startOfDay(t) - startOfDay(now)) / DAY_MS);

/** "today", "yesterday", "tomorrow", else "7 Dec" (this year) or "7 Dec 2025". */
export function formatDay(t: number, o: DateOptions): string {
  const off = dayOffset(t, o.now);
  if (Math.abs(off) <= 1) return words.format(off, 'day');
  return dateOnly(t, o);
}

/** For a sentence: "today", "yesterday", "tomorrow", else "on 7 Dec". */
export function formatOnDay(t: number, o: DateOptions): string {
  const off = dayOffset(t, o.now);
  return Math.abs(off) <= 1 ? words.format(off, 'day') : `on ${dateOnly(t, o)}`;
}

/** A short day name and date for a row of days: "Wed 9" (en-GB), "9 Wed" or "Wed 9" as the locale orders them. */
export const weekdayDay = (t: number, o: Pick<DateOptions, 'locale'>): string => format(o.locale, { weekday: 'short', day: 'numeric' }).format(t);

/** A date with no relative words: "7 Dec" this year, "7 Dec 2025" otherwise. */
export function dateOnly(t: number, o: DateOptions): string {
  const sameYear = new Date(t).getFullYear() === new Date(o.now).getFullYear();
  return format(o.locale, sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' }).format(t);
}

/** The time of day in the locale's form: "14:30" or "2:30 PM". */
export const timeOfDay = (t: number, o: Pick<DateOptions, 'locale'>): string => format(o.locale, { timeStyle: 'short' }).format(t);

/** "today at 14:30", "yesterday at 09:05", "7 Dec at 14:30" (see formatOnDay for use mid-sentence). */
export const formatDateTime = (t: number, o: DateOptions): string => `${formatDay(t, o)} at ${timeOfDay(t, o)}`;

/** "just now", "5 minutes ago", "3 hours ago" (the same day), then "yesterday", "on 7 Dec". */
export function formatAgo(t: number, o: DateOptions): string {
  const s = Math.max(0, Math.round((o.now - t) / 1000));
  if (s < 45) return 'just now';
  const m = Math.max(1, Math.round(s / 60));
  if (m < 60) return words.format(-m, 'minute');
  if (dayOffset(t, o.now) === 0) return words.format(-Math.round(m / 60), 'hour');
  return formatOnDay(t, o);
}

/** A calendar date with no time of day (a release, "2026-12-07"), in full: "7 December 2026"; null if unreadable. */
export function isoDayLabel(iso: string | undefined, o: Pick<DateOptions, 'locale'> = {}): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const t = Date.parse(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(t)) return null;
  return format(o.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(t);
}
