/** Text with some ranges wrapped in <mark> (built as elements: no HTML strings). */
export function Marked({ text, marks }: { text: string; marks: ReadonlyArray<readonly [number, number]> }) {
  const parts = [];
  let at = 0;
  for (const [s, e] of marks) {
    if (s < at || e > text.length) continue;
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
