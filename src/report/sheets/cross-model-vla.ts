/** VLA across models: every catalog VLA model on the configured hardware, cameras, fleet and camera mode. */
import type { Engine } from '../../engine';
import { booleanColumn, FORMAT, numberColumn, textColumn } from '../columns';
import type { SizingConfig } from '../config';
import type { CellValue, SheetModel } from '../types';
import { hardwareOfConfig } from './shared';

const libero = (pct: number | null): number | null => (pct === null ? null : pct / 100);

export function buildCrossModelVlaSheet(engine: Engine, config: SizingConfig): SheetModel {
  const hw = hardwareOfConfig(engine, config);
  const x = config.vla;
  const rows: CellValue[][] = engine.catalog.files['vla.json'].models.map((m) => {
    try {
      const p = engine.vla(hw, { vla: m.key, cameras: x.cameras, fleetSize: x.fleetSize, cameraMode: x.cameraMode, npuShare: config.npuShare });
      const runs = p.runs === true;
      return [
        m.label,
        m.architecture,
        m.key === x.model,
        runs,
        runs ? p.actionHz : null,
        runs ? p.msPerAction : null,
        runs ? p.aggregateActionHz : null,
        runs ? p.dramGb : null,
        p.fitsInMemory,
        libero(m.liberoSuccessPct),
        p.vlaSource,
        runs ? null : (p.reason ?? (p.deferred ? 'projection deferred' : 'does not run')),
      ];
    } catch (error) {
      return [m.label, m.architecture, m.key === x.model, false, null, null, null, null, null, libero(m.liberoSuccessPct), null, error instanceof Error ? error.message : String(error)];
    }
  });
  return {
    name: 'Cross-model VLA',
    title: `VLA models on ${hw.name}: fleet of ${x.fleetSize}, ${x.cameraMode} cameras`,
    notes: ['Every VLA model of the catalog, the selected one marked; LIBERO success is the papers\' accuracy proxy. Setups that do not run say why.'],
    tableName: 'SizerCrossModelVla',
    columns: [
      textColumn('model', 'Model', 42),
      textColumn('architecture', 'Architecture', 16),
      booleanColumn('selected', 'Selected', 10),
      booleanColumn('runs', 'Runs', 8),
      numberColumn('action_hz', 'Control rate', 'Hz', FORMAT.one, 13),
      numberColumn('ms_per_action', 'ms per action', 'ms', FORMAT.one, 13),
      numberColumn('aggregate_action_hz', 'Fleet control rate', 'Hz', FORMAT.one, 16),
      numberColumn('dram_gb', 'Memory (GB)', 'GB', FORMAT.two, 12),
      booleanColumn('fits_in_memory', 'Fits', 8),
      numberColumn('libero_success', 'LIBERO success', undefined, '0.0%', 14),
      textColumn('source', 'Source', 14),
      textColumn('reason', 'Why not', 44),
    ],
    rows,
    badges: [],
    charts: [{ kind: 'bar', title: `VLA control rate by model on ${hw.name}`, categoryColumn: 'model', seriesColumns: ['action_hz'], xAxisTitle: 'Model', yAxisTitle: 'Control rate (Hz)' }],
  };
}
