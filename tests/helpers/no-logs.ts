/**
 * Private data is never logged: captures every console call of each test in the file (and keeps it
 * off the test output), and after each test fails when a line contains one of the given texts.
 */
export function expectNeverLogged(forbidden: readonly string[]): void {
  let logged: string[] = [];
  beforeEach(() => {
    logged = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    }
  });
  afterEach(() => {
    jest.restoreAllMocks();
    for (const line of logged) for (const text of forbidden) expect(line).not.toContain(text);
  });
}
