import type { Command } from './command.js';
import { configCommands } from './config.js';
import { groupCommands } from './groups.js';
import { outputsCommand } from './outputs.js';
import { poolCommands } from './pools.js';
import { serveCommand } from './serve.js';
import { userCommands } from './users.js';

/** Every command, in the order help lists them; dispatch finds them here by name. */
export const commands: Command[] = [serveCommand, ...userCommands, ...groupCommands, ...poolCommands, ...configCommands, outputsCommand];

/** What the first word of a two-word command covers. */
export const topics: Record<string, string> = {
  users: 'create, change and find users',
  groups: 'groups and their members',
  pools: 'user pools and their app clients',
  config: 'the config file',
};
