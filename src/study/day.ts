/** Study days run midnight to midnight in the reader's time zone. Pure: the offset is a parameter. */
export const DAY_MS = 86_400_000;

/** Start of the local day containing `now`; `tzOffsetMin` is `new Date(now).getTimezoneOffset()`. */
export function startOfDay(now: number, tzOffsetMin: number): number {
  const local = now - tzOffsetMin * 60_000;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS) + tzOffsetMin * 60_000;
}

export const endOfDay = (now: number, tzOffsetMin: number): number => startOfDay(now, tzOffsetMin) + DAY_MS;

/** The local day number (days since 1970 in local time), for per-day statistics. */
export const dayNumber = (t: number, tzOffsetMin: number): number => Math.floor((t - tzOffsetMin * 60_000) / DAY_MS);
