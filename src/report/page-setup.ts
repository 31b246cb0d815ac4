/**
 * How a sheet prints: landscape, every column on one page width (as many pages tall as it takes),
 * the header row repeated on every page, and a header and footer naming the sheet, the SIZER
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

export function pageSetupOf(model: Pick<SheetModel, 'title' | 'rows' | 'totals' | 'columns' | 'notes'>): PageSetup {
  const header = sheetLayout(model as SheetModel).headerRow + 1;
  return {
    orientation: 'landscape',
    fitToPagesWide: 1,
    fitToPagesTall: 0,
    printTitleRows: `${header}:${header}`,
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
