import { forecast } from './queue.ts';
import type { CardSchedule } from './types.ts';
import { forecastDays, whenLabel } from './when.ts';

/** Nothing due: when the next card is, and the next seven days. */
export function CaughtUp({ nextDue, schedules, now, newLeft, deckEmpty }: { nextDue: number | null; schedules: Iterable<CardSchedule>; now: number; newLeft: number; deckEmpty: boolean }) {
  const tz = new Date(now).getTimezoneOffset();
  const days = forecast(schedules, now, tz, 7);
  const names = forecastDays(now, 7);
  const max = Math.max(1, ...days);
  return (
    <section class="caught-up" aria-labelledby="caught-up-title">
      <h2 id="caught-up-title">All caught up</h2>
      <p>
        {deckEmpty
          ? 'This deck has no cards yet.'
          : nextDue !== null
            ? `The next card is due ${whenLabel(nextDue, now)}.`
            : newLeft === 0
              ? 'You have met today’s new cards. More tomorrow.'
              : 'No card is scheduled yet.'}
      </p>
      <h3>The next 7 days</h3>
      <ol class="forecast">
        {days.map((n, i) => (
          <li key={i}>
            <span class="fc-day">{names[i]}</span>
            <span class="fc-bar" aria-hidden="true">
              <span style={{ width: `${(n / max) * 100}%` }} />
            </span>
            <span class="fc-n">{n === 1 ? '1 card' : `${n} cards`}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
