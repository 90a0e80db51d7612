import { scoreAttempt } from './score.ts';
import { stepName } from './steps.ts';
import { formatDuration } from './timer.ts';
import type { PracticeAttempt } from './types.ts';

const day = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/** Every attempt as one Markdown document (newest first): answers as typed, time per step, score, what was missed. */
export function attemptsToMarkdown(attempts: readonly PracticeAttempt[], exportedAt: number): string {
  const out = [`# Mock interviews`, '', `Exported from MLSD Pocket on ${day(exportedAt)}: ${attempts.length} attempt${attempts.length === 1 ? '' : 's'}.`, ''];
  for (const a of [...attempts].sort((x, y) => y.createdAt - x.createdAt)) {
    const score = scoreAttempt(a.rubric, a.ticked);
    const spent = a.steps.reduce((n, s) => n + s.spentMs, 0);
    out.push(`## ${a.promptTitle} — ${day(a.createdAt)}`, '');
    out.push(`- ${a.length}-minute interview, ${a.status === 'finished' ? 'finished' : 'not finished'}; time used ${formatDuration(spent)}`);
    if (a.status === 'finished') out.push(`- Score: ${score.covered} of ${score.total} checkpoints (${score.percent}%)`);
    out.push('');
    for (const s of a.steps) {
      const st = score.steps.find((x) => x.step === s.step);
      out.push(`### Step ${s.step}: ${stepName(s.step)} (${formatDuration(s.spentMs)}${st && a.status === 'finished' ? `, ${st.covered} of ${st.total}` : ''})`, '');
      out.push(s.answer.trim() ? s.answer.trim() : '_No answer._', '');
    }
    if (a.status === 'finished' && score.missed.length) {
      out.push('### Missed checkpoints', '');
      for (const m of score.missed) out.push(`- (${m.level}) ${m.text.replace(/\n/g, ' ')} — /read/${m.chapterId}#${m.sectionId}`);
      out.push('');
    }
  }
  return out.join('\n');
}
