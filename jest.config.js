/** Jest runs the TypeScript sources directly through ts-jest; tests live in tests/ and mirror src/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 60000,
  // The default reporter, then one line saying which reference parity sets ran and which were skipped and why.
  reporters: ['default', '<rootDir>/tests/helpers/parity-reporter.cjs'],
};
