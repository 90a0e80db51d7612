import { DAY_MS } from './day.ts';
import { formatOnDay, timeOfDay, weekdayDay } from '../ui/dates.ts';

/** "in 8 min", "today at 14:30", "tomorrow at 09:00", "on 9 Dec at 08:00": when the next card is due (dates: src/ui/dates.ts). */
export function whenLabel(due: number, now: number): string {
  if (due <= now) return 'now';
  const min = Math.round((due - now) / 60_000);
  if (min < 60) return `in ${Math.max(1, min)} min`;
  return `${formatOnDay(due, { now })} at ${timeOfDay(due, {})}`;
}

/** Day names for a forecast starting today: "Today", "Tomorrow", then "Wed 9" in the reader's locale. */
export function forecastDays(now: number, days: number): string[] {
  return Array.from({ length: days }, (_, i) => (i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : weekdayDay(now + i * DAY_MS, {})));
}
