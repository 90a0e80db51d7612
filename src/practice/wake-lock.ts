/** Keeps the screen on while an interview runs, where the browser offers the Screen Wake Lock API. */
export function holdWakeLock(): () => void {
  const nav = navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<{ release(): Promise<void> }> } };
  if (!nav.wakeLock) return () => undefined;
  let lock: { release(): Promise<void> } | null = null;
  let stopped = false;
  const acquire = () => {
    if (stopped || document.visibilityState !== 'visible') return;
    nav.wakeLock
      ?.request('screen')
      .then((l) => {
        if (stopped) void l.release().catch(() => undefined);
        else lock = l;
      })
      .catch(() => undefined);
  };
  // The browser drops the lock when the tab is hidden; take it again on return.
  document.addEventListener('visibilitychange', acquire);
  acquire();
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', acquire);
    void lock?.release().catch(() => undefined);
    lock = null;
  };
}
