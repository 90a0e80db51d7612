import { useState } from 'preact/hooks';
import { useStore } from '../ui/store.ts';
import { RETENTION_MAX, RETENTION_MIN } from './settings-model.ts';
import { studySettings, updateStudySettings } from './study-settings.ts';
import './study.css';

type Field = 'newPerDay' | 'maxReviewsPerDay' | 'retention';

/** Settings → Study: new cards per day, maximum reviews per day, desired retention (0.80–0.97). */
export function StudySettings() {
  const s = useStore(studySettings);
  const [problem, setProblem] = useState<Partial<Record<Field, string>>>({});

  const commit = (field: Field, raw: string) => {
    const n = Number(raw);
    let bad: string | null = null;
    if (raw.trim() === '' || !Number.isFinite(n)) bad = 'Enter a number.';
    else if (field === 'retention' && (n < RETENTION_MIN * 100 || n > RETENTION_MAX * 100)) bad = `Choose between ${RETENTION_MIN * 100} and ${RETENTION_MAX * 100} %.`;
    else if (field !== 'retention' && (!Number.isInteger(n) || n < 0 || n > 9999)) bad = 'Enter a whole number from 0 to 9999.';
    setProblem((p) => ({ ...p, [field]: bad ?? undefined }));
    if (bad) return;
    updateStudySettings(field === 'retention' ? { retention: n / 100 } : { [field]: n });
  };

  const row = (field: Field, label: string, value: number, hint: string, attrs: { min: number; max: number; step: number }) => (
    <div class="setting study-setting">
      <label class="label" for={`study-${field}`}>
        {label}
      </label>
      <input
        id={`study-${field}`}
        class="field"
        type="number"
        inputMode="numeric"
        {...attrs}
        value={value}
        aria-describedby={`study-${field}-hint`}
        aria-invalid={problem[field] ? true : undefined}
        onChange={(e) => commit(field, e.currentTarget.value)}
      />
      <p class="meta" id={`study-${field}-hint`}>
        {problem[field] ?? hint}
      </p>
    </div>
  );

  return (
    <section aria-labelledby="study-h">
      <h2 id="study-h">Study</h2>
      {row('newPerDay', 'New cards per day', s.newPerDay, 'Cards you have not seen yet, introduced each day (Anki’s default is 20).', { min: 0, max: 9999, step: 1 })}
      {row('maxReviewsPerDay', 'Maximum reviews per day', s.maxReviewsPerDay, 'Reviews beyond this wait for the next day.', { min: 0, max: 9999, step: 1 })}
      {row('retention', 'Desired retention (%)', Math.round(s.retention * 100), 'How likely you want to be to recall a card when it comes back: 80–97 %. Higher means more reviews.', { min: 80, max: 97, step: 1 })}
    </section>
  );
}
