import type { ContentManifest, RubricCheckpoint } from '../shared/content-types.ts';
import { stepName } from './steps.ts';
import type { PracticeAttempt } from './types.ts';

export interface MissedCard {
  question: string;
  answer: string;
  chapterId: string;
  sectionId: string;
}

const stepOf = (cp: RubricCheckpoint) => Number(/:r(\d+)-\d+$/.exec(cp.id)?.[1] ?? 0);

/** Pure: one card per missed checkpoint; the question names the prompt, step, level and the guide section as a hint. */
export function missedCards(a: Pick<PracticeAttempt, 'promptTitle'>, missed: readonly RubricCheckpoint[], manifest: ContentManifest): MissedCard[] {
  return missed.map((cp) => {
    const ch = manifest.chapters.find((c) => c.id === cp.chapterId);
    const section = ch?.outline.find((o) => o.id === cp.sectionId)?.title;
    const step = stepOf(cp);
    return {
      question: `${a.promptTitle}, Step ${step} (${stepName(step)}): what does an interviewer expect at ${cp.level}${section ? ` about “${section}”` : ''}?`,
      answer: `${cp.text}\n\n[Read: ${section ?? ch?.title ?? 'the guide'}](/read/${cp.chapterId}#${cp.sectionId})`,
      chapterId: cp.chapterId,
      sectionId: cp.sectionId,
    };
  });
}
