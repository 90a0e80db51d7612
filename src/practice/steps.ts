/** The framework's seven steps as the mock interview runs them: names, time budgets, guiding questions. */
export const STEP_NAMES = [
  'Clarify requirements',
  'Frame it as an ML task',
  'Prepare the data',
  'Develop the model',
  'Evaluate',
  'Deploy and serve',
  'Monitor and iterate',
] as const;
export const STEP_COUNT = STEP_NAMES.length;

export type InterviewLength = 45 | 60;
export const LENGTHS: readonly InterviewLength[] = [45, 60];

/**
 * Minutes per step. 45: the guide's time code 5-5-8-10-7-5-5 (framework overview). 60: the
 * overview's own 60-minute column, 6-6-9-12-9-7-6 = 55 minutes of design, which leaves the last
 * five minutes of the hour for the candidate's questions, as in a real round.
 */
export const BUDGET_MINUTES: Record<InterviewLength, readonly number[]> = {
  45: [5, 5, 8, 10, 7, 5, 5],
  60: [6, 6, 9, 12, 9, 7, 6],
};

export const stepBudgetMs = (length: InterviewLength, step: number): number => (BUDGET_MINUTES[length][step - 1] ?? 0) * 60_000;
export const totalMs = (length: InterviewLength): number => length * 60_000;
export const stepName = (step: number): string => STEP_NAMES[step - 1] ?? `Step ${step}`;
/** The section id a case study uses for a step, e.g. 5 → "5-evaluate". */
export const caseSectionId = (step: number): string =>
  `${step}-${stepName(step).toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/ +/g, '-')}`;

/** Questions to ask yourself during each step (shown collapsed). */
export const GUIDING_QUESTIONS: readonly (readonly string[])[] = [
  ['What is the product for, and which business metric should move?', 'Who are the users, on which surface, and how many at peak?', 'What latency, freshness and cost limits apply?', 'What is out of scope?'],
  ['What exactly does the model predict, from what input?', 'Where does the label come from, and how late does it arrive?', 'Which proxy could diverge from the real goal?', 'One model or several stages?'],
  ['Which sources feed training, and how are impressions joined to outcomes?', 'Which features, grouped by user, item and context?', 'How do you split by time and avoid leakage?', 'How do you handle imbalance and privacy?'],
  ['What is the simplest baseline?', 'Which model family, and why for this data and latency?', 'Which loss, and which negatives?', 'How will you tune without fooling yourself?'],
  ['Which offline metric matches the task, and on which slices?', 'Which online metric and guardrails?', 'How is the A/B test sized and read?', 'What would make you not ship?'],
  ['Batch, online or hybrid?', 'What is on the request path, with sizes and latency per stage?', 'How do you make the model cheap enough?', 'How do you roll out safely?'],
  ['What drifts, and how would you see it?', 'What do you alert on first?', 'When and how do you retrain?', 'Which feedback loops could hurt, and how do you break them?'],
];
