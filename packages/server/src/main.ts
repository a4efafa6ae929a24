import { runCli } from './cli/run.js';

const outcome = await runCli(process.argv.slice(2));
if (outcome !== 'serving') {
  // Exit only once what was printed is written: on some systems pipes are written asynchronously.
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((written) => stream.write('', written))));
  process.exit(outcome);
}
