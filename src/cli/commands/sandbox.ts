import { COMPANY_PROFILE_NAMES, DEFAULT_COMPANY_PROFILE } from '../../sandbox/company.ts';
import { EXIT, UsageError } from '../../core/errors.ts';
import { isValidTimeZone } from '../../core/time.ts';
import { DEFAULT_TIMEZONE, startSandbox } from '../../sandbox/index.ts';
import { defineCommand } from '../command.ts';

/** Parses a numeric flag: undefined gives the fallback; otherwise a finite number within bounds. */
function numberFlag(value: unknown, flag: string, fallback: number, min: number, integer = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    !Number.isFinite(n) ||
    n < min ||
    (integer && !Number.isInteger(n))
  ) {
    throw new UsageError(
      `${flag} must be ${integer ? 'an integer' : 'a number'} >= ${min}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

export const sandboxCommand = defineCommand({
  name: 'sandbox',
  summary: 'Run the local Intacct sandbox (XML gateway + admin API on 127.0.0.1) until stopped',
  description:
    'Generates a seeded multi-entity company and serves it through an imitation of the Sage Intacct XML\n' +
    'gateway at http://127.0.0.1:PORT/ia/xml/xmlgw.phtml, with the admin API (truth, clock, activity,\n' +
    'faults, stats) under /_sandbox. Runs until SIGINT or SIGTERM. With --json, prints one line with the\n' +
    'URL, the admin URL and the credentials to use.',
  usage:
    'sandbox [--port N] [--seed S] [--scale X] [--company NAME] [--latency-ms L] [--concurrency C] [--timezone TZ] [--json]',
  options: {
    port: { type: 'string', placeholder: 'N', description: 'Port on 127.0.0.1 (default 0: a free port)' },
    seed: { type: 'string', placeholder: 'S', description: 'Seed of the generated company (default 1)' },
    scale: {
      type: 'string',
      placeholder: 'X',
      description: 'Company size; 1 is about 50,000 GL lines (default 0.5)',
    },
    company: {
      type: 'string',
      placeholder: 'NAME',
      description: `Company profile: ${COMPANY_PROFILE_NAMES.join(' | ')} (default ${DEFAULT_COMPANY_PROFILE})`,
    },
    'latency-ms': {
      type: 'string',
      placeholder: 'L',
      description: 'Latency added to every gateway request (default 0)',
    },
    'jitter-ms': {
      type: 'string',
      placeholder: 'J',
      description: 'Extra random latency up to J ms (default 0)',
    },
    concurrency: {
      type: 'string',
      placeholder: 'C',
      description: 'Concurrent requests per company before throttling (GW-0010); 0 = unlimited (default)',
    },
    timezone: {
      type: 'string',
      placeholder: 'TZ',
      description: `Company / API user time zone for zone-less timestamps (default ${DEFAULT_TIMEZONE})`,
    },
    json: { type: 'boolean', description: 'Print one JSON line with url, adminUrl and credentials' },
  },
  async run(ctx) {
    const port = numberFlag(ctx.values.port, '--port', 0, 0, true);
    if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
    const seed = numberFlag(ctx.values.seed, '--seed', 1, 0, true);
    const scale = numberFlag(ctx.values.scale, '--scale', 0.5, 0.001);
    const latencyMs = numberFlag(ctx.values['latency-ms'], '--latency-ms', 0, 0);
    const jitterMs = numberFlag(ctx.values['jitter-ms'], '--jitter-ms', 0, 0);
    const concurrency = numberFlag(ctx.values.concurrency, '--concurrency', 0, 0, true);
    const timezone = (ctx.values.timezone as string | undefined) ?? DEFAULT_TIMEZONE;
    if (!isValidTimeZone(timezone))
      throw new UsageError(`--timezone: unknown time zone ${JSON.stringify(timezone)}`);
    const company = (ctx.values.company as string | undefined) ?? DEFAULT_COMPANY_PROFILE;
    if (!(COMPANY_PROFILE_NAMES as readonly string[]).includes(company)) {
      throw new UsageError(
        `--company: unknown sandbox company '${company}'; use one of ${COMPANY_PROFILE_NAMES.join(', ')}`,
      );
    }
    if (ctx.signal.aborted) return EXIT.ok;

    const started = performance.now();
    const sandbox = await startSandbox({
      port,
      seed,
      scale,
      company,
      timezone,
      latencyMs,
      jitterMs,
      concurrency,
    });
    const info = { url: sandbox.url, adminUrl: sandbox.adminUrl, credentials: sandbox.credentials };
    if (ctx.values.json) ctx.stdout.write(`${JSON.stringify(info)}\n`);
    else {
      const c = sandbox.credentials;
      ctx.stdout.write(
        [
          `Intacct sandbox ready in ${Math.round(performance.now() - started)} ms (seed ${seed}, scale ${scale}, company ${company}, ${timezone})`,
          `  gateway:   ${sandbox.url}`,
          `  admin API: ${sandbox.adminUrl}  (GET /truth, POST /advance, GET|POST /faults, GET /stats, GET|POST /clock)`,
          `  sender id: ${c.senderId}   sender password: ${c.senderPassword}`,
          `  company:   ${c.companyId}   user: ${c.userId}   password: ${c.userPassword}`,
          `  entities:  ${sandbox.store.entityList.map((e) => `${e.id} (${e.baseCurrency})`).join(', ')}`,
          'Press Ctrl+C to stop.',
          '',
        ].join('\n'),
      );
    }
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve();
      else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await sandbox.close();
    ctx.logger.info('sandbox stopped');
    return EXIT.ok;
  },
});
