/**
 * A custom tier as one readable line of text, so a custom NPU can live in a worksheet cell and be
 * passed wherever a tier name is accepted:
 *
 *   custom: name=My NPU; class=lp5x_128; int8=100; bf16=50; fp8=100; fp4=0; bw=102.4; cap=16;
 *           bus=96; mem=LPDDR5X; rate=8.533; tdp=12
 *
 * Keys: name, class (silicon class), int8/bf16/fp8/fp4 (peak TOPS), bw (theoretical GB/s; derived
 * from bus x rate / 8 when left out), cap (GB), bus (bits), mem (memory type), rate (GT/s),
 * ce/be (compute/bandwidth efficiency; class default when left out), tdp (W), set (precision set).
 */
import type { PrecisionSetId } from '../catalog/schemas';
import { SizerError } from '../util/errors';
import { type CustomTierInput, theoreticalBandwidthGbs } from './types';

export const CUSTOM_SPEC_PREFIX = 'custom:';

const NUMBER_KEYS = ['int8', 'bf16', 'fp8', 'fp4', 'bw', 'cap', 'bus', 'rate', 'ce', 'be', 'tdp'] as const;
const TEXT_KEYS = ['name', 'class', 'mem', 'set'] as const;
const ALL_KEYS: readonly string[] = [...TEXT_KEYS, ...NUMBER_KEYS];
const PRECISION_SETS: readonly PrecisionSetId[] = ['int8', 'int8_fp8', 'int8_fp8_fp4'];

export function isCustomSpec(text: string): boolean {
  return text.trim().toLowerCase().startsWith(CUSTOM_SPEC_PREFIX);
}

function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** The text form of a custom tier; parseCustomSpec(formatCustomSpec(x)) gives x back. */
export function formatCustomSpec(input: CustomTierInput): string {
  if (/[;=]/.test(input.name) || /[;=]/.test(input.memType)) {
    throw new SizerError('invalid_input', 'a custom tier name or memory type cannot contain ";" or "="', 'name');
  }
  const parts: string[] = [`name=${input.name}`, `class=${input.siliconClass}`];
  parts.push(`int8=${formatNumber(input.peakTopsInt8)}`, `bf16=${formatNumber(input.peakTopsBf16)}`, `fp8=${formatNumber(input.peakTopsFp8)}`, `fp4=${formatNumber(input.peakTopsFp4)}`);
  parts.push(`bw=${formatNumber(input.memBandwidthGbs)}`, `cap=${formatNumber(input.memCapacityGb)}`);
  parts.push(`bus=${formatNumber(input.memBusWidthBits)}`, `mem=${input.memType}`, `rate=${formatNumber(input.memDataRateGtps)}`);
  if (input.computeEfficiency !== null) parts.push(`ce=${formatNumber(input.computeEfficiency)}`);
  if (input.bandwidthEfficiency !== null) parts.push(`be=${formatNumber(input.bandwidthEfficiency)}`);
  parts.push(`tdp=${formatNumber(input.tdpWatts)}`);
  if (input.precisionSet !== null) parts.push(`set=${input.precisionSet}`);
  return `${CUSTOM_SPEC_PREFIX} ${parts.join('; ')}`;
}

function invalid(message: string, key?: string): never {
  throw new SizerError('invalid_input', `custom tier: ${message}`, key ? `custom.${key}` : 'tier');
}

export function parseCustomSpec(text: string): CustomTierInput {
  const body = text.trim().slice(CUSTOM_SPEC_PREFIX.length);
  const values = new Map<string, string>();
  for (const part of body.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) invalid(`"${part.trim()}" is not key=value`);
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (!ALL_KEYS.includes(key)) invalid(`unknown key "${key}"; valid: ${ALL_KEYS.join(', ')}`, key);
    if (values.has(key)) invalid(`"${key}" is given twice`, key);
    values.set(key, value);
  }
  const num = (key: (typeof NUMBER_KEYS)[number]): number | null => {
    const raw = values.get(key);
    if (raw === undefined || raw === '') return null;
    const value = Number(raw);
    if (!Number.isFinite(value)) invalid(`${key} must be a number, got "${raw}"`, key);
    // Ranges are checked once, by the custom-tier factory, against the range table.
    return value;
  };
  const bus = num('bus');
  const rate = num('rate');
  const bandwidth = num('bw') ?? (bus !== null && rate !== null ? theoreticalBandwidthGbs(bus, rate) : null);
  if (bandwidth === null || bandwidth <= 0) invalid('needs bw (GB/s), or bus (bits) and rate (GT/s), above 0', 'bw');
  const capacity = num('cap');
  if (capacity === null || capacity <= 0) invalid('needs cap (memory capacity in GB) above 0', 'cap');
  const set = values.get('set');
  if (set !== undefined && set !== '' && !PRECISION_SETS.includes(set as PrecisionSetId)) {
    invalid(`set must be one of ${PRECISION_SETS.join(', ')}, got "${set}"`, 'set');
  }
  return {
    name: values.get('name') || 'Custom NPU',
    siliconClass: values.get('class') || 'unknown',
    peakTopsInt8: num('int8') ?? 0,
    peakTopsBf16: num('bf16') ?? 0,
    peakTopsFp8: num('fp8') ?? 0,
    peakTopsFp4: num('fp4') ?? 0,
    memBandwidthGbs: bandwidth,
    memCapacityGb: capacity,
    memBusWidthBits: bus ?? 0,
    memType: values.get('mem') || 'custom',
    memDataRateGtps: rate ?? 0,
    precisionSet: set ? (set as PrecisionSetId) : null,
    computeEfficiency: num('ce'),
    bandwidthEfficiency: num('be'),
    tdpWatts: num('tdp') ?? 0,
  };
}
