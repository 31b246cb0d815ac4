/**
 * What the pane page shows when it is not running inside Excel (opened in a plain browser tab, or Office.js
 * could not be loaded): what SIZER is and how to open it from Excel, instead of a pane that cannot reach a
 * workbook. The text is shared with the support page (src/support/about.json).
 */
import { Body1, Body1Strong, Caption1, Link, makeStyles, Subtitle2, Title3, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { CAPTION, PANE_ROOT } from './pane-styles';
import about from '../../support/about.json';
import { SIZER_VERSION } from '../../version';

const useStyles = makeStyles({
  root: PANE_ROOT,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  notice: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorPaletteBlueBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  caption: CAPTION,
});

/** The support page, next to this page wherever the add-in is hosted (webpack emits both into dist/). */
export const SUPPORT_PAGE = 'support.html';

export function OutsideExcel(): React.ReactElement {
  const styles = useStyles();
  return (
    <main className={styles.root} data-testid="outside-excel">
      <Title3 as="h1">SIZER for Excel</Title3>
      <Body1>{about.summary}</Body1>
      <Body1 as="p" className={styles.notice}>
        <Body1Strong>SIZER runs inside Excel. </Body1Strong>
        {about.needsExcel}
      </Body1>
      <section aria-labelledby="open-from-excel">
        <Subtitle2 as="h2" id="open-from-excel">
          Open SIZER from Excel
        </Subtitle2>
        <ol className={styles.list}>
          {about.openFromExcel.map((step) => (
            <li key={step}>
              <Body1>{step}</Body1>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="not-installed">
        <Subtitle2 as="h2" id="not-installed">
          No SIZER button in Excel?
        </Subtitle2>
        <ul className={styles.list}>
          {about.notInstalled.map((step) => (
            <li key={step}>
              <Body1>{step}</Body1>
            </li>
          ))}
        </ul>
      </section>
      <Body1>
        <Link href={SUPPORT_PAGE}>Help and privacy</Link>
      </Body1>
      <Caption1 className={styles.caption}>SIZER {SIZER_VERSION}</Caption1>
    </main>
  );
}
