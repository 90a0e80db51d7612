import { createStore } from '../ui/store.ts';
import { DEFAULT_STUDY, parseStudySettings } from './settings-model.ts';
import type { StudySettings } from './types.ts';

/** Study settings live beside the reader's settings (a comfort, kept on this device). Tiny: no scheduler here. */
const KEY = 'mlsd-pocket:study-settings';

function load(): StudySettings {
  try {
    return parseStudySettings(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
  } catch {
    return DEFAULT_STUDY;
  }
}

export const studySettings = createStore<StudySettings>(load());

export function updateStudySettings(patch: Partial<StudySettings>): void {
  const next = parseStudySettings({ ...studySettings.get(), ...patch });
  studySettings.set(next);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Kept for this session even when it cannot be stored.
  }
}
