/**
 * The write actions: each builds sheet models from the report layer for the current configuration
 * and hands them to the port (the procurement model is written from the configuration directly).
 */
import { Button, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Select, Subtitle2, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Engine } from '../../engine';
import { buildKpiSheet, buildSheet, buildWorkbook, type SheetId, type SheetModel, type SizingConfig, withBasisNote } from '../../report';
import { comparisonInputsFrom } from '../excel/comparison';
import type { ProcurementInputs } from '../excel/procurement';
import type { WorkbookPort, WriteProgress, WrittenSheet } from '../ports';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  buttons: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  kpi: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

export type ActionId = 'this-config' | 'kpi' | 'matrix' | 'cross' | 'stream-scaling' | 'duty-curve' | 'timing-context' | 'kpi-summary' | 'llm-views' | 'vision-vla-views' | 'workbook' | 'procurement' | 'comparison' | 'calibration';

type BuildProgress = (done: number, total: number) => void;

interface SheetAction {
  readonly id: Exclude<ActionId, 'kpi' | 'procurement' | 'comparison' | 'calibration'>;
  readonly label: string;
  readonly build: (engine: Engine, config: SizingConfig, onProgress: BuildProgress) => SheetModel[];
  /** Long builds show a progress bar. */
  readonly long?: boolean;
}

const LLM_VIEWS: readonly SheetId[] = ['precision', 'accuracy', 'performance', 'workload-mix'];
const VISION_VLA_VIEWS: readonly SheetId[] = ['dram', 'cross-pipeline', 'cross-model-vla'];

/** The sheets by id, through buildSheet: each on the configuration's basis, stating it in its notes. */
const sheets =
  (...ids: readonly SheetId[]): SheetAction['build'] =>
  (engine, config, onProgress) =>
    ids.map((id) => buildSheet(engine, id, config, onProgress));

const SHEET_ACTIONS: readonly SheetAction[] = [
  { id: 'this-config', label: 'Write this config', build: sheets('this-config') },
  { id: 'matrix', label: 'Write full matrix', build: sheets('matrix'), long: true },
  { id: 'cross', label: 'Write cross-tier and cross-model', build: sheets('cross-tier-vision', 'cross-tier-llm', 'cross-tier-vla', 'cross-model') },
  { id: 'stream-scaling', label: 'Write stream scaling + chart', build: sheets('stream-scaling') },
  { id: 'duty-curve', label: 'Write duty curve + chart', build: sheets('duty-curve') },
  { id: 'timing-context', label: 'Write LLM timing and context curve + charts', build: sheets('llm-timing', 'context-curve') },
  // The reference's on-screen views (docs/decisions/0024): its KPI table, its LLM detail tabs, and its
  // vision and VLA detail (DRAM saturation, every pipeline, every VLA model).
  { id: 'kpi-summary', label: 'Write KPI summary', build: sheets('kpi-summary') },
  { id: 'llm-views', label: 'Write LLM views', build: sheets(...LLM_VIEWS) },
  { id: 'vision-vla-views', label: 'Write vision and VLA views', build: sheets(...VISION_VLA_VIEWS) },
  { id: 'workbook', label: 'Write whole workbook', build: (e, c, p) => buildWorkbook(e, c, p), long: true },
];

export interface ActionsProps {
  readonly engine: Engine;
  readonly config: SizingConfig;
  readonly port: WorkbookPort;
  readonly kpiScope: 'all' | 'this';
  readonly onKpiScope: (scope: 'all' | 'this') => void;
  /** Starting values of the procurement model's input cells. */
  readonly procurement: ProcurementInputs | null;
}

interface Status {
  readonly intent: 'success' | 'error' | 'info';
  readonly title: string;
  readonly text: string;
}

interface Progress {
  readonly label: string;
  /** Undefined: indeterminate. */
  readonly value: number | undefined;
}

/** Lets React paint (the progress bar) before a long synchronous build. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function describeWritten(written: readonly WrittenSheet[]): Status {
  const names = written.map((w) => w.written).join(', ');
  const moved = written.filter((w) => w.written !== w.requested);
  const text =
    moved.length > 0
      ? moved.map((w) => `"${w.requested}" exists and was not written by SIZER, so it was left alone and the sheet went to "${w.written}".`).join(' ')
      : written.some((w) => w.replaced)
        ? 'Sheets SIZER wrote before were rewritten in place.'
        : 'New sheets added.';
  return { intent: 'success', title: `Wrote ${names}`, text };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function Actions({ engine, config, port, kpiScope, onKpiScope, procurement }: ActionsProps): React.ReactElement {
  const styles = useStyles();
  const [busy, setBusy] = React.useState<ActionId | null>(null);
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [status, setStatus] = React.useState<Status | null>(null);

  const run = async (id: ActionId, work: () => Promise<Status>): Promise<void> => {
    setBusy(id);
    setStatus(null);
    try {
      setStatus(await work());
    } catch (error) {
      setStatus({ intent: 'error', title: 'Nothing was written', text: errorText(error) });
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const writeSheets = (action: { id: ActionId; label: string; long?: boolean }, build: (onProgress: BuildProgress) => SheetModel[]) =>
    run(action.id, async () => {
      if (action.long) {
        setProgress({ label: 'Building…', value: undefined });
        await nextFrame();
      }
      const models = build(() => undefined);
      if (action.long) setProgress({ label: 'Writing…', value: 0 });
      const onProgress = action.long ? (p: WriteProgress) => setProgress({ label: `Writing ${p.sheet}…`, value: p.total > 0 ? p.done / p.total : 1 }) : undefined;
      return describeWritten(await port.writeSheets(models, { onProgress }));
    });

  const disabled = busy !== null;
  return (
    <section className={styles.panel} aria-label="Write to workbook">
      <Subtitle2>Write to the workbook</Subtitle2>
      <div className={styles.kpi}>
        <Field label="KPI sheet scope" size="small">
          <Select size="small" value={kpiScope} onChange={(_, d) => onKpiScope(d.value === 'this' ? 'this' : 'all')}>
            <option value="all">All pipelines</option>
            <option value="this">This pipeline</option>
          </Select>
        </Field>
        <Button
          appearance="primary"
          disabled={disabled}
          onClick={() => void writeSheets({ id: 'kpi', label: 'Write KPI sheet' }, () => [withBasisNote(engine, config, buildKpiSheet(engine, config, kpiScope))])}
        >
          Write KPI sheet
        </Button>
      </div>
      <div className={styles.buttons}>
        {SHEET_ACTIONS.map((action) => (
          <Button key={action.id} size="small" disabled={disabled} onClick={() => void writeSheets(action, (p) => action.build(engine, config, p))}>
            {action.label}
          </Button>
        ))}
        <Button
          size="small"
          disabled={disabled || procurement === null}
          onClick={() =>
            void run('procurement', async () => {
              const written = await port.insertProcurementModel(procurement!, engine.catalog);
              return { ...describeWritten([written]), text: 'Change the yellow input cells: the SIZER formulas recalculate.' };
            })
          }
        >
          Insert procurement model
        </Button>
        <Button
          size="small"
          disabled={disabled || procurement === null}
          onClick={() =>
            void run('comparison', async () => {
              const written = await port.insertProcurementComparison(comparisonInputsFrom(procurement!, engine.catalog), engine.catalog);
              return { ...describeWritten([written]), text: 'Change the yellow requirement cells: the plan, chart and sensitivity recalculate.' };
            })
          }
        >
          Insert procurement comparison
        </Button>
        <Button
          size="small"
          disabled={disabled}
          onClick={() =>
            void run('calibration', async () => {
              const written = await port.insertCalibrationSheet();
              return {
                ...describeWritten([written]),
                text: `${written.written !== written.requested ? `"${written.requested}" exists and was left alone: the new sheet is "${written.written}". ` : ''}Type your lab rows in its table (replace the EXAMPLE rows); SIZER.CALIBRATE beside it refits to them. Then "Use this calibration" keeps it with the workbook.`,
              };
            })
          }
        >
          Insert calibration sheet
        </Button>
      </div>
      {progress && <ProgressBar value={progress.value} aria-label={progress.label} data-testid="write-progress" />}
      {progress && <span>{progress.label}</span>}
      {status && (
        <MessageBar intent={status.intent} layout="multiline" data-testid="write-status">
          <MessageBarBody>
            <MessageBarTitle>{status.title}</MessageBarTitle>
            {status.text}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
