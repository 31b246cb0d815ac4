/**
 * Native charts in the CLI's .xlsx (decision record 0025): the workbook written through the export
 * command, opened as a zip, has one well-formed chart part per chart spec, each related from its
 * sheet's drawing and declared in [Content_Types].xml, plotting the sheet ranges and series named
 * here by hand (column letters and rows counted from the sheet layouts, not from the code under
 * test), with caches equal to the cells exceljs reads back; and the workbook still opens in exceljs.
 * Where LibreOffice is installed (not in CI), it converts the workbook and finds every chart.
 */
import ExcelJS from 'exceljs';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExport } from '../../src/cli/export/command';
import { parseExportArgs } from '../../src/cli/export/options';
import { insertDrawingElement } from '../../src/cli/export/xlsx-charts';
import { buildWorkbook } from '../../src/report';
import { testEngine } from '../helpers/engine';

const engine = testEngine();
const quiet = { commitSha: 'abc1234', version: '9.9.9', now: new Date('2026-11-29T12:00:00Z'), progress: () => undefined, stdout: () => undefined };
const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

function parseXml(xml: string): Document {
  const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

function texts(doc: Document | Element, tag: string): string[] {
  return [...doc.getElementsByTagNameNS(CHART_NS, tag)].map((e) => e.textContent ?? '');
}

describe('sizer export workbook --format xlsx: native charts', () => {
  let dir: string;
  let out: string;
  let zip: JSZip;
  /** Chart parts by the title of the chart they draw. */
  const charts = new Map<string, { part: string; doc: Document }>();
  const request = parseExportArgs(['workbook', '--format', 'xlsx', '--out', 'placeholder'], engine.catalog);
  const models = buildWorkbook(engine, request.config);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sizer-charts-'));
    out = join(dir, 'w.xlsx');
    await runExport(engine, { ...request, out }, quiet);
    zip = await JSZip.loadAsync(readFileSync(out));
    for (const part of Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))) {
      const doc = parseXml(await zip.file(part)!.async('string'));
      const title = [...doc.getElementsByTagNameNS(CHART_NS, 'title')][0]?.textContent ?? '';
      charts.set(title, { part, doc });
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has at least 8 chart parts, one per chart spec, each declared and related from a drawing', async () => {
    const specs = models.flatMap((m) => m.charts);
    expect(specs.length).toBeGreaterThanOrEqual(8);
    expect(charts.size).toBe(specs.length);
    expect([...charts.keys()].sort()).toEqual(specs.map((s) => s.title).sort());
    const types = await zip.file('[Content_Types].xml')!.async('string');
    const drawingRels = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/.test(p)).map((p) => zip.file(p)!.async('string')));
    for (const { part } of charts.values()) {
      expect(types).toContain(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
      expect(drawingRels.filter((rels) => rels.includes(`Target="../charts/${part.slice('xl/charts/'.length)}"`))).toHaveLength(1);
    }
  });

  it('relates each charted sheet to its drawing, the <drawing> element before <tableParts>', async () => {
    const charted = models.map((m, i) => ({ m, i })).filter(({ m }) => m.charts.length > 0 && m.rows.length > 0);
    for (const { i } of charted) {
      // exceljs names the i-th sheet's part sheet{i+1}.xml.
      const sheetXml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
      const rels = await zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`)!.async('string');
      const id = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
      expect(id).toBeDefined();
      expect(rels).toMatch(new RegExp(`Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing\\d+.xml"`));
      expect(sheetXml.indexOf('<drawing ')).toBeLessThan(sheetXml.indexOf('<tableParts'));
      parseXml(sheetXml);
    }
  });

  it('stream scaling: per-stream FPS (column C) on the left axis, total FPS (D) on the right, the 30 FPS line from helper column H', () => {
    // Columns: A streams, B ms per frame, C FPS per stream, D total FPS, E memory, F fits; G empty; H the 30 FPS line.
    // Rows: header in 1, streams 1..16 in rows 2..17.
    const { doc } = charts.get('FPS against camera streams')!;
    const groups = [...doc.getElementsByTagNameNS(CHART_NS, 'lineChart')];
    expect(groups).toHaveLength(2);
    const [primary, secondary] = groups as [Element, Element];
    expect(texts(primary, 'f')).toEqual([
      "'Stream scaling'!$C$1", "'Stream scaling'!$A$2:$A$17", "'Stream scaling'!$C$2:$C$17",
      "'Stream scaling'!$H$1", "'Stream scaling'!$A$2:$A$17", "'Stream scaling'!$H$2:$H$17",
    ]);
    expect(texts(secondary, 'f')).toEqual(["'Stream scaling'!$D$1", "'Stream scaling'!$A$2:$A$17", "'Stream scaling'!$D$2:$D$17"]);
    // The secondary value axis sits on the right and crosses at the maximum.
    const rightAxis = [...doc.getElementsByTagNameNS(CHART_NS, 'valAx')].find((ax) => ax.getElementsByTagNameNS(CHART_NS, 'axPos')[0]?.getAttribute('val') === 'r');
    expect(rightAxis?.getElementsByTagNameNS(CHART_NS, 'crosses')[0]?.getAttribute('val')).toBe('max');
    expect(rightAxis?.textContent).toContain('Total system FPS');
  });

  it('stream scaling: the caches equal the cells exceljs reads back, the helper column holds 30', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const ws = workbook.getWorksheet('Stream scaling')!;
    expect(ws.getCell('H1').value).toBe('30 FPS real-time');
    for (let r = 2; r <= 17; r++) expect(ws.getCell(`H${r}`).value).toBe(30);
    const { doc } = charts.get('FPS against camera streams')!;
    const series = [...doc.getElementsByTagNameNS(CHART_NS, 'ser')];
    const fps = series.find((s) => texts(s, 'f').includes("'Stream scaling'!$C$2:$C$17"))!;
    const cached = [...fps.getElementsByTagNameNS(CHART_NS, 'val')[0]!.getElementsByTagNameNS(CHART_NS, 'v')].map((v) => Number(v.textContent));
    const cells = Array.from({ length: 16 }, (_, i) => ws.getCell(`C${i + 2}`).value);
    expect(cached).toEqual(cells);
    expect(ws.getCell('A17').value).toBe(16);
  });

  it('cross-tier vision: the configured tier (NPU High, fifth of six) in #E1483A, 30 and 15 FPS lines over the columns', () => {
    const { doc } = charts.get('Per-stream FPS vs NPU tier')!;
    const bar = doc.getElementsByTagNameNS(CHART_NS, 'barChart')[0]!;
    const point = bar.getElementsByTagNameNS(CHART_NS, 'dPt')[0]!;
    expect(point.getElementsByTagNameNS(CHART_NS, 'idx')[0]?.getAttribute('val')).toBe('4');
    expect(point.innerHTML).toContain('E1483A');
    expect(texts(bar, 'v')).toContain('NPU High');
    const lines = doc.getElementsByTagNameNS(CHART_NS, 'lineChart')[0]!;
    const names = [...lines.getElementsByTagNameNS(CHART_NS, 'tx')].map((t) => t.textContent);
    expect(names.join('|')).toContain('30 FPS real-time');
    expect(names.join('|')).toContain('15 FPS surveillance');
    // The ladder's six tiers in rows 2..7; column C is FPS per stream.
    expect(texts(bar, 'f')).toContain("'Cross-tier vision'!$C$2:$C$7");
  });

  it('duty curve: vision FPS against query rate (XY), the duty cycle on a right axis capped at 1.2 with the amber 80% line', () => {
    const { doc } = charts.get('Vision FPS against LLM queries per minute')!;
    const groups = [...doc.getElementsByTagNameNS(CHART_NS, 'scatterChart')];
    expect(groups).toHaveLength(2);
    const secondary = groups[1]!;
    expect(secondary.textContent).toContain('80% duty (amber)');
    expect(secondary.innerHTML).toContain('F59E0B');
    const max = [...doc.getElementsByTagNameNS(CHART_NS, 'max')].map((e) => e.getAttribute('val'));
    expect(max).toEqual(['1.2']);
  });

  it('KPI timing breakdown: horizontal stacked bars of ingest, YOLO and segmentation ms per pipeline', () => {
    const { doc } = charts.get('Per-frame timing by pipeline')!;
    const bar = doc.getElementsByTagNameNS(CHART_NS, 'barChart')[0]!;
    expect(bar.getElementsByTagNameNS(CHART_NS, 'barDir')[0]?.getAttribute('val')).toBe('bar');
    expect(bar.getElementsByTagNameNS(CHART_NS, 'grouping')[0]?.getAttribute('val')).toBe('stacked');
    expect(bar.getElementsByTagNameNS(CHART_NS, 'ser')).toHaveLength(3);
  });

  it('context curve: a log-scaled x axis', () => {
    const { doc } = charts.get('Decode tok/s vs context length')!;
    expect(doc.getElementsByTagNameNS(CHART_NS, 'logBase')[0]?.getAttribute('val')).toBe('10');
  });

  it('still opens in exceljs with every sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(models.map((m) => m.name));
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  (soffice ? it : it.skip)('LibreOffice (where installed) reads every chart', async () => {
    execFileSync(soffice!, ['--headless', '--convert-to', 'ods', '--outdir', dir, out], { stdio: 'ignore', timeout: 180_000 });
    const ods = await JSZip.loadAsync(readFileSync(join(dir, 'w.ods')));
    const objects = Object.keys(ods.files).filter((p) => /^Object \d+\/content\.xml$/.test(p));
    expect(objects.length).toBe(models.flatMap((m) => m.charts).length);
    for (const part of objects) expect(await ods.file(part)!.async('string')).toContain('<chart:series');
  }, 200_000);
});

describe('insertDrawingElement', () => {
  it('puts <drawing> before the first element CT_Worksheet orders after it', () => {
    const xml = '<worksheet xmlns:r="R"><sheetData/><pageMargins/><headerFooter/><tableParts count="1"/></worksheet>';
    expect(insertDrawingElement(xml, 'rId9')).toBe('<worksheet xmlns:r="R"><sheetData/><pageMargins/><headerFooter/><drawing r:id="rId9"/><tableParts count="1"/></worksheet>');
    const legacy = '<worksheet xmlns:r="R"><sheetData/><legacyDrawing r:id="x"/><tableParts/></worksheet>';
    expect(insertDrawingElement(legacy, 'a')).toBe('<worksheet xmlns:r="R"><sheetData/><drawing r:id="a"/><legacyDrawing r:id="x"/><tableParts/></worksheet>');
  });

  it('appends before </worksheet> when nothing follows, and declares the r: prefix when missing', () => {
    expect(insertDrawingElement('<worksheet xmlns="S"><sheetData/></worksheet>', 'rId1')).toBe(
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns="S"><sheetData/><drawing r:id="rId1"/></worksheet>',
    );
  });
});
