// The public types do what apps rely on: test/types/narrowing.ts (and every test) must compile,
// including its @ts-expect-error lines: `switch (error.name)` and `switch (nextStep.signInStep)`
// narrow, and wrong names are compile errors.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('public types', () => {
  it('type-check: error names and sign-in steps narrow, misspelt names are errors', async () => {
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', dirname(fileURLToPath(import.meta.url))]).catch((error: { stdout: string }) => error);
    expect(result.stdout).toBe('');
  }, 60_000);
});
