import { parseArgs } from 'node:util';
import { Args, usageError, type Command, type OptionValues } from './command.js';
import { commands, topics } from './commands.js';
import { errorLine, exitCodeOf, UsageError } from './errors.js';
import { commandHelp, topHelp, topicHelp } from './help.js';

export type Outcome = number | 'serving';

/** Runs a command line; resolves with the exit status, or 'serving' when the process must keep running. */
export async function runCli(argv: string[]): Promise<Outcome> {
  try {
    return await dispatch(argv);
  } catch (error) {
    console.error(errorLine(error));
    return exitCodeOf(error);
  }
}

const isHelp = (word: string | undefined) => word === '--help' || word === '-h' || word === 'help';

async function dispatch(argv: string[]): Promise<Outcome> {
  const [first = 'serve', second] = argv;
  if (isHelp(first)) {
    console.log(topHelp());
    return 0;
  }
  const single = commands.find((command) => command.name.length === 1 && command.name[0] === first);
  if (single) return execute(single, argv.slice(1));
  if (!Object.hasOwn(topics, first)) throw new UsageError(`unknown command "${first}" (see cognate --help)`);
  if (isHelp(second)) {
    console.log(topicHelp(first));
    return 0;
  }
  const inTopic = commands.filter((command) => command.name[0] === first);
  const names = inTopic.map((command) => command.name[1]).join(', ');
  if (second === undefined) throw new UsageError(`${first}: which command? One of ${names} (see cognate ${first} --help)`);
  const command = inTopic.find((candidate) => candidate.name[1] === second);
  if (!command) throw new UsageError(`unknown command "${first} ${second}": one of ${names} (see cognate ${first} --help)`);
  return execute(command, argv.slice(2));
}

async function execute(command: Command, words: string[]): Promise<Outcome> {
  const args = parse(command, words);
  if (!args) {
    console.log(commandHelp(command));
    return 0;
  }
  return (await command.run(args)) === 'serving' ? 'serving' : 0;
}

/** The command's arguments, or undefined when --help asks for its help instead. */
function parse(command: Command, words: string[]): Args | undefined {
  const usage = (problem: string) => usageError(command, problem);
  const options = Object.fromEntries(
    Object.entries(command.options ?? {}).map(([name, { type, multiple, short }]) => [name, { type, ...(multiple ? { multiple } : {}), ...(short ? { short } : {}) }]),
  );
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: words, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    if (!String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) throw error;
    throw usage((error as Error).message.replace(/\. To specify .*$/, '').replace(/\.$/, ''));
  }
  if (parsed.values.help) return undefined;
  const declared = command.arguments ?? [];
  const required = declared.filter((argument) => argument.startsWith('<'));
  if (parsed.positionals.length < required.length) throw usage(`missing ${required[parsed.positionals.length]}`);
  if (parsed.positionals.length > declared.length) throw usage(`unexpected argument "${parsed.positionals[declared.length]}"`);
  return new Args(command, parsed.positionals, parsed.values);
}
