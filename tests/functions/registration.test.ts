/**
 * Registration comes from the declarations: every SizerFunction any module in src/functions/defs
 * exports is registered, every registered name has a declaration, and leaving any one declared
 * function out of the registry (or registering one nobody declares) is reported by name.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_GROUPS, SIZER_FUNCTIONS } from '../../src/functions/registry';
import { collectFunctionGroups, type DeclaringModule, declaredFunctions, registrationProblems } from '../../src/functions/registry/collect';
import { FUNCTION_GROUP_TITLES } from '../../src/functions/registry/groups';
import { defineFunction, definedFunctions } from '../../src/functions/registry/types';

const DEFS_DIR = join(__dirname, '..', '..', 'src', 'functions', 'defs');

/** Every module in the defs folder, read from the disk (not from the registry's own list of modules). */
const onDisk: Record<string, DeclaringModule> = Object.fromEntries(
  readdirSync(DEFS_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    .map((f) => [f.replace(/\.ts$/, ''), require(join(DEFS_DIR, f)) as DeclaringModule]),
);
const declared = Object.values(onDisk).flatMap(declaredFunctions);
/** Taken before any test defines a function of its own. */
const definedByDefs = definedFunctions();

describe('registration from the declarations', () => {
  it('the defs folder declares functions (the check below is not vacuous)', () => {
    expect(declared.length).toBeGreaterThan(20);
    expect(declared.length).toBe(SIZER_FUNCTIONS.length);
  });

  it('every defineFunction in the defs modules is exported (so it cannot be declared and left unregistered)', () => {
    expect(definedByDefs.filter((fn) => !declared.includes(fn)).map((fn) => fn.name)).toEqual([]);
  });

  it('registers every declared function and nothing else', () => {
    expect(registrationProblems(onDisk, SIZER_FUNCTIONS)).toEqual([]);
  });

  it.each(declared.map((fn) => [fn.name] as const))('a registry without SIZER.%s fails the check', (name) => {
    const missingOne = SIZER_FUNCTIONS.filter((f) => f.name !== name);
    expect(missingOne).toHaveLength(SIZER_FUNCTIONS.length - 1);
    expect(registrationProblems(onDisk, missingOne)).toEqual([expect.stringContaining(`SIZER.${name} is declared in defs/`)]);
  });

  it('a registered function that no defs module declares fails the check', () => {
    const stray = defineFunction({
      name: 'STRAY',
      description: 'not declared in any defs module',
      args: [],
      result: 'number',
      resultHelp: '',
      example: { formula: '=SIZER.STRAY()', answers: '1' },
      implement: () => 1,
    });
    expect(registrationProblems(onDisk, [...SIZER_FUNCTIONS, stray])).toEqual(['SIZER.STRAY is registered but no defs module declares it']);
  });

  it('a defs module left out of the registry loses its functions, and the check names them', () => {
    const withoutVla = Object.fromEntries(Object.entries(onDisk).filter(([m]) => m !== 'vla'));
    const registry = collectFunctionGroups(withoutVla).flatMap((g) => g.functions);
    expect(registrationProblems(onDisk, registry)).toEqual(['SIZER.VLA is declared in defs/vla but not registered']);
  });

  it('refuses a module that declares functions without naming its section', () => {
    const noGroup: Record<string, unknown> = { ...onDisk.vla! };
    delete noGroup.GROUP;
    expect(() => collectFunctionGroups({ vla: noGroup })).toThrow('defs/vla declares VLA but no GROUP');
  });

  it('refuses two declarations of one name', () => {
    const copy = { ...onDisk.vla!, VLA: defineFunction({ ...(onDisk.vla!.VLA as object as Parameters<typeof defineFunction>[0]) }) };
    expect(() => collectFunctionGroups({ vla: onDisk.vla!, copy })).toThrow('SIZER.VLA is declared twice (defs/vla and defs/copy)');
  });

  it('lists the sections in their declared order, each function once', () => {
    const order = Object.keys(FUNCTION_GROUP_TITLES);
    expect(FUNCTION_GROUPS.map((g) => order.indexOf(g.id))).toEqual([...FUNCTION_GROUPS.map((g) => order.indexOf(g.id))].sort((a, b) => a - b));
    expect(new Set(SIZER_FUNCTIONS.map((f) => f.name)).size).toBe(SIZER_FUNCTIONS.length);
  });
});
