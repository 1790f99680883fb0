/**
 * Starts the BigQuery emulator from the command line, for trying `intacct-elt sync` with
 * `warehouse.type: bigquery` without a Google Cloud project (test and dev only; data lives in memory
 * until the process ends).
 *
 *   npx tsx test/emulators/bigquery/main.ts [--port 9050] [--token emulator-token]
 *
 * Requests must carry `Authorization: Bearer <token>` (any non-empty token without --token).
 * Prints one JSON line with the URL.
 */
import { parseArgs } from 'node:util';
import { startBigQueryEmulator } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9050' },
    token: { type: 'string' },
  },
});

const emulator = await startBigQueryEmulator({
  port: Number(values.port),
  ...(values.token === undefined ? {} : { token: values.token }),
});
process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
process.stderr.write(`BigQuery emulator listening on ${emulator.url} (Ctrl-C to stop)\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
