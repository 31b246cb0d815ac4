/**
 * The cover sheet, first in a whole workbook: the sizing configuration the workbook was built for
 * (every setting of SizingConfig, as the pane's controls and the CLI's options give it) and a table
 * of contents (each sheet's name and title, in workbook order).
 */
import type { Engine } from '../../engine';
import { SIZER_COMMIT, SIZER_VERSION } from '../../version';
import { textColumn } from '../columns';
import { basisOf } from '../basis';
import type { SizingConfig } from '../config';
import type { CellValue, SheetModel } from '../types';
import { hardwareOfConfig } from './shared';

function onOff(enabled: boolean): string {
  return enabled ? 'on' : 'off';
}

export function buildCoverSheet(engine: Engine, config: SizingConfig, sheets: readonly SheetModel[]): SheetModel {
  const { vision: v, llm: l, vla: x } = config;
  let hardware: string;
  try {
    hardware = hardwareOfConfig(engine, config).name;
  } catch (error) {
    hardware = `${config.tier} (${error instanceof Error ? error.message : String(error)})`;
  }
  const settings: [string, string][] = [
    ['Hardware', hardware],
    ['Memory upgrade', config.memory ?? 'stock'],
    ['Precision set', config.precisionSet ?? 'stock'],
    ['NPU share', config.npuShare === null ? 'tier default' : `${Math.round(config.npuShare * 100)}%`],
    ['Vision', `${onOff(v.enabled)}: ${v.pipeline}, ${v.resolution}, ${v.streams} stream(s), compiler quality ${v.compilerQuality}`],
    ['LLM', `${onOff(l.enabled)}: ${l.model} ${l.quant}, ${l.workload}, ${l.queriesPerMinute} queries/min, ${l.answerKind} answers, FP4 runtime ${l.fp4Maturity}`],
    ['VLA', `${onOff(x.enabled)}: ${x.model}, ${x.cameras ?? 'measured'} camera(s) ${x.cameraMode}, fleet of ${x.fleetSize}`],
    ['Basis', basisOf(config)],
    ['SIZER', `${SIZER_VERSION} (${SIZER_COMMIT}), catalog ${engine.catalog.version}`],
  ];
  const rows: CellValue[][] = [
    ...settings.map(([setting, value]): CellValue[] => ['Configuration', setting, value]),
    ...sheets.map((s): CellValue[] => ['Contents', s.name, s.title]),
  ];
  return {
    name: 'Cover',
    // The cover describes the workbook: its basis line is the configuration's (each sheet states its own).
    basis: basisOf(config),
    title: `SIZER workbook: ${hardware}`,
    notes: ['The configuration every sheet was built for, then the sheets in workbook order.'],
    tableName: 'SizerCover',
    columns: [textColumn('section', 'Section', 16), textColumn('item', 'Setting or sheet', 26), textColumn('value', 'Value or title', 100)],
    rows,
    badges: [],
    charts: [],
  };
}
