import { createStore } from '../ui/store.ts';
import { parseStudySettings } from './settings-model.ts';
import type { StudySettings } from './types.ts';

/**
 * Study settings live beside the reader's settings in localStorage (so the mirror copies them with
 * the other `mlsd-pocket:` keys), stored with the time they were last changed (`updatedAt`): the
 * backup carries them, and an import keeps whichever side changed them last. Tiny: no scheduler here.
 */
const KEY = 'mlsd-pocket:study-settings';

/** What is stored: the settings and when the reader last changed them (absent: never, the defaults). */
export type StoredStudySettings = StudySettings & { updatedAt: number };

function read(): unknown {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
}

export const studySettings = createStore<StudySettings>(parseStudySettings(read()));

/** The settings as stored with their date, or null when the reader never changed them. */
export function storedStudySettings(): StoredStudySettings | null {
  const raw = read() as { updatedAt?: unknown } | null;
  if (!raw || typeof raw !== 'object') return null;
  const updatedAt = typeof raw.updatedAt === 'number' && Number.isFinite(raw.updatedAt) ? raw.updatedAt : 0;
  return { ...parseStudySettings(raw), updatedAt };
}

/** Sets the settings as changed at `updatedAt` (the reader's change now, or an imported one). */
export function updateStudySettings(patch: Partial<StudySettings>, updatedAt = Date.now()): void {
  const next = parseStudySettings({ ...studySettings.get(), ...patch });
  studySettings.set(next);
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...next, updatedAt }));
  } catch {
    // Kept for this session even when it cannot be stored.
  }
}
