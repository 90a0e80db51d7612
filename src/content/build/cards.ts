/** Parses a ```cards block: Q:/A: pairs, an answer may run over several lines. */
export interface RawCard {
  question: string;
  answer: string;
  /** Line of the Q: within the block (0-based). */
  line: number;
}

export interface CardsParse {
  cards: RawCard[];
  errors: { line: number; message: string }[];
}

export function parseCards(text: string): CardsParse {
  const cards: RawCard[] = [];
  const errors: CardsParse['errors'] = [];
  let current: { question: string; answer: string | null; line: number } | null = null;
  const close = () => {
    if (!current) return;
    if (current.answer === null || current.answer.trim() === '') {
      errors.push({ line: current.line, message: `card "${current.question.slice(0, 40)}" has no A: answer` });
    } else cards.push({ question: current.question.trim(), answer: current.answer.trim(), line: current.line });
    current = null;
  };
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    const q = /^Q:\s*(.*)$/.exec(line);
    const a = /^A:\s*(.*)$/.exec(line);
    if (q) {
      close();
      if (!q[1]) errors.push({ line: i, message: 'Q: has no question text' });
      current = { question: q[1] ?? '', answer: null, line: i };
    } else if (a) {
      if (!current) errors.push({ line: i, message: 'A: without a Q: before it' });
      else if (current.answer !== null) errors.push({ line: i, message: 'a second A: for one Q:' });
      else current.answer = a[1] ?? '';
    } else if (line.trim() !== '') {
      if (!current) errors.push({ line: i, message: 'text before the first Q:' });
      else if (current.answer === null) current.question += ` ${line.trim()}`;
      else current.answer += ` ${line.trim()}`;
    }
  });
  close();
  if (cards.length === 0 && errors.length === 0) errors.push({ line: 0, message: 'a cards block needs at least one Q:/A: pair' });
  return { cards, errors };
}
