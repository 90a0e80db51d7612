import { isoDayLabel } from '../ui/dates.ts';
import type { ContentManifest } from '../shared/content-types.ts';

/** Pure: a release date as readers say it ("7 December 2026" in the reader's locale), from an ISO date; null if unreadable. */
export const releaseLabel = (iso: string | undefined, locale?: string): string | null => isoDayLabel(iso, locale ? { locale } : {});

/** Pure: the guide line of Settings — chapters, the release (a date, never a hash), where it is kept. */
export function guideFact(manifest: ContentManifest, saved: boolean): string {
  const chapters = manifest.chapters.filter((c) => c.part !== 'prompts').length;
  if (chapters === 0) return 'Not on this device yet: open MLSD Pocket once with a connection to save it.';
  const release = releaseLabel(manifest.released);
  return `${chapters} chapters${release ? `, released ${release}` : ''}${saved ? ' — saved on this device' : ' — not saved on this device yet'}`;
}
