import { resolve } from 'node:path';
import { jsonOption, type Command } from './command.js';
import { printJson } from './print.js';
import { withSession } from './session.js';

export const configCommands: Command[] = [
  {
    name: ['config', 'apply'],
    arguments: ['[<file>]'],
    summary: 'apply a config file to the store, as the server does at start',
    details:
      'Without <file>: COGNATE_CONFIG, else ./cognate.config.json, else the default config (one pool, one client).\n' +
      'Pools and clients without pinned ids are found again by name, so applying twice changes nothing.',
    options: jsonOption,
    run: (args) =>
      withSession(async (session) => {
        const { applyConfig } = await import('../config/apply.js');
        const { defaultConfig, loadConfigFile } = await import('../config/load.js');
        const file = args.optionalPositional(0);
        const path = file === undefined ? session.settings.configPath : resolve(file);
        const config = path ? loadConfigFile(path) : defaultConfig;
        const applied = await applyConfig(session.context, config, config.Region ?? session.settings.region);
        if (args.flag('json')) {
          return printJson({
            UserPools: applied.map(({ pool, clients }) => ({ Id: pool.Id, Name: pool.Name, Clients: clients.map(({ ClientId, ClientName }) => ({ ClientId, ClientName })) })),
          });
        }
        console.log(`Applied ${path ?? 'the default config'}:`);
        for (const { pool, clients } of applied) {
          console.log(`  user pool ${pool.Id} (${pool.Name})`);
          for (const client of clients) console.log(`    app client ${client.ClientId} (${client.ClientName})${client.ClientSecret ? ' with secret' : ''}`);
        }
      }),
  },
];
