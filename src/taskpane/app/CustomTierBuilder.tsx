/**
 * The custom-NPU builder (the reference's settings popover and vertical-app block): memory bus, type
 * and rate, efficiencies, TOPS per precision, capacity and TDP. It shows the theoretical bandwidth
 * and the tier's text form, which is what the configuration (and any SIZER.* tier argument) takes.
 */
import { Caption1, Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Engine, PrecisionSetId } from '../../engine';
import { NumberField, SelectField } from './fields';
import { BUS_WIDTHS, customBandwidthGbs, customTierText, type CustomTierForm, MEMORY_TYPES } from './state';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  wide: { gridColumn: '1 / span 2' },
  spec: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

function tryText(form: CustomTierForm): string {
  try {
    return customTierText(form);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function CustomTierBuilder(props: { engine: Engine; form: CustomTierForm; onChange: (form: CustomTierForm) => void }): React.ReactElement {
  const styles = useStyles();
  const { form } = props;
  const set = <K extends keyof CustomTierForm>(key: K, value: CustomTierForm[K]): void => props.onChange({ ...form, [key]: value });
  const classes = props.engine.catalog.files['silicon-classes.json'].classes.map((c) => ({ value: c.id, label: c.id }));
  const sets = props.engine.catalog.files['precision-sets.json'].sets.map((s) => ({ value: s.id, label: s.label }));
  return (
    <div className={styles.grid} aria-label="Custom NPU builder" role="group">
      <div className={styles.wide}>
        <Field label="Custom tier name" size="small">
          <Input size="small" value={form.name} onChange={(_, data) => set('name', data.value.replace(/[;=]/g, ''))} />
        </Field>
      </div>
      <SelectField label="Bus width (bits)" value={String(form.busWidthBits)} choices={BUS_WIDTHS.map((b) => ({ value: String(b), label: String(b) }))} onChange={(v) => set('busWidthBits', Number(v))} />
      <SelectField label="Memory type" value={form.memType} choices={MEMORY_TYPES.map((m) => ({ value: m, label: m }))} onChange={(v) => set('memType', v)} />
      <NumberField label="Data rate (GT/s)" value={form.dataRateGtps} min={1} max={32} step={0.1} precision={2} onChange={(v) => set('dataRateGtps', v)} />
      <NumberField label="Bandwidth efficiency" value={form.bandwidthEfficiency} min={0.3} max={1} step={0.01} precision={2} onChange={(v) => set('bandwidthEfficiency', v)} />
      <NumberField label="INT8 TOPS" value={form.topsInt8} min={0} max={5000} step={10} onChange={(v) => set('topsInt8', v)} />
      <NumberField label="BF16 TOPS" value={form.topsBf16} min={0} max={5000} step={10} onChange={(v) => set('topsBf16', v)} />
      <NumberField label="FP8 TOPS" value={form.topsFp8} min={0} max={5000} step={10} onChange={(v) => set('topsFp8', v)} />
      <NumberField label="FP4 TOPS" value={form.topsFp4} min={0} max={10000} step={10} onChange={(v) => set('topsFp4', v)} />
      <NumberField label="Compute efficiency" value={form.computeEfficiency} min={0.2} max={1} step={0.01} precision={2} onChange={(v) => set('computeEfficiency', v)} />
      <NumberField label="Capacity (GB)" value={form.capacityGb} min={1} max={512} step={1} onChange={(v) => set('capacityGb', v)} />
      <NumberField label="TDP (W)" value={form.tdpWatts} min={0} max={1000} step={1} onChange={(v) => set('tdpWatts', v)} />
      <SelectField label="Silicon class" value={form.siliconClass} choices={classes} onChange={(v) => set('siliconClass', v)} />
      <div className={styles.wide}>
        <SelectField
          label="Custom precision set"
          value={form.precisionSet ?? ''}
          choices={[{ value: '', label: 'none (as the TOPS say)' }, ...sets]}
          onChange={(v) => set('precisionSet', v === '' ? null : (v as PrecisionSetId))}
        />
      </div>
      <Caption1 className={styles.wide}>Theoretical bandwidth: {customBandwidthGbs(form).toFixed(1)} GB/s</Caption1>
      <Caption1 className={mergeClasses(styles.wide, styles.spec)} data-testid="custom-tier-text">
        {tryText(form)}
      </Caption1>
    </div>
  );
}
