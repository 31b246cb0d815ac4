/** Headline tiles (each with its source badge) and the warning message bars. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens, Tooltip } from '@fluentui/react-components';
import * as React from 'react';
import type { BadgeTone, PaneWarning, Tile } from './headline';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  band: { marginLeft: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  bars: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  derivation: { color: tokens.colorNeutralForeground2, whiteSpace: 'normal' },
});

/** The engine's explanation of a tile's number, collapsed under the tile until asked for. */
function Derivation(props: { tileId: string; text: string }): React.ReactElement {
  const styles = useStyles();
  return (
    <Accordion collapsible data-testid={`tile-${props.tileId}-derivation`}>
      <AccordionItem value="how">
        <AccordionHeader size="small">How this was derived</AccordionHeader>
        <AccordionPanel>
          <Caption1 className={styles.derivation}>{props.text}</Caption1>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

const BADGE_COLORS: Record<BadgeTone, 'success' | 'warning' | 'danger' | 'informative' | 'subtle'> = {
  green: 'success',
  yellow: 'warning',
  orange: 'danger',
  grey: 'informative',
};

export function Tiles(props: { tiles: readonly Tile[] }): React.ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.grid} role="list" aria-label="Headline numbers">
      {props.tiles.map((tile) => (
        <div key={tile.id} className={styles.tile} role="listitem" aria-label={tile.label} data-testid={`tile-${tile.id}`}>
          <Caption1 className={styles.label}>{tile.label}</Caption1>
          <div>
            <Text className={styles.value} data-testid={`tile-${tile.id}-value`}>
              {tile.value}
            </Text>
            {tile.band !== null && (
              <Tooltip content="80% band (see the basis note above the tiles)" relationship="description">
                <Caption1 className={styles.band} data-testid={`tile-${tile.id}-band`}>
                  {tile.band}
                </Caption1>
              </Tooltip>
            )}
          </div>
          <Caption1>{tile.caption}</Caption1>
          {tile.badge && (
            <Tooltip content={tile.badge.help} relationship="description">
              <Badge appearance="tint" size="small" color={BADGE_COLORS[tile.badge.tone]} data-testid={`tile-${tile.id}-badge`} data-source={tile.badge.source}>
                {tile.badge.label}
              </Badge>
            </Tooltip>
          )}
          {tile.derivation && <Derivation tileId={tile.id} text={tile.derivation} />}
        </div>
      ))}
    </div>
  );
}

export function Warnings(props: { warnings: readonly PaneWarning[] }): React.ReactElement | null {
  const styles = useStyles();
  if (props.warnings.length === 0) return null;
  return (
    <div className={styles.bars}>
      {props.warnings.map((w) => (
        <MessageBar key={`${w.id}-${w.title}`} intent={w.intent} layout="multiline" data-testid={`warning-${w.id}`}>
          <MessageBarBody>
            <MessageBarTitle>{w.title}</MessageBarTitle>
            {w.text}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
