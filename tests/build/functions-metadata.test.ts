/**
 * functions.json comes from the JSDoc in src/functions/functions.ts; this runs the same generator the
 * webpack plugin uses (custom-functions-metadata) and checks what Excel will be told.
 */
import path from 'path';
import { generateCustomFunctionsMetadata, IGenerateResult } from 'custom-functions-metadata';

const FUNCTIONS_TS = path.resolve(__dirname, '../../src/functions/functions.ts');

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: unknown[];
  result?: { type?: string };
}

describe('custom functions metadata', () => {
  let generated: IGenerateResult;
  let functions: FunctionMetadata[];

  beforeAll(async () => {
    generated = await generateCustomFunctionsMetadata(FUNCTIONS_TS, false);
    functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
  });

  it('generates without errors', () => {
    expect(generated.errors).toEqual([]);
  });

  it('declares VERSION with its description, no parameters and a string result', () => {
    const fn = functions.find((f) => f.id === 'VERSION');
    expect(fn).toMatchObject({
      name: 'VERSION',
      description: 'Returns the version of the SIZER for Excel add-in.',
      parameters: [],
      result: { type: 'string' },
    });
  });

  it('associates VERSION with the exported implementation', () => {
    expect(generated.associate).toContainEqual(expect.objectContaining({ id: 'VERSION', functionName: 'version' }));
  });
});
