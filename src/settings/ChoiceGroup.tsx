/** A row of labelled radio buttons (44 px targets) for one setting. */
export function ChoiceGroup<T extends string>({
  legend,
  name,
  labels,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  labels: Record<T, string>;
  value: T;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset class="setting">
      <legend>{legend}</legend>
      <div class="choices">
        {(Object.keys(labels) as T[]).map((v) => (
          <label key={v} class="choice">
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            {labels[v]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
