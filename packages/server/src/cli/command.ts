import { UsageError } from './errors.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** The value's name in help: `--pool <id>`. */
  value?: string;
  description: string;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** One command of the table that drives help and dispatch. */
export interface Command {
  /** The words that name it: ['users', 'create']. */
  name: string[];
  /** Positional arguments as help shows them; `<x>` is required, `[<x>]` optional. */
  arguments?: string[];
  summary: string;
  /** Paragraphs --help shows under the usage line. */
  details?: string;
  options?: Record<string, OptionSpec>;
  /** Resolves with 'serving' when the process must keep running. */
  run(args: Args): Promise<void | 'serving'>;
}

export const poolOption: Record<string, OptionSpec> = {
  pool: { type: 'string', value: 'id', description: 'the user pool (default: the only, or first created, pool)' },
};

export const jsonOption: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'print JSON, as the matching Cognito operation answers' },
};

export const commandLine = (command: Command) => `cognate ${command.name.join(' ')}`;

export const usageError = (command: Command, problem: string) => new UsageError(`${command.name.join(' ')}: ${problem} (see ${commandLine(command)} --help)`);

/** A command's parsed arguments, with typed accessors that turn bad values into usage errors. */
export class Args {
  constructor(
    readonly command: Command,
    private readonly positionals: string[],
    private readonly values: OptionValues,
  ) {}

  /** A positional argument the command declares as required (parsing checked it is there). */
  positional(index: number): string {
    return this.positionals[index]!;
  }

  optionalPositional(index: number): string | undefined {
    return this.positionals[index];
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  strings(name: string): string[] {
    const value = this.values[name];
    return Array.isArray(value) ? value : [];
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  integer(name: string, minimum: number): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < minimum) {
      throw usageError(this.command, `--${name} must be a whole number of at least ${minimum}, not "${text}"`);
    }
    return value;
  }
}
