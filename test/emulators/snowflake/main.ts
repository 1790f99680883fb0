/**
 * Starts the Snowflake emulator from the command line, for trying `intacct-elt sync` with
 * `warehouse.type: snowflake` without a Snowflake account (test and dev only; data lives in memory
 * until the process ends).
 *
 *   npx tsx test/emulators/snowflake/main.ts [--port 8085] [--account emulator]
 *
 * Any user logs in with any non-empty password. Prints one JSON line with the URL and account.
 */
import { parseArgs } from 'node:util';
import { startSnowflakeEmulator } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8085' },
    account: { type: 'string', default: 'emulator' },
  },
});

const emulator = await startSnowflakeEmulator({
  port: Number(values.port),
  account: values.account,
});
process.stdout.write(`${JSON.stringify({ url: emulator.url, account: emulator.account })}\n`);
process.stderr.write(`Snowflake emulator listening on ${emulator.url} (Ctrl-C to stop)\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
