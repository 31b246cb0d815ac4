/**
 * Native charts in the CLI's .xlsx: exceljs writes the cells and tables but no chart parts, so this
 * module adds them to the package exceljs wrote (decision record 0025). Per sheet with charts:
 *   xl/charts/chartN.xml                       one DrawingML chart part per chart (ECMA-376 Part 1, §21.2);
 *   xl/drawings/drawingK.xml + its .rels       the sheet's drawing: one two-cell anchor per chart (§20.5);
 *   xl/worksheets/sheetM.xml                   a <drawing r:id> element in its schema position;
 *   xl/worksheets/_rels/sheetM.xml.rels        the relationship to the drawing;
 *   [Content_Types].xml                        an Override per new part.
 * What each chart plots and where it goes comes from resolveCharts (src/report/charts.ts), the same
 * plan the task pane follows, so both hosts draw the same series from the same cells. Every series
 * carries a cache of its values (c:numCache / c:strCache), so a reader that does not recalculate
 * still draws it.
 */
import JSZip from 'jszip';
import { type CellValue, columnLetter, resolveCharts, type ResolvedChart, type ResolvedSeries, seriesReference, type SheetModel } from '../../report';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** Axis ids: the primary pair and the secondary pair (any distinct unsigned ints). */
const AX = { primaryX: 500000001, primaryY: 500000002, secondaryX: 500000003, secondaryY: 500000004 } as const;

/** Worksheet children that come after <drawing> in CT_Worksheet's sequence (ECMA-376 Part 1, §18.3.1.99). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A sheet written by exceljs and the model it holds. */
export interface ChartedSheet {
  /** The worksheet name as written (formulas refer to it). */
  readonly sheetName: string;
  readonly model: SheetModel;
}

/** The value of a series cell: a table cell, or the constant of a threshold helper column. */
function seriesValues(model: SheetModel, series: ResolvedSeries): CellValue[] {
  if (series.constant !== null) return model.rows.map(() => series.constant);
  return model.rows.map((row) => row[series.column] ?? null);
}

function numCache(values: readonly CellValue[], format = 'General'): string {
  const points = values
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function strCache(values: readonly CellValue[]): string {
  const points = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`)).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numRef(formula: string, values: readonly CellValue[]): string {
  return `<c:numRef><c:f>${escapeXml(formula)}</c:f>${numCache(values)}</c:numRef>`;
}

/** Categories: numbers as a numRef (x values of an XY chart must be numbers), anything else as a strRef. */
function categoryRef(formula: string, values: readonly CellValue[]): string {
  const numeric = values.every((v) => typeof v === 'number');
  return numeric ? numRef(formula, values) : `<c:strRef><c:f>${escapeXml(formula)}</c:f>${strCache(values)}</c:strRef>`;
}

function hex(color: string): string {
  return color.replace('#', '').toUpperCase();
}

function richText(text: string, bold: boolean, size: number): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function titleXml(text: string, size = 1200): string {
  return text === '' ? '' : `<c:title>${richText(text, true, size)}<c:overlay val="0"/></c:title>`;
}

/** Series shape properties: filled bars, or a line (dashed for thresholds and dashed columns). */
function seriesSpPr(series: ResolvedSeries, asLine: boolean): string {
  if (!asLine) return series.color ? `<c:spPr><a:solidFill><a:srgbClr val="${hex(series.color)}"/></a:solidFill></c:spPr>` : '';
  const fill = series.color ? `<a:solidFill><a:srgbClr val="${hex(series.color)}"/></a:solidFill>` : '';
  const dash = series.dashed ? '<a:prstDash val="dash"/>' : '';
  return `<c:spPr><a:ln w="${series.threshold ? 19050 : 28575}" cap="rnd">${fill}${dash}<a:round/></a:ln></c:spPr>`;
}

function markerXml(series: ResolvedSeries): string {
  if (series.threshold) return '<c:marker><c:symbol val="none"/></c:marker>';
  const fill = series.color ? `<c:spPr><a:solidFill><a:srgbClr val="${hex(series.color)}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="${hex(series.color)}"/></a:solidFill></a:ln></c:spPr>` : '';
  return `<c:marker><c:symbol val="circle"/><c:size val="6"/>${fill}</c:marker>`;
}

interface SeriesContext {
  readonly chart: ResolvedChart;
  readonly model: SheetModel;
  readonly sheetName: string;
}

function seriesHead(ctx: SeriesContext, series: ResolvedSeries, index: number): string {
  const nameRef = `<c:tx><c:strRef><c:f>${escapeXml(`'${ctx.sheetName.replace(/'/g, "''")}'!$${columnLetter(series.column)}$${ctx.chart.headerRow + 1}`)}</c:f>${strCache([series.name])}</c:strRef></c:tx>`;
  return `<c:idx val="${index}"/><c:order val="${index}"/>${nameRef}`;
}

function categoryXml(ctx: SeriesContext, tag: 'cat' | 'xVal'): string {
  const { chart, model, sheetName } = ctx;
  const values = model.rows.map((row) => row[chart.categoryColumn] ?? null);
  return `<c:${tag}>${categoryRef(seriesReference(sheetName, chart.categoryColumn, chart.firstRow, chart.lastRow), values)}</c:${tag}>`;
}

function valuesXml(ctx: SeriesContext, series: ResolvedSeries, tag: 'val' | 'yVal'): string {
  const { chart, model, sheetName } = ctx;
  return `<c:${tag}>${numRef(seriesReference(sheetName, series.column, chart.firstRow, chart.lastRow), seriesValues(model, series))}</c:${tag}>`;
}

function barSeries(ctx: SeriesContext, series: ResolvedSeries, index: number): string {
  const highlight =
    ctx.chart.highlightPoint !== null
      ? `<c:dPt><c:idx val="${ctx.chart.highlightPoint}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${hex(ctx.chart.highlightColor)}"/></a:solidFill></c:spPr></c:dPt>`
      : '';
  return `<c:ser>${seriesHead(ctx, series, index)}${seriesSpPr(series, false)}<c:invertIfNegative val="0"/>${highlight}${categoryXml(ctx, 'cat')}${valuesXml(ctx, series, 'val')}</c:ser>`;
}

function lineSeries(ctx: SeriesContext, series: ResolvedSeries, index: number): string {
  return `<c:ser>${seriesHead(ctx, series, index)}${seriesSpPr(series, true)}${markerXml(series)}${categoryXml(ctx, 'cat')}${valuesXml(ctx, series, 'val')}<c:smooth val="0"/></c:ser>`;
}

function scatterSeries(ctx: SeriesContext, series: ResolvedSeries, index: number): string {
  return `<c:ser>${seriesHead(ctx, series, index)}${seriesSpPr(series, true)}${markerXml(series)}${categoryXml(ctx, 'xVal')}${valuesXml(ctx, series, 'yVal')}<c:smooth val="0"/></c:ser>`;
}

function axisIds(secondary: boolean): string {
  return secondary ? `<c:axId val="${AX.secondaryX}"/><c:axId val="${AX.secondaryY}"/>` : `<c:axId val="${AX.primaryX}"/><c:axId val="${AX.primaryY}"/>`;
}

const TICKS = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
const GRID = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';

function catAx(id: number, crossAx: number, position: 'b' | 'l', title: string, hidden: boolean): string {
  return `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${hidden ? 1 : 0}"/><c:axPos val="${position}"/>${hidden ? '' : titleXml(title, 1000)}<c:numFmt formatCode="General" sourceLinked="1"/>${TICKS}<c:crossAx val="${crossAx}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
}

interface ValAxOptions {
  readonly id: number;
  readonly crossAx: number;
  readonly position: 'b' | 'l' | 'r' | 't';
  readonly title: string;
  readonly hidden?: boolean;
  readonly grid?: boolean;
  readonly logBase?: number;
  readonly crossesMax?: boolean;
  readonly between?: boolean;
  readonly max?: number;
}

function valAx(o: ValAxOptions): string {
  const scaling = `<c:scaling>${o.logBase ? `<c:logBase val="${o.logBase}"/>` : ''}<c:orientation val="minMax"/>${o.max !== undefined ? `<c:max val="${o.max}"/>` : ''}${o.logBase ? '' : '<c:min val="0"/>'}</c:scaling>`;
  return `<c:valAx><c:axId val="${o.id}"/>${scaling}<c:delete val="${o.hidden ? 1 : 0}"/><c:axPos val="${o.position}"/>${o.grid ? GRID : ''}${o.hidden ? '' : titleXml(o.title, 1000)}<c:numFmt formatCode="General" sourceLinked="0"/>${TICKS}<c:crossAx val="${o.crossAx}"/>${o.crossesMax ? '<c:crosses val="max"/>' : '<c:crosses val="autoZero"/>'}<c:crossBetween val="${o.between ? 'between' : 'midCat'}"/></c:valAx>`;
}

/** The plot area's chart groups and axes for one resolved chart. */
function plotArea(ctx: SeriesContext): string {
  const { chart } = ctx;
  const spec = chart.spec;
  const data = chart.series.filter((s) => !s.threshold);
  const thresholds = chart.series.filter((s) => s.threshold);
  let index = 0;
  const next = (): number => index++;
  const groups: string[] = [];
  const hasSecondary = chart.series.some((s) => s.axis === 'secondary');
  const onAxis = (list: readonly ResolvedSeries[], axis: 'primary' | 'secondary'): ResolvedSeries[] => list.filter((s) => s.axis === axis);

  if (spec.kind === 'scatter') {
    for (const axis of ['primary', 'secondary'] as const) {
      const series = [...onAxis(data, axis), ...onAxis(thresholds, axis)];
      if (series.length === 0) continue;
      groups.push(`<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series.map((s) => scatterSeries(ctx, s, next())).join('')}${axisIds(axis === 'secondary')}</c:scatterChart>`);
    }
    const axes = [
      valAx({ id: AX.primaryX, crossAx: AX.primaryY, position: 'b', title: spec.xAxisTitle, ...(spec.xAxisLogBase ? { logBase: spec.xAxisLogBase } : {}) }),
      valAx({ id: AX.primaryY, crossAx: AX.primaryX, position: 'l', title: spec.yAxisTitle, grid: true }),
    ];
    if (hasSecondary) {
      axes.push(valAx({ id: AX.secondaryX, crossAx: AX.secondaryY, position: 'b', title: '', hidden: true, ...(spec.xAxisLogBase ? { logBase: spec.xAxisLogBase } : {}) }));
      axes.push(valAx({ id: AX.secondaryY, crossAx: AX.secondaryX, position: 'r', title: spec.secondaryAxisTitle ?? '', crossesMax: true, ...(spec.secondaryAxisMax !== undefined ? { max: spec.secondaryAxisMax } : {}) }));
    }
    return `<c:plotArea><c:layout/>${groups.join('')}${axes.join('')}</c:plotArea>`;
  }

  const horizontal = spec.kind === 'bar';
  for (const axis of ['primary', 'secondary'] as const) {
    const series = onAxis(data, axis);
    const lines = onAxis(thresholds, axis);
    if (spec.kind === 'line') {
      const all = [...series, ...lines];
      if (all.length > 0) groups.push(`<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${all.map((s) => lineSeries(ctx, s, next())).join('')}<c:marker val="1"/>${axisIds(axis === 'secondary')}</c:lineChart>`);
      continue;
    }
    if (series.length > 0) {
      const grouping = spec.stacked ? 'stacked' : 'clustered';
      const overlap = spec.stacked ? '<c:overlap val="100"/>' : '';
      groups.push(`<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${series.map((s) => barSeries(ctx, s, next())).join('')}<c:gapWidth val="80"/>${overlap}${axisIds(axis === 'secondary')}</c:barChart>`);
    }
    // A threshold across a column chart is a line chart on the same axes (a combo chart); across
    // horizontal bars a line would run the wrong way, so bar charts take no thresholds.
    if (lines.length > 0 && !horizontal) groups.push(`<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.map((s) => lineSeries(ctx, s, next())).join('')}<c:marker val="1"/>${axisIds(axis === 'secondary')}</c:lineChart>`);
  }
  const between = spec.kind !== 'line';
  const axes = [
    catAx(AX.primaryX, AX.primaryY, horizontal ? 'l' : 'b', spec.xAxisTitle, false),
    valAx({ id: AX.primaryY, crossAx: AX.primaryX, position: horizontal ? 'b' : 'l', title: spec.yAxisTitle, grid: true, between }),
  ];
  if (hasSecondary) {
    axes.push(catAx(AX.secondaryX, AX.secondaryY, horizontal ? 'l' : 'b', '', true));
    axes.push(valAx({ id: AX.secondaryY, crossAx: AX.secondaryX, position: horizontal ? 't' : 'r', title: spec.secondaryAxisTitle ?? '', crossesMax: true, between, ...(spec.secondaryAxisMax !== undefined ? { max: spec.secondaryAxisMax } : {}) }));
  }
  return `<c:plotArea><c:layout/>${groups.join('')}${axes.join('')}</c:plotArea>`;
}

/** One chart part (xl/charts/chartN.xml). */
export function chartXml(chart: ResolvedChart, model: SheetModel, sheetName: string): string {
  const ctx: SeriesContext = { chart, model, sheetName };
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${titleXml(chart.spec.title, 1400)}<c:autoTitleDeleted val="0"/>${plotArea(ctx)}` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** A sheet's drawing part: one two-cell anchor per chart, chart i related as rId{i+1}. */
export function drawingXml(charts: readonly ResolvedChart[]): string {
  const anchors = charts.map((chart, i) => {
    const cell = (tag: 'from' | 'to', at: { row: number; col: number }): string =>
      `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${cell('from', chart.from)}${cell('to', chart.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(chart.spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join('')}</xdr:wsDr>`;
}

function relationshipsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('')}</Relationships>`;
}

/** Inserts <drawing r:id> where CT_Worksheet's sequence puts it: before the first element that must follow it. */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const match = new RegExp(`<${name}[\\s/>]`).exec(sheetXml);
    if (match && (at < 0 || match.index < at)) at = match.index;
  }
  if (at < 0) at = sheetXml.lastIndexOf('</worksheet>');
  if (at < 0) throw new Error('not a worksheet part: no </worksheet>');
  let xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  // The r: prefix must be declared on the root (exceljs declares it for its tables; a sheet without them may not).
  if (!/<worksheet[^>]*xmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
  return xml;
}

/** The worksheet part of each sheet, in workbook order, read from xl/workbook.xml and its relationships. */
async function worksheetParts(zip: JSZip): Promise<string[]> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const part = targets.get(id);
    if (!part) throw new Error(`workbook sheet without a part: ${m[0]}`);
    return part;
  });
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Adds the chart parts of every sheet (in workbook order) to an .xlsx package; returns the new package and the chart count. */
export async function addChartParts(xlsx: Uint8Array, sheets: readonly ChartedSheet[]): Promise<{ readonly xlsx: Uint8Array; readonly charts: number }> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await worksheetParts(zip);
  let contentTypes = await zip.file('[Content_Types].xml')!.async('string');
  const overrides: string[] = [];
  let chartCount = 0;
  let drawingCount = 0;
  for (const [i, sheet] of sheets.entries()) {
    const charts = resolveCharts(sheet.model);
    if (charts.length === 0) continue;
    const part = parts[i];
    if (!part) throw new Error(`no worksheet part for sheet ${i + 1} (${sheet.sheetName})`);
    drawingCount++;
    const drawingPart = `xl/drawings/drawing${drawingCount}.xml`;
    const chartRels: { id: string; type: string; target: string }[] = [];
    for (const [c, chart] of charts.entries()) {
      chartCount++;
      const chartPart = `xl/charts/chart${chartCount}.xml`;
      zip.file(chartPart, chartXml(chart, sheet.model, sheet.sheetName));
      overrides.push(`<Override PartName="/${chartPart}" ContentType="${CT_CHART}"/>`);
      chartRels.push({ id: `rId${c + 1}`, type: REL_CHART, target: `../charts/chart${chartCount}.xml` });
    }
    zip.file(drawingPart, drawingXml(charts));
    zip.file(relsPathOf(drawingPart), relationshipsXml(chartRels));
    overrides.push(`<Override PartName="/${drawingPart}" ContentType="${CT_DRAWING}"/>`);

    const sheetRelsPath = relsPathOf(part);
    const existing = zip.file(sheetRelsPath) ? await zip.file(sheetRelsPath)!.async('string') : relationshipsXml([]);
    const taken = new Set([...existing.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
    let relId = 'rIdSizerDrawing';
    for (let n = 2; taken.has(relId); n++) relId = `rIdSizerDrawing${n}`;
    const relation = `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingCount}.xml"/>`;
    zip.file(sheetRelsPath, existing.replace('</Relationships>', `${relation}</Relationships>`));
    zip.file(part, insertDrawingElement(await zip.file(part)!.async('string'), relId));
  }
  if (overrides.length === 0) return { xlsx, charts: 0 };
  contentTypes = contentTypes.replace('</Types>', `${overrides.join('')}</Types>`);
  zip.file('[Content_Types].xml', contentTypes);
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { xlsx: out, charts: chartCount };
}
