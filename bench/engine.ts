/**
 * Engine micro-benchmarks: time per projection for each kind, over thousands of distinct argument
 * sets (seeded, so every run times the same calls), and the full platform-budget matrix.
 *
 * What is timed is what a host pays per call: engine.hardware(spec) (its per-spec memo is part of
 * the engine, as ADR 0005 describes, so a repeated spec is a memo hit) followed by the projection,
 * with name resolution and range checks. Argument sets that the engine rejects are dropped at setup,
 * so only answered projections are timed. Prints one JSON object on standard output.
 *
 *   node <compiled>/bench/engine.js [--calls 5000] [--repeats 21] [--matrix-repeats 21]
 */
import { createBundledEngine, type Engine, type HardwareSpec } from '../src/engine';
import type { DutyArgs, LlmArgs, VisionArgs } from '../src/engine';
import { elapsedMs, nowNs, option, pick, prng, summarize, type Summary } from './lib';

const CALLS = option('calls', 5000);
const REPEATS = option('repeats', 21);
const MATRIX_REPEATS = option('matrix-repeats', 21);
const WARMUP_PASSES = 3;

const engine: Engine = createBundledEngine();
const catalog = engine.catalog;
const rand = prng(0x51ce);

function accepted(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}

/** Every preset tier, memory upgrades and precision sets where they apply, and a few custom tiers. */
function hardwareSpecs(): HardwareSpec[] {
  const specs: HardwareSpec[] = [];
  for (const tier of catalog.tiers) {
    specs.push({ tier: tier.id });
    for (const m of catalog.memoryUpgrades) specs.push({ tier: tier.id, memory: m.id });
    for (const s of catalog.files['precision-sets.json'].sets) specs.push({ tier: tier.id, precisionSet: s.id });
  }
  const classes = Object.keys(catalog.siliconClassById);
  for (let i = 0; i < 12; i++) {
    specs.push({
      custom: {
        name: `Bench NPU ${i}`,
        siliconClass: pick(rand, classes),
        peakTopsInt8: 10 + 40 * i,
        peakTopsBf16: 5 * i,
        peakTopsFp8: i % 2 === 0 ? 20 * i : 0,
        peakTopsFp4: 0,
        memBandwidthGbs: 50 + 30 * i,
        memCapacityGb: 8 + 4 * i,
        memBusWidthBits: 64 + 32 * (i % 4),
        memType: 'LPDDR5X',
        memDataRateGtps: 6.4 + 0.5 * (i % 5),
        precisionSet: null,
        computeEfficiency: null,
        bandwidthEfficiency: null,
        tdpWatts: 5 + i,
      },
    });
  }
  return specs.filter((spec) => accepted(() => engine.hardware(spec)));
}

const SPECS = hardwareSpecs();
const PIPELINES = catalog.pipelines.map((p) => p.key);
const RESOLUTIONS = catalog.files['vision.json'].resolutions;
const QUANTS = Object.keys(catalog.quantByKey);
const WORKLOADS = Object.keys(catalog.workloadByKey);
const MAX_STREAMS = catalog.files['vision.json'].maxStreams;

/** A share or compiler quality: left out (the default) a third of the time, else a random value. */
const share = (): number | null => (rand() < 0.33 ? null : Math.round((0.05 + 0.95 * rand()) * 1e6) / 1e6);
const quality = (): number | null => (rand() < 0.5 ? null : Math.round((0.3 + 2 * rand()) * 1e4) / 1e4);

interface Call<A> {
  readonly spec: HardwareSpec;
  readonly args: A;
}

/** Distinct argument sets the engine accepts (a Set of their JSON guards against repeats). */
function generate<A>(make: () => Call<A>, check: (c: Call<A>) => unknown, streams?: (c: Call<A>) => number): Call<A>[] {
  const seen = new Set<string>();
  const calls: Call<A>[] = [];
  let attempts = 0;
  while (calls.length < CALLS && attempts < CALLS * 20) {
    attempts += 1;
    const call = make();
    const key = JSON.stringify(call);
    if (seen.has(key)) continue;
    seen.add(key);
    if (streams && streams(call) < 1) continue;
    if (accepted(() => check(call))) calls.push(call);
  }
  if (calls.length < CALLS / 2) throw new Error(`only ${calls.length} distinct accepted argument sets`);
  return calls;
}

function visionArgs(streams: number): VisionArgs {
  return { pipeline: pick(rand, PIPELINES), resolution: pick(rand, RESOLUTIONS), streams, npuShare: share(), compilerQuality: quality() };
}

function llmArgs(): LlmArgs {
  return { quant: pick(rand, QUANTS), workload: pick(rand, WORKLOADS), npuShare: share(), measurementKey: null, fp4Maturity: rand() < 0.5 ? null : pick(rand, ['mature', 'immature']) };
}

const anyStreams = (): number => 1 + Math.floor(rand() * MAX_STREAMS);

const visionCalls = generate<VisionArgs>(() => ({ spec: pick(rand, SPECS), args: visionArgs(anyStreams()) }), (c) => engine.vision(engine.hardware(c.spec), c.args));
const visionSingleCalls = generate<VisionArgs>(() => ({ spec: pick(rand, SPECS), args: visionArgs(1) }), (c) => engine.vision(engine.hardware(c.spec), c.args));
const visionBatchedCalls = generate<VisionArgs>(
  () => ({ spec: pick(rand, SPECS), args: visionArgs(2 + Math.floor(rand() * (MAX_STREAMS - 1))) }),
  (c) => engine.vision(engine.hardware(c.spec), c.args),
);
const llmCalls = generate<LlmArgs>(() => ({ spec: pick(rand, SPECS), args: llmArgs() }), (c) => engine.llm(engine.hardware(c.spec), c.args));
const dutyCalls = generate<DutyArgs>(
  () => ({
    spec: pick(rand, SPECS),
    args: { ...visionArgs(anyStreams()), ...llmArgs(), queriesPerMinute: Math.round(rand() * 600) / 10, answerKind: pick(rand, ['short', 'rag']) },
  }),
  (c) => engine.duty(engine.hardware(c.spec), c.args),
);
type VisionRowArgs = Parameters<Engine['visionBudgetRow']>[1];
type LlmRowArgs = Parameters<Engine['llmBudgetRow']>[1];
const visionRowCalls = generate<VisionRowArgs>(
  () => ({ spec: pick(rand, SPECS), args: { pipeline: pick(rand, PIPELINES), resolution: pick(rand, RESOLUTIONS), streams: anyStreams(), dutyCycle: Math.round(rand() * 1000) / 1000 } }),
  (c) => engine.visionBudgetRow(engine.hardware(c.spec), c.args),
);
const llmRowCalls = generate<LlmRowArgs>(
  () => ({ spec: pick(rand, SPECS), args: { quant: pick(rand, QUANTS), workload: pick(rand, WORKLOADS), queriesPerMinute: Math.round(rand() * 600) / 10, answerKind: pick(rand, ['short', 'rag']) } }),
  (c) => engine.llmBudgetRow(engine.hardware(c.spec), c.args),
);

let sink = 0;

/** CPU time of this process (user + system, all its threads: the engine and its garbage collector), in ms. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Microseconds per call: one timed pass over every argument set per repeat, after warm-up passes.
 * The headline figure is CPU time, which a busy machine (other processes on the same cores) does not
 * inflate; wall-clock time is kept beside it.
 */
function perCall<A>(calls: readonly Call<A>[], run: (hw: ReturnType<Engine['hardware']>, args: A) => unknown): Summary & { calls: number; wall: Summary } {
  const pass = (): void => {
    for (let i = 0; i < calls.length; i++) {
      const c = calls[i] as Call<A>;
      if (run(engine.hardware(c.spec), c.args) !== undefined) sink += 1;
    }
  };
  for (let w = 0; w < WARMUP_PASSES; w++) pass();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const cpuStart = cpuMs();
    const start = nowNs();
    pass();
    wall.push((elapsedMs(start) * 1000) / calls.length);
    cpu.push(((cpuMs() - cpuStart) * 1000) / calls.length);
  }
  return { ...summarize(cpu), calls: calls.length, wall: summarize(wall) };
}

function matrixTime(): Summary & { rows: number; wall: Summary } {
  let rows = 0;
  for (let w = 0; w < WARMUP_PASSES; w++) rows = engine.matrix().length;
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < MATRIX_REPEATS; r++) {
    const cpuStart = cpuMs();
    const start = nowNs();
    rows = engine.matrix().length;
    wall.push(elapsedMs(start));
    cpu.push(cpuMs() - cpuStart);
  }
  return { ...summarize(cpu), rows, wall: summarize(wall) };
}

const result = {
  hardwareSpecs: SPECS.length,
  projections: {
    vision: perCall(visionCalls, (hw, a) => engine.vision(hw, a)),
    llm: perCall(llmCalls, (hw, a) => engine.llm(hw, a)),
    duty: perCall(dutyCalls, (hw, a) => engine.duty(hw, a)),
    budget_row_vision: perCall(visionRowCalls, (hw, a) => engine.visionBudgetRow(hw, a)),
    budget_row_llm: perCall(llmRowCalls, (hw, a) => engine.llmBudgetRow(hw, a)),
  },
  diagnostics: {
    vision_1_stream: perCall(visionSingleCalls, (hw, a) => engine.vision(hw, a)),
    vision_2_to_16_streams: perCall(visionBatchedCalls, (hw, a) => engine.vision(hw, a)),
  },
  matrix: matrixTime(),
  sink,
};
process.stdout.write(JSON.stringify(result) + '\n');
