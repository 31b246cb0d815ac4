import { createBundledEngine, type Engine } from '../../src/engine';

let shared: Engine | undefined;

/** One engine per test file (the engine is immutable, so sharing it across tests is safe). */
export function testEngine(): Engine {
  shared ??= createBundledEngine();
  return shared;
}
