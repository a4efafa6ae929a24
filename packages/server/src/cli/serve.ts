import { settingsFromEnv } from '../config/settings.js';
import type { Command } from './command.js';

export const serveCommand: Command = {
  name: ['serve'],
  summary: 'start the server (what `cognate` alone does)',
  details:
    'Applies the config, listens on HOST:PORT and writes amplify_outputs.json for the first pool and client into\n' +
    'the data directory. Environment: HOST, PORT, COGNATE_SMTP_URL, COGNATE_SMTP_FROM, COGNATE_SMS_WEBHOOK_URL,\n' +
    'COGNATE_REGION, COGNATE_ADMIN_ACCESS_KEY_ID, COGNATE_ADMIN_SECRET_ACCESS_KEY, COGNATE_FACEBOOK_GRAPH_URL,\n' +
    'COGNATE_AMAZON_API_URL, COGNATE_GOOGLE_ISSUER_URL, COGNATE_APPLE_ISSUER_URL, COGNATE_LOGIN_PROVIDER_TIMEOUT_MS,\n' +
    'and those of every command.',
  async run() {
    const settings = settingsFromEnv(process.env);
    // Loaded here so the other commands start without the HTTP stack.
    const { startServer } = await import('../server.js');
    const server = await startServer(settings);
    // Installed before the banner: whoever waits for it may stop the server at once.
    const stop = () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    console.log(`Cognate listening on ${server.url} (public URL ${server.publicUrl}, store ${server.store.dialect})`);
    for (const { pool, clients } of server.pools) {
      console.log(`  user pool ${pool.Id} (${pool.Name})`);
      for (const client of clients) console.log(`    app client ${client.ClientId} (${client.ClientName})${client.ClientSecret ? ' with secret' : ''}`);
    }
    console.log(`  amplify_outputs.json in ${settings.dataDir}`);
    if (server.devAdminKey) {
      const { credential, file } = server.devAdminKey;
      console.log(`  admin key for signed (SigV4) operations: access key id ${credential.AccessKeyId}, secret access key ${credential.SecretAccessKey}`);
      console.log(`    generated and kept in ${file}; AdminCredentials in the config or COGNATE_ADMIN_ACCESS_KEY_ID / COGNATE_ADMIN_SECRET_ACCESS_KEY replace it`);
    }
    return 'serving';
  },
};
