#!/usr/bin/env node
import { ConfigError } from './config/load.js';
import { settingsFromEnv } from './config/settings.js';
import { startServer } from './server.js';

const usage = `Usage: cognate [serve]

Starts Cognate, a self-hosted server that speaks Amazon Cognito's user-pool protocol.
Environment: HOST, PORT, COGNATE_DATA_DIR, DATABASE_URL, COGNATE_CONFIG, COGNATE_PUBLIC_URL,
COGNATE_MASTER_KEY, COGNATE_SMTP_URL, COGNATE_SMTP_FROM, COGNATE_SMS_WEBHOOK_URL, COGNATE_REGION,
COGNATE_ADMIN_ACCESS_KEY_ID, COGNATE_ADMIN_SECRET_ACCESS_KEY.`;

async function main(argv: string[]): Promise<number> {
  const command = argv[0] ?? 'serve';
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(usage);
    return 0;
  }
  if (command !== 'serve') {
    console.error(`cognate: unknown command "${command}"\n\n${usage}`);
    return 2;
  }
  const settings = settingsFromEnv(process.env);
  const server = await startServer(settings);
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
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`cognate: invalid config ${error.message}`);
    else console.error(`cognate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
