/**
 * The task pane: controls, live headline tiles with source badges, warnings, write actions, the
 * private-anchors panel and the calibration panel. It owns the pane's engine (rebuilt with
 * createEngine when anchors or the workbook's calibration change)
 * and talks to the workbook only through the WorkbookPort it is given.
 */
import { Caption1, Divider, makeStyles, Title3 } from '@fluentui/react-components';
import * as React from 'react';
import { CAPTION, PANE_ROOT } from './pane-styles';
import { type AnchorSet, type Catalog, createEngine, type Engine, type Hardware, NO_ANCHORS } from '../../engine';
import { basisNote, basisOf } from '../../report';
import { SIZER_VERSION } from '../../version';
import type { ProcurementInputs } from '../excel/procurement';
import type { FunctionsRuntimePort, WorkbookPort } from '../ports';
import { Actions } from './Actions';
import { AnchorsPanel } from './AnchorsPanel';
import { BasisSwitch } from './BasisSwitch';
import { CalibrationPanel } from './CalibrationPanel';
import type { NamedCalibration } from '../../functions/registry/types';
import { Controls } from './Controls';
import { computeHeadline } from './headline';
import { initialState, type PaneState, toSizingConfig } from './state';
import { Tiles, Warnings } from './Tiles';

const useStyles = makeStyles({
  root: PANE_ROOT,
  header: { display: 'flex', flexDirection: 'column' },
  caption: CAPTION,
});

/** Starting values for the procurement model's deployment inputs, which the buyer overwrites in the sheet. */
const PROCUREMENT_DEFAULTS = { cameras: 40, targetFps: 15, unitPrice: 0 } as const;

export interface AppProps {
  readonly catalog: Catalog;
  readonly port: WorkbookPort;
  readonly runtime: FunctionsRuntimePort;
  /** Overrides the starting state (tests). */
  readonly initial?: (engine: Engine) => PaneState;
}

function tryHardware(engine: Engine, config: ReturnType<typeof toSizingConfig>): Hardware | null {
  try {
    return engine.hardware({ tier: config.tier, memory: config.memory, precisionSet: config.precisionSet });
  } catch {
    return null;
  }
}

export function App({ catalog, port, runtime, initial }: AppProps): React.ReactElement {
  const styles = useStyles();
  const [anchors, setAnchors] = React.useState<AnchorSet>(NO_ANCHORS);
  const [calibration, setCalibration] = React.useState<NamedCalibration | null>(null);
  const engine = React.useMemo(() => createEngine(catalog, { anchors, calibration: calibration?.calibration }), [catalog, anchors, calibration]);
  const [state, setState] = React.useState<PaneState>(() => (initial ?? initialState)(engine));
  const config = React.useMemo(() => toSizingConfig(engine, state), [engine, state]);
  const hardware = React.useMemo(() => tryHardware(engine, config), [engine, config]);
  const headline = React.useMemo(() => computeHeadline(engine, config), [engine, config]);

  const procurement: ProcurementInputs | null = hardware && {
    tier: config.tier,
    memory: config.memory,
    precisionSet: config.precisionSet,
    npuShare: config.npuShare ?? hardware.npuShareDefault,
    pipeline: config.vision.pipeline,
    resolution: config.vision.resolution,
    cameras: PROCUREMENT_DEFAULTS.cameras,
    targetFps: PROCUREMENT_DEFAULTS.targetFps,
    model: config.llm.model,
    quant: config.llm.quant,
    workload: config.llm.workload,
    queriesPerMinute: config.llm.queriesPerMinute,
    answerKind: config.llm.answerKind,
    unitPrice: PROCUREMENT_DEFAULTS.unitPrice,
    // The live SIZER.* formulas that read LLM decode pass the pane's basis, so the sheets are on it.
    basis: basisOf(config),
    basisNote: basisNote(engine, basisOf(config), basisOf(config)),
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">SIZER for Excel</Title3>
        <Caption1 className={styles.caption}>
          Version {SIZER_VERSION} · catalog {catalog.version}
        </Caption1>
      </header>
      <Controls engine={engine} state={state} hardware={hardware} onChange={(update) => setState(update)} />
      <BasisSwitch engine={engine} basis={state.basis} onChange={(basis) => setState((s) => ({ ...s, basis }))} />
      <Caption1 className={styles.caption} data-testid="hardware-caption">
        {headline.hardware}
      </Caption1>
      <Warnings warnings={headline.warnings} />
      <Tiles tiles={headline.tiles} />
      <Divider />
      <Actions
        engine={engine}
        config={config}
        port={port}
        kpiScope={state.kpiScope}
        onKpiScope={(kpiScope) => setState((s) => ({ ...s, kpiScope }))}
        procurement={procurement}
      />
      <Divider />
      <AnchorsPanel port={port} runtime={runtime} onAnchorsChange={setAnchors} />
      <Divider />
      <CalibrationPanel engine={engine} port={port} runtime={runtime} onCalibrationChange={setCalibration} />
    </main>
  );
}
