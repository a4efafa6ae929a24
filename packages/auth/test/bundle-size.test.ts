// What an app pays: an app that configures the library, signs in and fetches the session, bundled
// for browsers (esbuild, minified, gzipped), next to the same app on aws-amplify 6.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outputs = JSON.stringify({
  version: '1.4',
  auth: { aws_region: 'us-east-1', user_pool_id: 'us-east-1_AbC123', user_pool_client_id: 'client1' },
  custom: { cognate: { user_pool_endpoint: 'http://127.0.0.1:9245/' } },
});

/** Minified and gzipped size of `source` bundled for browsers. */
async function bundleSize(source: string): Promise<{ minified: number; gzipped: number; text: string }> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    // The package as an app imports it (the workspace link `npm install` makes may not exist yet).
    alias: { '@cognate/auth': packageDir },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const bytes = result.outputFiles[0]!.contents;
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length, text: new TextDecoder().decode(bytes) };
}

describe('bundle size (esbuild, minified, gzipped, browser target)', () => {
  // 10 KB until fetchAuthSession answered identity-pool credentials (guests, users, federated users): 11 KB since.
  it('configure + signIn + fetchAuthSession stays under 11 KB; the same app with aws-amplify 6 is measured beside it', async () => {
    const ours = await bundleSize(`
      import { configure, signIn, fetchAuthSession } from '@cognate/auth';
      configure(${outputs});
      export async function run(username, password) {
        await signIn({ username, password });
        return (await fetchAuthSession()).tokens;
      }`);
    const amplify = await bundleSize(`
      import { Amplify } from 'aws-amplify';
      import { signIn, fetchAuthSession } from 'aws-amplify/auth';
      Amplify.configure(${outputs});
      export async function run(username, password) {
        await signIn({ username, password });
        return (await fetchAuthSession()).tokens;
      }`);
    console.log(
      `[bundle] @cognate/auth: ${ours.minified} B minified, ${ours.gzipped} B gzipped; ` +
        `aws-amplify 6: ${amplify.minified} B minified, ${amplify.gzipped} B gzipped (${(amplify.gzipped / ours.gzipped).toFixed(1)}×)`,
    );
    expect(ours.gzipped).toBeLessThan(11 * 1024);
    expect(amplify.gzipped).toBeGreaterThan(ours.gzipped);
  });

  it('imports nothing it does not use: the bare import is empty, Cache alone carries no SRP', async () => {
    expect((await bundleSize(`import '@cognate/auth';`)).minified).toBe(0);
    const cacheOnly = await bundleSize(`import { Cache } from '@cognate/auth'; export const get = (k) => Cache.getItem(k);`);
    expect(cacheOnly.text).not.toContain('Caldera Derived Key');
    expect(cacheOnly.gzipped).toBeLessThan(1500);
  });
});
