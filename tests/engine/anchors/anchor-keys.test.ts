/** data/anchor-keys.json: its schema, and that every key it names exists in the catalog. */
import anchorKeys from '../../../data/anchor-keys.json';
import { anchorKeysFileSchema } from '../../../src/engine/catalog/schemas-anchor-keys';
import { testEngine } from '../../helpers/engine';

const catalog = testEngine().catalog;
const keys = catalog.files['anchor-keys.json'];

describe('anchor-keys.json', () => {
  it('maps the reference catalog models to the three anchor models', () => {
    expect(keys.llmModels).toEqual({
      skippy_finetune: 'qwen3_30b_a3b_moe',
      skippy_moe_router_v1: 'qwen3_30b_a3b_moe',
      skippy_moe_full_v1: 'qwen3_30b_a3b_moe',
      instruct_moe_stock: 'qwen3_30b_a3b_moe',
      qwen3_30b_a3b_moe_fp: 'qwen3_30b_a3b_moe',
      skippy_qwen25_32b_v4: 'qwen25_32b_dense',
      qwen25_32b_dense: 'qwen25_32b_dense',
      qwen25_32b_dense_int8: 'qwen25_32b_dense',
      skippy_7b_v4: 'qwen25_7b_dense',
      qwen25_7b_dense: 'qwen25_7b_dense',
      qwen25_7b_dense_int8: 'qwen25_7b_dense',
    });
    expect(keys.cnnPipelines).toEqual({
      yolov8n_trt_int8_coco128: 'yolov8n_w8',
      yolov8n_trt_int4_coco128: 'yolov8n_w4',
      resnet50v1_int4_224: 'resnet50_w4',
    });
  });

  it('agrees with the rest of the catalog', () => {
    const llm = catalog.files['llm.json'];
    // The anchor-model path projects the reference model, which the model map sends to the same anchor.
    expect(keys.llmModels[llm.referenceModel.key as keyof typeof keys.llmModels]).toBe(keys.anchorModelPath.anchorModel);
    expect(catalog.quantByKey[keys.llmAnchorQuant]).toBeDefined();
    expect(catalog.files['capability.json'].dtypeToCapabilityKey[keys.anchorModelPath.computeDtype]).toBeDefined();
    for (const pipeline of Object.keys(keys.cnnPipelines)) expect(catalog.pipelineByKey[pipeline]?.key).toBe(pipeline);
    for (const tier of [...keys.llmTierCells.map((r) => r.tier), ...Object.keys(keys.cnnTierCells)]) expect(catalog.tierById[tier]?.id).toBe(tier);
  });

  it('rejects an unknown anchor model or cell, and a capability key mapped twice on one tier', () => {
    expect(anchorKeysFileSchema.safeParse(anchorKeys).success).toBe(true);
    expect(anchorKeysFileSchema.safeParse({ ...anchorKeys, llmModels: { skippy_finetune: 'qwen3_31b' } }).success).toBe(false);
    expect(anchorKeysFileSchema.safeParse({ ...anchorKeys, cnnTierCells: { mid: 'mid_int4' } }).success).toBe(false);
    const twice = anchorKeysFileSchema.safeParse({
      ...anchorKeys,
      llmTierCells: [...anchorKeys.llmTierCells, { tier: 'high', capabilityKeys: ['int8'], cell: 'high_fp' }],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.path).toEqual(['llmTierCells', 3, 'capabilityKeys', 0]);
  });
});
