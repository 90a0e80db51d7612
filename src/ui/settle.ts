/**
 * Runs `fn` once `ms` have passed since the last `poke()`, with one timer however fast the pokes
 * come: a timer set and cleared per keystroke costs about 1.5 ms of a slow phone's main thread.
 * `flush()` runs a pending `fn` now; `stop()` drops it.
 */
export function settleAfter(ms: number, fn: () => void): { poke: () => void; flush: () => void; stop: () => void } {
  let at = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = false;
  const fire = () => {
    const left = at + ms - performance.now();
    if (left > 1) timer = setTimeout(fire, left);
    else (timer = undefined), (due = false), fn();
  };
  return {
    poke: () => {
      at = performance.now();
      due = true;
      timer ??= setTimeout(fire, ms);
    },
    flush: () => {
      clearTimeout(timer);
      timer = undefined;
      if (due) (due = false), fn();
    },
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
      due = false;
    },
  };
}
