import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../src/config/load.js';

const examples = fileURLToPath(new URL('../../../../../examples/', import.meta.url));

describe('the example configs', () => {
  it.each(readdirSync(examples).filter((f) => f.endsWith('.json')))('%s is a valid config', (file) => {
    expect(loadConfigFile(`${examples}${file}`).UserPools?.length).toBeGreaterThan(0);
  });
});
