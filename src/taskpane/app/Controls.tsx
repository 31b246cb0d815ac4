/**
 * The control strip: tier (ladder or custom builder), memory upgrade and precision set where the tier
 * allows them, NPU share, workloads, pipeline by track, resolution, cameras, model (models the tier
 * cannot run sink to the bottom, marked), quant, workload pattern, queries per minute, answer length.
 */
import { Caption1, makeStyles, Subtitle2, Switch, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { answerKindText, type Engine, type Hardware, modelChoiceLabel, modelRoleLegend, type PrecisionSetId, vlaModelCaption } from '../../engine';
import { CustomTierBuilder } from './CustomTierBuilder';
import { type Choice, NumberField, SelectField } from './fields';
import { memoryUpgradeAllowed, memoryUpgradeHint, NPU_SHARES, type PaneState, precisionSetAllowed, precisionSetHint, selectedPipeline } from './state';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  switches: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
});

export interface ControlsProps {
  readonly engine: Engine;
  readonly state: PaneState;
  /** The configured hardware, or null when it cannot be built (the headline says why). */
  readonly hardware: Hardware | null;
  readonly onChange: (update: (state: PaneState) => PaneState) => void;
}

const STOCK = '';

export function Controls({ engine, state, hardware, onChange }: ControlsProps): React.ReactElement {
  const styles = useStyles();
  const catalog = engine.catalog;
  const tracks = catalog.files['pipelines.json'].tracks;
  const track = tracks.find((t) => t.id === state.vision.track) ?? tracks[0]!;
  const tierChoices: Choice[] = catalog.ladder.map((t) => ({ value: t.id, label: t.name }));
  const memoryOk = memoryUpgradeAllowed(engine, state);
  const precisionOk = precisionSetAllowed(engine, state);
  const defaultShare = hardware?.npuShareDefault ?? 0.75;
  const shareChoices: Choice[] = [
    { value: STOCK, label: `Tier default (${Math.round(defaultShare * 100)}%)` },
    ...NPU_SHARES.map((s) => ({ value: String(s), label: `${s * 100}%` })),
  ];
  // The reference's picker: role icons, the models this tier cannot run sunk to the bottom and marked.
  const models = engine.orderedModels(hardware).map((choice) => ({ value: choice.model.key, label: modelChoiceLabel(catalog, choice) }));
  const quants = Object.keys(catalog.quantByKey).map((q) => ({ value: q, label: q }));
  const workloads = Object.values(catalog.workloadByKey).map((w) => ({ value: w.key, label: w.label }));
  const vlaFile = catalog.files['vla.json'];
  const vlaTracks = vlaFile.tracks.map((t) => ({ value: t.id, label: t.label }));
  const trackModels = vlaFile.tracks.find((t) => t.id === state.vla.track)?.models ?? vlaFile.models.map((m) => m.key);
  // The track scopes the list; the selected model stays listed even if it belongs to another track.
  const vlaModels = vlaFile.models.filter((m) => trackModels.includes(m.key) || m.key === state.vla.model).map((m) => ({ value: m.key, label: m.label }));
  const vlaModel = vlaFile.models.find((m) => m.key === state.vla.model);
  const answerLengths = answerKindText(catalog);
  const set = (update: (state: PaneState) => PaneState): void => onChange(update);

  return (
    <div>
      <section className={styles.section} aria-label="Hardware">
        <Subtitle2>Hardware</Subtitle2>
        <Switch label="Custom NPU (override tier)" checked={state.customOn} onChange={(_, d) => set((s) => ({ ...s, customOn: d.checked }))} />
        {state.customOn ? (
          <CustomTierBuilder engine={engine} form={state.custom} onChange={(custom) => set((s) => ({ ...s, custom }))} />
        ) : (
          <SelectField label="NPU tier" value={state.tierId} choices={tierChoices} onChange={(tierId) => set((s) => ({ ...s, tierId }))} />
        )}
        <div className={styles.row}>
          <SelectField
            label="Memory upgrade"
            value={memoryOk ? (state.memory ?? STOCK) : STOCK}
            disabled={!memoryOk}
            hint={memoryOk ? undefined : memoryUpgradeHint(catalog)}
            choices={[{ value: STOCK, label: 'Stock' }, ...catalog.memoryUpgrades.map((m) => ({ value: m.id, label: m.label }))]}
            onChange={(v) => set((s) => ({ ...s, memory: v === STOCK ? null : v }))}
          />
          <SelectField
            label="Precision set"
            value={precisionOk ? (state.precisionSet ?? STOCK) : STOCK}
            disabled={!precisionOk}
            hint={precisionOk ? undefined : precisionSetHint(catalog)}
            choices={[{ value: STOCK, label: 'Stock' }, ...catalog.files['precision-sets.json'].sets.map((p) => ({ value: p.id, label: p.label }))]}
            onChange={(v) => set((s) => ({ ...s, precisionSet: v === STOCK ? null : (v as PrecisionSetId) }))}
          />
          <SelectField
            label="NPU share"
            value={state.npuShare === null ? STOCK : String(state.npuShare)}
            choices={shareChoices}
            onChange={(v) => set((s) => ({ ...s, npuShare: v === STOCK ? null : Number(v) }))}
          />
          <NumberField label="Cameras" value={state.cameras} min={1} max={catalog.files['vision.json'].maxStreams} step={1} onChange={(v) => set((s) => ({ ...s, cameras: Math.round(v) }))} />
        </div>
      </section>

      <section className={styles.section} aria-label="Workloads">
        <Subtitle2>Workloads</Subtitle2>
        <div className={styles.switches}>
          <Switch label="Vision" checked={state.vision.enabled} onChange={(_, d) => set((s) => ({ ...s, vision: { ...s.vision, enabled: d.checked } }))} />
          <Switch label="LLM" checked={state.llm.enabled} onChange={(_, d) => set((s) => ({ ...s, llm: { ...s.llm, enabled: d.checked } }))} />
          <Switch label="VLA" checked={state.vla.enabled} onChange={(_, d) => set((s) => ({ ...s, vla: { ...s.vla, enabled: d.checked } }))} />
        </div>
      </section>

      {state.vision.enabled && (
        <section className={styles.section} aria-label="Vision">
          <Subtitle2>Vision</Subtitle2>
          <SelectField
            label="Pipeline track"
            value={track.id}
            choices={tracks.map((t) => ({ value: t.id, label: t.label }))}
            onChange={(v) => set((s) => ({ ...s, vision: { ...s.vision, track: v } }))}
          />
          <SelectField
            label="Pipeline"
            value={selectedPipeline(state)}
            choices={track.pipelines.map((key) => ({ value: key, label: catalog.pipelineByKey[key]?.label ?? key }))}
            onChange={(v) => set((s) => ({ ...s, vision: { ...s.vision, pipelineByTrack: { ...s.vision.pipelineByTrack, [s.vision.track]: v } } }))}
          />
          <div className={styles.row}>
            <SelectField
              label="Resolution"
              value={state.vision.resolution}
              choices={catalog.files['vision.json'].resolutions.map((r) => ({ value: r, label: r }))}
              onChange={(v) => set((s) => ({ ...s, vision: { ...s.vision, resolution: v } }))}
            />
            <NumberField
              label="Compiler quality"
              value={state.compilerQuality}
              min={0.5}
              max={1}
              step={0.05}
              precision={2}
              onChange={(v) => set((s) => ({ ...s, compilerQuality: v }))}
            />
          </div>
        </section>
      )}

      {state.llm.enabled && (
        <section className={styles.section} aria-label="LLM">
          <Subtitle2>LLM</Subtitle2>
          <SelectField label="LLM model" value={state.llm.model} choices={models} onChange={(v) => set((s) => ({ ...s, llm: { ...s.llm, model: v } }))} />
          <Caption1 data-testid="model-legend">{modelRoleLegend(catalog)}</Caption1>
          <div className={styles.row}>
            <SelectField label="Quant" value={state.llm.quant} choices={quants} onChange={(v) => set((s) => ({ ...s, llm: { ...s.llm, quant: v } }))} />
            <SelectField label="Workload pattern" value={state.llm.workload} choices={workloads} onChange={(v) => set((s) => ({ ...s, llm: { ...s.llm, workload: v } }))} />
            <NumberField
              label="Queries per minute"
              value={state.llm.queriesPerMinute}
              min={0}
              max={60}
              step={0.5}
              precision={1}
              onChange={(v) => set((s) => ({ ...s, llm: { ...s.llm, queriesPerMinute: v } }))}
            />
            <SelectField
              label="Answer length"
              value={state.llm.answerKind}
              choices={[
                { value: 'short', label: `Short (~${answerLengths.short})` },
                { value: 'rag', label: `RAG (${answerLengths.rag})` },
              ]}
              onChange={(v) => set((s) => ({ ...s, llm: { ...s.llm, answerKind: v === 'rag' ? 'rag' : 'short' } }))}
            />
          </div>
          {precisionOk && (
            <SelectField
              label="FP4 runtime"
              value={state.llm.fp4Maturity}
              choices={[
                { value: 'mature', label: 'Mature (vLLM / TensorRT-LLM)' },
                { value: 'immature', label: 'Immature (edge runtime)' },
              ]}
              onChange={(v) => set((s) => ({ ...s, llm: { ...s.llm, fp4Maturity: v === 'immature' ? 'immature' : 'mature' } }))}
            />
          )}
        </section>
      )}

      {state.vla.enabled && (
        <section className={styles.section} aria-label="VLA">
          <Subtitle2>VLA</Subtitle2>
          <div className={styles.row}>
            <SelectField
              label="VLA track"
              value={state.vla.track}
              choices={vlaTracks}
              onChange={(track) =>
                set((s) => {
                  const first = vlaFile.tracks.find((t) => t.id === track)?.models[0] ?? s.vla.model;
                  return { ...s, vla: { ...s.vla, track, model: first, vlmHz: null, actionHz: null } };
                })
              }
            />
            <SelectField label="VLA model" value={state.vla.model} choices={vlaModels} onChange={(v) => set((s) => ({ ...s, vla: { ...s.vla, model: v, vlmHz: null, actionHz: null } }))} />
          </div>
          {vlaModel && <Caption1 data-testid="vla-paper">{vlaModelCaption(catalog, vlaModel)}</Caption1>}
          {vlaModel && (
            <div className={styles.row}>
              <RateControl
                label="VLM rate (Hz)"
                lo={vlaModel.rates.vlmHzMin}
                hi={vlaModel.rates.vlmHzMax}
                value={state.vla.vlmHz ?? vlaModel.rates.defaultVlmHz}
                onChange={(v) => set((s) => ({ ...s, vla: { ...s.vla, vlmHz: v } }))}
              />
              <RateControl
                label="Action rate (Hz)"
                lo={vlaModel.rates.actionHzMin}
                hi={vlaModel.rates.actionHzMax}
                value={state.vla.actionHz ?? vlaModel.rates.defaultActionHz}
                onChange={(v) => set((s) => ({ ...s, vla: { ...s.vla, actionHz: v } }))}
              />
              <NumberField
                label="Target action rate (Hz)"
                hint="0 = no check"
                value={state.vla.targetActionHz ?? 0}
                min={0}
                max={1000}
                step={1}
                onChange={(v) => set((s) => ({ ...s, vla: { ...s.vla, targetActionHz: v > 0 ? v : null } }))}
              />
            </div>
          )}
          <div className={styles.row}>
            <SelectField
              label="Camera config"
              value={state.vla.cameraMode}
              choices={[
                { value: 'native', label: 'Native feeds' },
                { value: 'stitched', label: 'Stitched panorama' },
              ]}
              onChange={(v) => set((s) => ({ ...s, vla: { ...s.vla, cameraMode: v === 'stitched' ? 'stitched' : 'native' } }))}
            />
            <NumberField label="Fleet size" value={state.vla.fleetSize} min={1} max={8} step={1} onChange={(v) => set((s) => ({ ...s, vla: { ...s.vla, fleetSize: Math.round(v) } }))} />
          </div>
          <Caption1>Cameras above are shared with the VLA, as in the reference.</Caption1>
        </section>
      )}
    </div>
  );
}

/** A rate the model can be scheduled at: a fixed caption when its range is one value, else a number field (the reference's _vla_rate_control). */
function RateControl(props: { label: string; lo: number; hi: number; value: number; onChange: (value: number) => void }): React.ReactElement {
  if (props.lo === props.hi) {
    return <Caption1 data-testid={`rate-fixed-${props.label}`}>{`${props.label}: ${props.lo} (fixed: no scheduling freedom)`}</Caption1>;
  }
  return <NumberField label={props.label} value={props.value} min={props.lo} max={props.hi} step={1} onChange={props.onChange} hint={`${props.lo} to ${props.hi}; off the default the badge becomes a what-if`} />;
}
