/**
 * How a sheet prints: landscape, fitted to as few page widths as keep it readable (as many pages
 * tall as it takes), the header row repeated on every page (and the first column on every page of a
 * table wider than one page), and a header and footer naming the sheet, the SIZER
 * version and the print date. Both hosts apply it: the CLI's .xlsx (exceljs pageSetup/headerFooter)
 * and the task pane (Office.js worksheet.pageLayout, ExcelApi 1.9). One home for the print layout.
 */
import { SIZER_VERSION } from '../version';
import { sheetLayout } from './layout';
import type { PageSetup, SheetModel } from './types';

/** Text in a header or footer section: '&' starts a field code there, so a literal one is doubled. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * Column width (Excel character units) one landscape page prints at a readable size: a Letter or A4
 * page holds about 130 characters of Calibri 11 at 100%, so this keeps a table at 80% or more. The
 * full matrix and This config (30 columns, about 450 characters) printed at a third of that on one
 * page width; they now take three or four pages wide, with their first column repeated.
 */
export const READABLE_WIDTH_PER_PAGE = 160;

/** Pages wide a table of these columns prints on, at READABLE_WIDTH_PER_PAGE characters a page. */
export function pagesWideFor(columns: readonly { readonly width: number }[]): number {
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  return Math.max(1, Math.ceil(width / READABLE_WIDTH_PER_PAGE));
}

export function pageSetupOf(model: Pick<SheetModel, 'title' | 'rows' | 'totals' | 'columns' | 'notes'>): PageSetup {
  const header = sheetLayout(model as SheetModel).headerRow + 1;
  const pagesWide = pagesWideFor(model.columns);
  return {
    orientation: 'landscape',
    fitToPagesWide: pagesWide,
    fitToPagesTall: 0,
    printTitleRows: `${header}:${header}`,
    printTitleColumns: pagesWide > 1 ? 'A:A' : null,
    centerHeader: headerFooterText(model.title),
    leftFooter: headerFooterText(`SIZER ${SIZER_VERSION}`),
    centerFooter: '&D',
    rightFooter: 'Page &P of &N',
  };
}

/** The page header and footer as one Excel header/footer string each (&L, &C, &R sections). */
export function headerFooterStrings(setup: PageSetup): { header: string; footer: string } {
  return {
    header: `&C${setup.centerHeader}`,
    footer: `&L${setup.leftFooter}&C${setup.centerFooter}&R${setup.rightFooter}`,
  };
}
