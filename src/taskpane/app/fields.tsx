/** Small labelled Fluent controls the pane repeats: a select and a number box. */
import { Field, makeStyles, Select, SpinButton, type SpinButtonOnChangeData } from '@fluentui/react-components';
import * as React from 'react';

/** Long option labels (model names) must not widen the pane: the select shrinks and truncates. */
const useStyles = makeStyles({
  field: { minWidth: 0 },
  select: { width: '100%', minWidth: 0 },
  native: { minWidth: 0, textOverflow: 'ellipsis' },
});

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export function SelectField(props: {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  disabled?: boolean;
  hint?: string;
}): React.ReactElement {
  const styles = useStyles();
  return (
    <Field className={styles.field} label={props.label} hint={props.hint} size="small">
      <Select
        className={styles.select}
        select={{ className: styles.native }}
        size="small"
        value={props.value}
        disabled={props.disabled}
        onChange={(_, data) => props.onChange(data.value)}
      >
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The number a SpinButton change carries: the stepped value, or the typed text once committed. */
export function spinValue(data: SpinButtonOnChangeData): number | null {
  if (typeof data.value === 'number') return data.value;
  if (data.displayValue !== undefined) {
    const parsed = Number.parseFloat(data.displayValue);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

export function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  hint?: string;
  disabled?: boolean;
  /** Digits after the decimal point shown (the value itself is not rounded). */
  precision?: number;
}): React.ReactElement {
  const styles = useStyles();
  const clamp = (v: number): number => Math.min(props.max, Math.max(props.min, v));
  return (
    <Field className={styles.field} label={props.label} hint={props.hint} size="small">
      <SpinButton
        size="small"
        value={props.value}
        min={props.min}
        max={props.max}
        step={props.step}
        precision={props.precision}
        disabled={props.disabled}
        onChange={(_, data) => {
          const value = spinValue(data);
          if (value !== null) props.onChange(clamp(value));
        }}
      />
    </Field>
  );
}
