/**
 * Private measured-silicon anchors: load a file (TOML in the reference's secrets shape, or JSON),
 * validate it with the engine's parser, keep its TEXT in per-user storage through the port (never in
 * the workbook, never logged), show which cells it anchors, clear it. A file that fails validation is
 * rejected with the parser's message (first problem by key path, never the file's values) and the
 * anchors already loaded stay as they were.
 *
 * Loading or clearing anchors ends with a request for a full recalculation of the workbook: SIZER
 * cells are not volatile and no cell they read has changed, so without it Excel would keep showing
 * numbers computed under the old anchors. The file restored from storage when the pane opens asks
 * for one only when the functions runtime did not already have it (it reads the same entry at start).
 */
import { Badge, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { type AnchorSet, describeAnchorCoverage, formatFromFileName, NO_ANCHORS, parseAnchors } from '../../engine';
import { anchorsOfStored } from '../../functions/excel/stored-anchors';
import type { FunctionsRuntimePort, WorkbookPort } from '../ports';
import { errorText, notRecalculatedNotice, useKeptState } from './kept-state';
import { NoticeBar } from './NoticeBar';

const TIER_CELL_LABELS: Record<string, string> = { mid_int8: 'NPU Mid INT8', high_int8: 'NPU High INT8', high_fp: 'NPU High FP' };
const ANCHOR_LABELS: Record<string, string> = {
  qwen3_30b_a3b_moe: 'Qwen3-30B-A3B MoE',
  qwen25_32b_dense: 'Qwen2.5-32B dense',
  qwen25_7b_dense: 'Qwen2.5-7B dense',
  yolov8n_w8: 'YOLOv8n W8',
  yolov8n_w4: 'YOLOv8n W4',
  resnet50_w4: 'ResNet-50 W4',
};

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  hidden: { display: 'none' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface AnchorsPanelProps {
  readonly port: WorkbookPort;
  readonly runtime: FunctionsRuntimePort;
  /** Called with the new set after every successful load or clear (the pane rebuilds its engine). */
  readonly onAnchorsChange: (anchors: AnchorSet) => void;
}

interface Loaded {
  readonly fileName: string;
  readonly anchors: AnchorSet;
}

const NOT_RECALCULATED = notRecalculatedNotice('The anchors are');

/** The error's message without a final full stop (the panel adds its own sentence after it). */
function message(error: unknown): string {
  return errorText(error, 'the file could not be read');
}

async function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

export function AnchorsPanel({ port, runtime, onAnchorsChange }: AnchorsPanelProps): React.ReactElement {
  const styles = useStyles();
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const { apply, userActs, notice, setNotice } = useKeptState({
    port,
    runtime,
    // The file kept in per-user storage from an earlier session.
    load: () => port.loadAnchorsText(),
    parse: anchorsOfStored,
    setInRuntime: (anchors: AnchorSet) => runtime.setAnchors(anchors),
    onChange: onAnchorsChange,
    onRestored: (stored, anchors) => setLoaded({ fileName: stored.fileName, anchors }),
    invalidNotice: (error) => ({ intent: 'warning', title: 'The stored anchors file is no longer valid', text: `${message(error)}. Load the file again.` }),
    unavailableNotice: { intent: 'warning', title: 'Per-user storage is unavailable', text: 'Anchors loaded now last only until the pane closes.' },
    notRecalculated: NOT_RECALCULATED,
  });

  const onFile = async (file: File): Promise<void> => {
    let anchors: AnchorSet;
    let text: string;
    try {
      text = await readText(file);
      anchors = parseAnchors(text, formatFromFileName(file.name));
    } catch (error) {
      // Rejected: the loaded anchors stay as they were.
      setNotice({ intent: 'error', title: `${file.name} was not loaded`, text: `${message(error)}. The anchors in use are unchanged.` });
      return;
    }
    try {
      await port.storeAnchorsText({ fileName: file.name, text });
    } catch {
      setNotice({ intent: 'warning', title: 'Not kept for next time', text: 'Per-user storage refused the file; it is in use until the pane closes.' });
    }
    userActs();
    setLoaded({ fileName: file.name, anchors });
    const recalculated = await apply(anchors, 'always');
    setNotice((current) =>
      current?.intent === 'warning' ? current : recalculated ? { intent: 'success', title: `Loaded ${file.name}`, text: 'Anchored cells now show the silicon-anchor badge.' } : NOT_RECALCULATED,
    );
  };

  const onClear = async (): Promise<void> => {
    userActs();
    await port.clearAnchorsText().catch(() => undefined);
    setLoaded(null);
    const recalculated = await apply(NO_ANCHORS, 'always');
    setNotice(recalculated ? { intent: 'success', title: 'Anchors cleared', text: 'Every number is a projection again.' } : NOT_RECALCULATED);
  };

  const coverage = loaded ? describeAnchorCoverage(loaded.anchors) : null;
  const cells = coverage ? [...coverage.llm.map((c) => ({ tier: c.tierCell, key: c.model, measured: c.measured })), ...coverage.cnn.map((c) => ({ tier: c.tierCell, key: c.cnn, measured: c.measured }))] : [];

  return (
    <section className={styles.panel} aria-label="Anchors">
      <Subtitle2>Private anchors</Subtitle2>
      <Caption1>Your measured-silicon numbers (TOML or JSON). Kept in your per-user add-in storage, never in the workbook.</Caption1>
      <div className={styles.buttons}>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".toml,.json"
          aria-label="Anchors file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void onFile(file);
          }}
        />
        <Button size="small" onClick={() => input.current?.click()}>
          Load anchors file…
        </Button>
        <Button size="small" disabled={!loaded} onClick={() => void onClear()}>
          Clear anchors
        </Button>
      </div>
      <div data-testid="anchors-status">
        {loaded ? (
          <>
            <Caption1>
              {loaded.fileName}: {cells.filter((c) => c.measured).length} of {cells.length} cells in use
            </Caption1>
            <ul className={styles.list}>
              {cells.map((c) => (
                <li key={`${c.tier}.${c.key}`}>
                  <Caption1>
                    {TIER_CELL_LABELS[c.tier] ?? c.tier} · {ANCHOR_LABELS[c.key] ?? c.key}{' '}
                  </Caption1>
                  <Badge size="small" appearance="tint" color={c.measured ? 'success' : 'informative'}>
                    {c.measured ? 'anchored' : 'not measured: ignored'}
                  </Badge>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Caption1>No anchors loaded: every number is a projection.</Caption1>
        )}
      </div>
      <NoticeBar notice={notice} testId="anchors-notice" />
    </section>
  );
}
