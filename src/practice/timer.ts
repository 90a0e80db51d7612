/**
 * The interview clock, pure: time is passed in as samples. Within one page load it counts with
 * the monotonic clock (performance.now()), so a change of the device's wall clock does nothing;
 * across a reload or a closed app only the wall clock spans the gap, so the state is re-anchored
 * (and persisted) often, and a wall clock that went backwards counts as no time, never negative.
 */
export interface TimeSample {
  /** Date.now() */
  wall: number;
  /** performance.now() */
  mono: number;
  /** performance.timeOrigin: identifies the page load the mono reading belongs to. */
  origin: number;
}

export interface ClockState {
  /** Milliseconds counted up to the anchor. */
  elapsedMs: number;
  /** Where counting resumed; null while paused or finished. */
  anchor: TimeSample | null;
}

export const newClock = (now: TimeSample): ClockState => ({ elapsedMs: 0, anchor: now });

/** Time since the anchor: monotonic in the same page, wall clock across page loads, never below 0. */
function sinceAnchor(anchor: TimeSample, now: TimeSample): number {
  const span = anchor.origin === now.origin ? now.mono - anchor.mono : now.wall - anchor.wall;
  return Number.isFinite(span) && span > 0 ? span : 0;
}

export const elapsedMs = (clock: ClockState, now: TimeSample): number =>
  clock.elapsedMs + (clock.anchor ? sinceAnchor(clock.anchor, now) : 0);

export const isRunning = (clock: ClockState): boolean => clock.anchor !== null;

/** Folds the time counted so far into the state and anchors at `now` (call before saving). */
export const checkpoint = (clock: ClockState, now: TimeSample): ClockState =>
  clock.anchor ? { elapsedMs: elapsedMs(clock, now), anchor: now } : clock;

export const pause = (clock: ClockState, now: TimeSample): ClockState => ({ elapsedMs: elapsedMs(clock, now), anchor: null });

export const resume = (clock: ClockState, now: TimeSample): ClockState => (clock.anchor ? clock : { elapsedMs: clock.elapsedMs, anchor: now });

/** "12:05", "1:02:03"; negative inputs show as 0:00. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
