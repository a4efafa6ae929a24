// Bundles the compiled server into one file for `cognate` and `npm start`: one module instead of
// some nine hundred starts faster and keeps about 10 MB less resident (docs/decisions/0006-bundle.md).
// Native addons and the packages loaded only when configured or first used (pg, nodemailer,
// @simplewebauthn/server) stay outside.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/main.js'],
  outfile: 'dist/cognate.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', '@node-rs/argon2', 'pg', 'nodemailer', '@simplewebauthn/server'],
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
