/**
 * The "Reference numbers / Calibrated to measurements" switch: the basis the LLM tiles and every sheet
 * the pane writes are on (docs/decisions/0028-calibrated-basis.md). Under it, the engine's sentence
 * saying what the chosen basis means and how wide its 80% band is.
 */
import { Caption1, makeStyles, Switch, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { basisMeaning, type Engine, type ProjectionBasis } from '../../engine';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: '2px' },
  meaning: { color: tokens.colorNeutralForeground3 },
});

export interface BasisSwitchProps {
  readonly engine: Engine;
  readonly basis: ProjectionBasis;
  readonly onChange: (basis: ProjectionBasis) => void;
}

export function BasisSwitch({ engine, basis, onChange }: BasisSwitchProps): React.ReactElement {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label="Basis">
      <Switch label="Calibrated to measurements" checked={basis === 'calibrated'} onChange={(_, d) => onChange(d.checked ? 'calibrated' : 'reference')} data-testid="basis-switch" />
      <Caption1 className={styles.meaning} data-testid="basis-meaning">
        {basisMeaning(engine.calibration, basis)}
      </Caption1>
    </section>
  );
}
