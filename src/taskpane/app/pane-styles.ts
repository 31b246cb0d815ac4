/** Styles every full-pane view shares (the pane itself and the "open SIZER from Excel" page). */
import { tokens } from '@fluentui/react-components';

/** The pane's column: one stack of sections with the pane's padding, no wider than a wide task pane. */
export const PANE_ROOT = {
  display: 'flex',
  flexDirection: 'column',
  rowGap: tokens.spacingVerticalM,
  padding: tokens.spacingHorizontalM,
  maxWidth: '720px',
  boxSizing: 'border-box',
} as const;

/** Secondary text under a heading. */
export const CAPTION = { color: tokens.colorNeutralForeground3 } as const;
