import type { ContentManifest } from '../shared/content-types.ts';

/** Pure: a release date as readers say it ("7 December 2026"), from an ISO date; null if unreadable. */
export function releaseLabel(iso: string | undefined, locale = 'en-GB'): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  return d.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Pure: the guide line of Settings — chapters, the release (a date, never a hash), where it is kept. */
export function guideFact(manifest: ContentManifest, saved: boolean): string {
  const chapters = manifest.chapters.filter((c) => c.part !== 'prompts').length;
  if (chapters === 0) return 'Not on this device yet: open MLSD Pocket once with a connection to save it.';
  const release = releaseLabel(manifest.released);
  return `${chapters} chapters${release ? `, released ${release}` : ''}${saved ? ' — saved on this device' : ' — not saved on this device yet'}`;
}
