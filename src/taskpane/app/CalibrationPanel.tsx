/**
 * The workbook's named calibration: "Use this calibration" fits the lab table of the active sheet
 * (a sheet from "Insert calibration sheet") with the code SIZER.CALIBRATE runs, keeps the result with
 * the workbook (the document's settings, through the port), and hands it to the functions runtime,
 * where it becomes the calibrated basis of every SIZER cell and a name the `calibration` argument
 * takes; "Forget calibration" goes back to the shipped fit. Either ends with a request for a full
 * recalculation: no cell a SIZER formula reads has changed, so Excel would keep the old numbers.
 *
 * The lab rows are read, fitted and dropped: only the fitted constants are kept, and nothing here
 * logs them. A table that does not fit (a bad row, too few rows) is refused with SIZER.CALIBRATE's
 * own message, and the calibration in use stays as it was.
 * See docs/decisions/0031-calibration-from-lab-rows-in-excel.md.
 */
import { Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { bundledCalibration, type Engine } from '../../engine';
import { namedCalibrationOf, type StoredCalibration } from '../../functions/excel/stored-calibration';
import type { NamedCalibration } from '../../functions/registry/types';
import { calibrateTable, calibrationResultCells, userFitOf } from '../../report/calibration-table';
import type { FunctionsRuntimePort, WorkbookPort } from '../ports';
import { errorText, notRecalculatedNotice, useKeptState } from './kept-state';
import { NoticeBar } from './NoticeBar';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export interface CalibrationPanelProps {
  readonly engine: Engine;
  readonly port: WorkbookPort;
  readonly runtime: FunctionsRuntimePort;
  /** Called with the calibration now in use (null: the shipped fit); the pane rebuilds its engine. */
  readonly onCalibrationChange: (named: NamedCalibration | null) => void;
}

const NOT_RECALCULATED = notRecalculatedNotice('The calibration is');

function message(error: unknown): string {
  return errorText(error, String(error));
}

/** How a calibration is described in the panel: its name, rows and leave-one-out error. */
function describe(named: NamedCalibration): string {
  const p = named.calibration.provenance;
  return `"${named.name}": ${p.rows} lab rows, leave-one-out median error ${p.looMedianAbsErrorPct}%`;
}

export function CalibrationPanel({ engine, port, runtime, onCalibrationChange }: CalibrationPanelProps): React.ReactElement {
  const styles = useStyles();
  const [inUse, setInUse] = React.useState<NamedCalibration | null>(null);
  const [busy, setBusy] = React.useState(false);
  const { apply, userActs, notice, setNotice } = useKeptState({
    port,
    runtime,
    // The calibration kept with this workbook (the runtime read the same setting when it started).
    load: () => port.loadCalibration(),
    parse: (stored: StoredCalibration): NamedCalibration | null => namedCalibrationOf(stored, bundledCalibration()),
    setInRuntime: (named: NamedCalibration | null) => runtime.setCalibration(named),
    onChange: onCalibrationChange,
    onRestored: (_stored, named) => setInUse(named),
    invalidNotice: (error) => ({ intent: 'warning', title: 'The calibration kept with this workbook is not readable', text: `${message(error)}. Use the calibration again.` }),
    unavailableNotice: null,
    notRecalculated: NOT_RECALCULATED,
  });

  const onUse = async (): Promise<void> => {
    setBusy(true);
    try {
      let lab;
      try {
        lab = await port.readActiveLabTable();
      } catch (error) {
        setNotice({ intent: 'error', title: 'The lab table could not be read', text: `${message(error)}. The calibration in use is unchanged.` });
        return;
      }
      if (lab === null) {
        setNotice({ intent: 'error', title: 'No lab table on this sheet', text: 'Select a calibration sheet (Insert calibration sheet adds one) with your rows in its table, then use it. The calibration in use is unchanged.' });
        return;
      }
      let stored: StoredCalibration;
      let named: NamedCalibration;
      try {
        // The code SIZER.CALIBRATE runs, on the same table: the kept calibration is the cell's result.
        stored = { name: lab.sheet, result: calibrationResultCells(userFitOf(calibrateTable(engine, lab.table))) };
        named = namedCalibrationOf(stored, bundledCalibration());
      } catch (error) {
        setNotice({ intent: 'error', title: `"${lab.sheet}" was not used`, text: `${message(error)}. The calibration in use is unchanged.` });
        return;
      }
      let kept = true;
      try {
        await port.storeCalibration(stored);
      } catch {
        kept = false;
      }
      userActs();
      setInUse(named);
      const recalculated = await apply(named, 'always');
      if (!kept) setNotice({ intent: 'warning', title: 'Not kept with the workbook', text: `The workbook refused the setting: ${describe(named)} is in use until the pane closes.` });
      else if (!recalculated) setNotice(NOT_RECALCULATED);
      else setNotice({ intent: 'success', title: `Using ${describe(named)}`, text: `SIZER cells on the calibrated basis now use it, and "${named.name}" works as their calibration argument. It is kept with this workbook.` });
    } finally {
      setBusy(false);
    }
  };

  const onForget = async (): Promise<void> => {
    setBusy(true);
    try {
      userActs();
      await port.clearCalibration().catch(() => undefined);
      setInUse(null);
      const recalculated = await apply(null, 'always');
      setNotice(recalculated ? { intent: 'success', title: 'Calibration forgotten', text: 'The calibrated basis is the shipped fit again.' } : NOT_RECALCULATED);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.panel} aria-label="Calibration">
      <Subtitle2>Your calibration</Subtitle2>
      <Caption1>Fit the calibrated basis to your own lab rows (a calibration sheet) and keep it with this workbook.</Caption1>
      <div className={styles.buttons}>
        <Button size="small" disabled={busy} onClick={() => void onUse()}>
          Use this calibration
        </Button>
        <Button size="small" disabled={busy || inUse === null} onClick={() => void onForget()}>
          Forget calibration
        </Button>
      </div>
      <Caption1 data-testid="calibration-status">{inUse ? `In use: ${describe(inUse)}.` : 'No calibration of your own: the calibrated basis is the shipped fit.'}</Caption1>
      <NoticeBar notice={notice} testId="calibration-notice" />
    </section>
  );
}
