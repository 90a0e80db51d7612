/**
 * Recent searches (the last eight, newest first), kept in localStorage on this device only: a
 * convenience, not the user's work, so it is neither backed up nor synced.
 */
const KEY = 'mlsd-recent-searches';
const MAX = 8;

export function recentSearches(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function rememberSearch(q: string): void {
  const clean = q.trim().slice(0, 100);
  if (!clean) return;
  const next = [clean, ...recentSearches().filter((x) => x.toLowerCase() !== clean.toLowerCase())].slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or blocked: recent searches are a convenience only.
  }
}

export function clearRecentSearches(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}
