import { DAY_MS, startOfDay } from './day.ts';

/** "in 8 min", "today at 14:30", "tomorrow at 09:00", "on Wed 9 Dec": when the next card is due. Pure. */
export function whenLabel(due: number, now: number, tzOffsetMin: number): string {
  if (due <= now) return 'now';
  const min = Math.round((due - now) / 60_000);
  if (min < 60) return `in ${Math.max(1, min)} min`;
  const today = startOfDay(now, tzOffsetMin);
  const d = new Date(due);
  const hm = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (due < today + DAY_MS) return `today at ${hm}`;
  if (due < today + 2 * DAY_MS) return `tomorrow at ${hm}`;
  return `on ${d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })}`;
}

/** Day names for a forecast starting today. */
export function forecastDays(now: number, days: number): string[] {
  return Array.from({ length: days }, (_, i) =>
    i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : new Date(now + i * DAY_MS).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric' }),
  );
}
