#!/usr/bin/env node
/**
 * npm run validate: validates manifest.xml with `office-addin-manifest validate`, which posts it to
 * Microsoft's online validation service. When that service cannot be reached (offline, firewalled CI, or a
 * service error), it says so and falls back to the offline check in manifest-offline-check.mjs instead of
 * failing: a manifest the service actually rejects still fails.
 *
 * Usage: node scripts/validate-manifest.mjs [--offline] [manifest.xml]
 *        npm run validate -- dist/manifest.xml   (the deployable manifest of `npm run build -- --env publicUrl=...`)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkManifest } from './manifest-offline-check.mjs';

const args = process.argv.slice(2);
const offlineOnly = args.includes('--offline');
// The last path given: `npm run validate -- dist/manifest.xml` appends to the script's own manifest.xml.
const manifestPath = args.filter((arg) => !arg.startsWith('--')).at(-1) ?? 'manifest.xml';

/** Runs the official validator; returns 'valid', 'invalid', or the reason it could not run. */
function validateOnline() {
  const cli = createRequire(import.meta.url).resolve('office-addin-manifest/cli.js');
  const run = spawnSync(process.execPath, [cli, 'validate', manifestPath], { encoding: 'utf8', timeout: 120_000 });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  process.stdout.write(output);
  if (run.error) return { result: 'unreachable', reason: run.error.message };
  if (run.status === 0) return { result: 'valid' };
  // These are the validator's own messages for "no answer" (network error) and "bad answer" (HTTP error).
  const unreachable = /Unable to contact the manifest validation service|Unable to validate the manifest/.exec(output);
  return unreachable ? { result: 'unreachable', reason: unreachable[0] } : { result: 'invalid' };
}

function validateOffline() {
  const problems = checkManifest(readFileSync(manifestPath, 'utf8'));
  for (const problem of problems) console.log(`  ${problem}`);
  console.log(
    problems.length === 0
      ? `Offline check passed for ${manifestPath} (well-formedness and add-in rules, not the full Office schema).`
      : `Offline check found ${problems.length} problem(s) in ${manifestPath}.`,
  );
  return problems.length === 0;
}

if (offlineOnly) {
  process.exitCode = validateOffline() ? 0 : 1;
} else {
  const online = validateOnline();
  if (online.result === 'unreachable') {
    console.log(`\nThe online manifest validation service is unavailable (${online.reason}).`);
    console.log('Falling back to the offline check; run `npm run validate` again with network access for the official verdict.');
    process.exitCode = validateOffline() ? 0 : 1;
  } else {
    process.exitCode = online.result === 'valid' ? 0 : 1;
  }
}
