import { commandLine, type Command, type OptionSpec } from './command.js';
import { commands, topics } from './commands.js';

const sentence = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}.`;

const synopsis = (command: Command) => [commandLine(command), ...(command.arguments ?? [])].join(' ');

function columns(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
}

const optionLabel = (name: string, spec: OptionSpec) =>
  `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` <${spec.value ?? 'value'}>` : ''}${spec.multiple ? '...' : ''}`;

export function commandHelp(command: Command): string {
  const options: Array<[string, string]> = [
    ...Object.entries(command.options ?? {}).map(([name, spec]): [string, string] => [optionLabel(name, spec), spec.description]),
    ['-h, --help', 'show this help'],
  ];
  return [`Usage: ${synopsis(command)} [options]`, sentence(command.summary), ...(command.details ? [command.details] : []), `Options:\n${columns(options)}`].join('\n\n');
}

export function topicHelp(topic: string): string {
  const inTopic = commands.filter((command) => command.name[0] === topic);
  return [
    `Usage: cognate ${topic} <command> [options]`,
    sentence(topics[topic] ?? topic),
    `Commands:\n${columns(inTopic.map((command) => [synopsis(command).replace(/^cognate /, ''), command.summary]))}`,
    `Run "cognate ${topic} <command> --help" for a command's options.`,
  ].join('\n\n');
}

export function topHelp(): string {
  return [
    'Usage: cognate [<command>] [options]',
    "Cognate, a self-hosted server that speaks Amazon Cognito's user-pool protocol, and the commands that administer it.",
    `Commands:\n${columns(commands.map((command) => [synopsis(command).replace(/^cognate /, ''), command.summary]))}`,
    'Every command but serve opens the store itself, whether or not a server is running on it, and runs the\n' +
      "server's own operations: give it the server's COGNATE_DATA_DIR, or DATABASE_URL and COGNATE_MASTER_KEY.\n" +
      'Environment: COGNATE_DATA_DIR, DATABASE_URL, COGNATE_MASTER_KEY, COGNATE_CONFIG, COGNATE_PUBLIC_URL, HOST, PORT,\n' +
      'COGNATE_SMTP_URL, COGNATE_SMTP_FROM, COGNATE_SMS_WEBHOOK_URL, COGNATE_REGION, COGNATE_ADMIN_ACCESS_KEY_ID,\n' +
      'COGNATE_ADMIN_SECRET_ACCESS_KEY (README.md describes them).',
    'Run "cognate <command> --help" for a command\'s options.',
  ].join('\n\n');
}
