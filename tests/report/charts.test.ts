/**
 * Where charts and their helper cells go (resolveCharts, chartHelperColumns), on a hand-made model
 * whose cells are counted here by hand, and the spec builders other sheets call.
 */
import { chartHelperColumns, dramSaturationChart, FPS_THRESHOLDS, resolveCharts, type SheetModel, tierLadderChart, workloadMixChart } from '../../src/report';

function model(overrides: Partial<SheetModel> = {}): SheetModel {
  return {
    name: 'Tiers',
    title: 'Tiers',
    notes: [],
    tableName: 'T',
    columns: [
      { key: 'tier', header: 'Tier', kind: 'text', numberFormat: '@', width: 10 },
      { key: 'fps', header: 'FPS', kind: 'number', numberFormat: '0.0', width: 10 },
      { key: 'ms', header: 'ms', kind: 'number', numberFormat: '0.0', width: 10 },
    ],
    rows: [
      ['Low', 10, 100],
      ['Mid', 20, 50],
      ['High', 40, 25],
    ],
    badges: [],
    charts: [
      tierLadderChart({ title: 'FPS', categoryColumn: 'tier', valueColumn: 'fps', yAxisTitle: 'FPS', selectedTier: 'Mid', thresholds: FPS_THRESHOLDS }),
      { kind: 'line', title: 'ms', categoryColumn: 'tier', seriesColumns: ['ms', 'missing'], xAxisTitle: 'Tier', yAxisTitle: 'ms', thresholds: [FPS_THRESHOLDS[0]!] },
      { kind: 'bar', title: 'dropped', categoryColumn: 'nope', seriesColumns: ['fps'], xAxisTitle: '', yAxisTitle: '' },
    ],
    ...overrides,
  };
}

describe('chart placement', () => {
  it('puts one helper column per distinct threshold after the table and an empty column (E, F)', () => {
    expect(chartHelperColumns(model())).toEqual([
      { column: 4, header: '30 FPS real-time', value: 30 },
      { column: 5, header: '15 FPS surveillance', value: 15 },
    ]);
  });

  it('resolves series to cells, highlights the selected tier, drops unknown columns and charts, stacks charts downwards right of the helpers', () => {
    const [ladder, line, ...rest] = resolveCharts(model());
    expect(rest).toEqual([]);
    expect(ladder!.series.map((s) => [s.name, s.column, s.threshold, s.constant])).toEqual([
      ['FPS', 1, false, null],
      ['30 FPS real-time', 4, true, 30],
      ['15 FPS surveillance', 5, true, 15],
    ]);
    expect(ladder!.highlightPoint).toBe(1);
    expect([ladder!.firstRow, ladder!.lastRow, ladder!.categoryColumn]).toEqual([1, 3, 0]);
    // Table A..C, D empty, helpers E..F, G empty: charts from column H (7), 18 rows tall, 2 apart.
    expect([ladder!.from, ladder!.to]).toEqual([{ row: 0, col: 7 }, { row: 18, col: 15 }]);
    expect(line!.series.map((s) => s.name)).toEqual(['ms', '30 FPS real-time']);
    expect(line!.highlightPoint).toBeNull();
    expect(line!.from).toEqual({ row: 20, col: 7 });
  });

  it('draws nothing for a sheet without rows', () => {
    expect(resolveCharts(model({ rows: [] }))).toEqual([]);
    expect(chartHelperColumns(model({ rows: [] }))).toEqual([]);
  });

  it('grows a horizontal bar chart with its categories', () => {
    const rows = Array.from({ length: 23 }, (_, i) => [`p${i}`, i, i]);
    const [bar] = resolveCharts(model({ rows, charts: [{ kind: 'bar', title: 'b', categoryColumn: 'tier', seriesColumns: ['fps'], xAxisTitle: '', yAxisTitle: '' }] }));
    expect(bar!.to.row - bar!.from.row).toBe(31);
  });
});

describe('spec builders for the other sheets', () => {
  it('workload mix: horizontal bars, the selected workload in the reference green', () => {
    expect(workloadMixChart({ categoryColumn: 'workload', valueColumn: 'decode', selectedWorkload: 'Plain chat', hwName: 'NPU High', quant: 'Q4_K_M' })).toMatchObject({
      kind: 'bar',
      highlightCategory: 'Plain chat',
      highlightColor: '#22A06B',
      yAxisTitle: 'Decode tok/s on NPU High @ Q4_K_M',
    });
  });

  it('DRAM saturation: red model, green measurement, the ceiling as a line', () => {
    const spec = dramSaturationChart({ categoryColumn: 'pipeline', saturationColumn: 'sat', measuredColumn: 'meas', hwName: 'NPU Mid', ceilingGbs: 94.08 });
    expect(spec.colors).toEqual({ sat: '#EF4444', meas: '#22C55E' });
    expect(spec.thresholds).toEqual([{ value: 94.08, label: 'NPU Mid ceiling (94.1 GB/s)', color: '#93A1B5' }]);
  });
});
