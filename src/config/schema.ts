import { z } from 'zod';
import { isValidTimeZone } from '../core/time.ts';
import { OBJECT_NAMES } from '../intacct/objects/index.ts';

/**
 * The one schema for the whole job. Every key has a description (it generates the configuration
 * reference in the README) and, where it may come from the environment, an entry in ENV_VARS.
 * Secrets are listed in SECRET_PATHS: they may come only from the environment or from a file whose
 * path is given in the config (`<key>File`), never inline in a committed file.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

const identifier = z
  .string()
  .regex(
    /^[a-z_][a-z0-9_]{0,62}$/,
    'must be a lower_snake identifier (a-z, 0-9, _; not starting with a digit)',
  );

const endpointUrl = z
  .url('must be a URL such as https://api.intacct.com/ia/xml/xmlgw.phtml')
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
  }, 'must use https (plain http is accepted only for a loopback sandbox)');

const intacct = z
  .object({
    senderId: z.string().min(1).describe('Web Services sender id (your developer licence).'),
    senderPassword: z.string().min(1).describe('Web Services sender password. Secret.'),
    companyId: z.string().min(1).describe('Intacct company id.'),
    userId: z.string().min(1).describe('Web Services user id.'),
    userPassword: z.string().min(1).describe('Web Services user password. Secret.'),
    endpointUrl: endpointUrl
      .default('https://api.intacct.com/ia/xml/xmlgw.phtml')
      .describe('XML gateway URL. https only, except a loopback sandbox.'),
    entities: z
      .array(z.string().min(1))
      .optional()
      .describe('Entity (location) ids to read. Default: every entity, discovered from LOCATIONENTITY.'),
    includeTopLevel: z
      .boolean()
      .default(true)
      .describe('Also read records that live at the top level of a multi-entity company.'),
    timezone: z
      .string()
      .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York')
      .describe(
        "The API user's time zone in Intacct: Intacct's timestamps carry no zone and are read in this one.",
      ),
    concurrency: z.coerce
      .number()
      .int()
      .min(1)
      .max(32)
      .default(2)
      .describe("Concurrent API requests for the company; match your Intacct performance tier's limit."),
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(2000)
      .default(1000)
      .describe('Records per page (readByQuery caps at 1000).'),
    requestTimeoutSeconds: z.coerce
      .number()
      .int()
      .min(5)
      .max(3600)
      .default(300)
      .describe('Timeout for one API request.'),
  })
  .strict();

const duckdb = z
  .object({
    type: z.literal('duckdb'),
    path: z
      .string()
      .min(1)
      .default('warehouse.duckdb')
      .describe('DuckDB database file (created if missing).'),
    memoryLimit: z
      .string()
      .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i, 'must be a size such as 256MB or 1GB')
      .optional()
      .describe(
        "DuckDB's buffer pool and operator memory, default 128MB (beyond it DuckDB spills to the database's temp directory). The pool caches table blocks up to this limit, so it bounds the job's peak however large the load; raise it if a large models build reports DuckDB 'Out of Memory'. With serialMerges false, keep it at 512MB or more; see bench/RESULTS.md.",
      ),
    threads: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .optional()
      .describe(
        "DuckDB worker threads, default the number of cores. Each thread keeps its own buffers and malloc arena, so fewer threads cost less memory; a sync's MERGEs are small and gain little from many.",
      ),
    serialMerges: z
      .boolean()
      .optional()
      .describe(
        'Run MERGEs one at a time (default true): one MERGE hash table in memory at a time, at no measured cost in throughput since other streams keep reading meanwhile; false runs them side by side (then give memoryLimit 512MB or more).',
      ),
    rowsPerMerge: z.coerce
      .number()
      .int()
      .min(100)
      .optional()
      .describe(
        "Rows a stream stages before it merges them into the raw table and stages the rest afresh, default 20,000. It bounds the memory one merge needs however large the read (a first sync reads each entity's GL whole); raise it together with memoryLimit for fewer, larger merges.",
      ),
  })
  .strict();

const snowflakeAccessUrl = z
  .url('must be a URL such as https://myorg-myaccount.snowflakecomputing.com')
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
  }, 'must use https (plain http is accepted only for a loopback emulator)');

const snowflake = z
  .object({
    type: z.literal('snowflake'),
    account: z
      .string()
      .regex(/^\w+([.-]\w+)*$/, 'must be an account identifier such as myorg-myaccount')
      .describe('Snowflake account identifier (orgname-accountname, or the account locator).'),
    username: z.string().min(1).describe('Snowflake user.'),
    password: z.string().min(1).optional().describe('Password of the user. Secret. Give this or privateKey.'),
    privateKey: z
      .string()
      .min(1)
      .optional()
      .describe('PEM private key for key-pair (JWT) authentication. Secret. Give this or password.'),
    privateKeyPassphrase: z
      .string()
      .min(1)
      .optional()
      .describe('Passphrase of an encrypted private key. Secret.'),
    database: z.string().min(1).describe('Database holding the staging, raw and analytics schemas.'),
    warehouse: z.string().min(1).optional().describe('Virtual warehouse to run in.'),
    role: z.string().min(1).optional().describe('Role to assume.'),
    accessUrl: snowflakeAccessUrl
      .optional()
      .describe('Override of the account URL. https only, except a loopback emulator.'),
    stageConcurrency: z.coerce
      .number()
      .int()
      .min(1)
      .max(16)
      .default(4)
      .describe('Staged files uploaded (PUT) at once per table load.'),
  })
  .strict()
  .refine((s) => s.password !== undefined || s.privateKey !== undefined, {
    path: ['password'],
    message:
      'is required: set SNOWFLAKE_PASSWORD (or passwordFile), or use key-pair authentication with SNOWFLAKE_PRIVATE_KEY (or privateKeyFile)',
  })
  .refine((s) => s.password === undefined || s.privateKey === undefined, {
    path: ['privateKey'],
    message: 'give either a password or a private key, not both',
  });

const bigquery = z
  .object({
    type: z.literal('bigquery'),
    projectId: z.string().min(1).describe('Google Cloud project id.'),
    location: z.string().min(1).default('US').describe('Dataset location.'),
    keyFilename: z
      .string()
      .min(1)
      .optional()
      .describe('Service-account key file (one of keyFilename or accessToken is required).'),
    accessToken: z
      .string()
      .min(1)
      .optional()
      .describe('An OAuth2 access token to use instead of a key file (short-lived; the emulator). Secret.'),
    apiEndpoint: z
      .url()
      .refine((value) => {
        const url = new URL(value);
        return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
      }, 'must use https (plain http is accepted only for a loopback emulator)')
      .optional()
      .describe('Override of the BigQuery API endpoint (the loopback emulator in tests).'),
  })
  .strict()
  .refine((c) => c.keyFilename !== undefined || c.accessToken !== undefined, {
    message:
      'BigQuery needs credentials: set keyFilename (GOOGLE_APPLICATION_CREDENTIALS) or accessToken (BIGQUERY_ACCESS_TOKEN)',
    path: ['keyFilename'],
  });

const warehouse = z
  .discriminatedUnion('type', [duckdb, snowflake, bigquery])
  .default({ type: 'duckdb', path: 'warehouse.duckdb' })
  .describe('Where the data goes: duckdb (default), snowflake or bigquery.');

const objectName = z.string().refine((name) => OBJECT_NAMES.includes(name), {
  error: (issue) =>
    `unknown object ${JSON.stringify(issue.input)}; the catalog has ${OBJECT_NAMES.join(', ')}`,
});

const objects = z
  .object({
    include: z
      .array(objectName)
      .optional()
      .describe('Objects to sync. Default: every object in the catalog.'),
    exclude: z.array(objectName).default([]).describe('Objects to leave out.'),
  })
  .strict()
  .default({ exclude: [] });

const sync = z
  .object({
    lookbackMinutes: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Overlap re-read on each incremental run. Default: each object's own lookback."),
    safetyLagSeconds: z.coerce
      .number()
      .int()
      .min(0)
      .default(120)
      .describe(
        'The window ends this long before the run starts, so records still being written are not missed.',
      ),
    schemaPolicy: z
      .enum(['evolve', 'freeze'])
      .default('evolve')
      .describe('evolve: new Intacct fields become new nullable columns; freeze: a new field fails the run.'),
    backfillSliceDays: z.coerce
      .number()
      .int()
      .min(1)
      .default(31)
      .describe(
        'Backfills of large objects whose keys are not numeric split them into time slices of this many days, read in parallel.',
      ),
    backfillSliceRows: z.coerce
      .number()
      .int()
      .min(100)
      .default(20_000)
      .describe(
        'Backfills split large objects into slices of about this many records by key range (RECORDNO), read in parallel; each slice is one staged file and one MERGE.',
      ),
    reconcileDeletes: z
      .boolean()
      .default(false)
      .describe('Run key reconciliation (soft-delete what vanished from Intacct) on every sync.'),
    definitionMaxAgeHours: z.coerce
      .number()
      .min(0)
      .default(24)
      .describe(
        "Re-read an object's definition from the company (lookup) when the cached one is older than this; " +
          'it is also re-read whenever Intacct refuses a field. 0 reads it every run.',
      ),
    probeUnchanged: z
      .boolean()
      .default(true)
      .describe(
        "Before reading, ask Intacct for each incremental stream's count and newest record in one request per entity " +
          "(up to 50 streams a request) and skip the streams whose count equals the warehouse's and that hold nothing newer " +
          'than the watermark; any probe failure reads the stream. false reads every stream.',
      ),
  })
  .strict()
  .default({
    safetyLagSeconds: 120,
    schemaPolicy: 'evolve',
    backfillSliceDays: 31,
    backfillSliceRows: 20_000,
    reconcileDeletes: false,
    definitionMaxAgeHours: 24,
    probeUnchanged: true,
  });

const schemas = z
  .object({
    staging: identifier.default('intacct_staging').describe('Schema for per-run staging tables.'),
    raw: identifier
      .default('intacct_raw')
      .describe('Schema for deduplicated raw tables, one per Intacct object.'),
    analytics: identifier.default('analytics').describe('Schema for models (star schema).'),
  })
  .strict()
  .default({ staging: 'intacct_staging', raw: 'intacct_raw', analytics: 'analytics' });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

const approvals = z
  .object({
    threshold: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'must be a decimal amount such as 10000.00')
      .optional()
      .describe(
        'Bills above this amount wait for a Slack approval before they are posted. Default: none wait.',
      ),
    slackWebhookUrl: z
      .url()
      .optional()
      .describe('Slack incoming-webhook URL the approval requests are posted to. Secret.'),
    slackSigningSecret: z
      .string()
      .min(1)
      .optional()
      .describe("The Slack app's signing secret; callbacks without a valid signature are refused. Secret."),
    host: z
      .string()
      .min(1)
      .default('127.0.0.1')
      .describe(
        'Address `approvals serve` listens on; keep loopback and put a reverse proxy or tunnel in front.',
      ),
    port: z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(8787)
      .describe('Port `approvals serve` listens on.'),
  })
  .strict()
  .default({ host: '127.0.0.1', port: 8787 });

const reverse = z
  .object({
    batchSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(50)
      .describe('Write functions sent per request by `push`.'),
    closedThrough: z
      .record(z.string().min(1), isoDate)
      .default({})
      .describe(
        "Entity id to the date its books are closed through; records dated on or before it are rejected before sending (Intacct's own refusal is the backstop).",
      ),
    planFile: z
      .string()
      .min(1)
      .default('reverse-plan.json')
      .describe('File the plan of each `push` (and `push --dry-run`) is written to, besides the warehouse.'),
    approvals,
  })
  .strict()
  .default({
    batchSize: 50,
    closedThrough: {},
    planFile: 'reverse-plan.json',
    approvals: { host: '127.0.0.1', port: 8787 },
  });

const logging = z
  .object({
    level: z.enum(['debug', 'info', 'warn', 'error']).default('info').describe('Least severe level logged.'),
  })
  .strict()
  .default({ level: 'info' });

const mcp = z
  .object({
    host: z
      .string()
      .min(1)
      .default('127.0.0.1')
      .describe(
        'Address the HTTP transport listens on (loopback by default; anything else exposes the books).',
      ),
    port: z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(8765)
      .describe('Port of the HTTP transport (0: any free port).'),
    token: z
      .string()
      .min(16)
      .optional()
      .describe(
        'Bearer token every HTTP request must present (at least 16 characters); not needed for stdio.',
      ),
    entities: z
      .array(z.string().min(1))
      .default([])
      .describe('Entities the gateway answers about (allow-list). Empty: every entity.'),
    writes: z
      .array(z.string().min(1))
      .default([])
      .describe('Write tools enabled by name. Empty (default): the gateway is read-only.'),
    maxRows: z.coerce
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(500)
      .describe('Largest page any tool returns.'),
  })
  .strict()
  .default({ host: '127.0.0.1', port: 8765, entities: [], writes: [], maxRows: 500 })
  .describe('The agent gateway (intacct-elt mcp): an MCP server over the warehouse marts.');

const pollUrl = z
  .string()
  .min(1)
  .refine((value) => {
    if (!/^https?:/.test(value)) return true; // a file path
    const url = new URL(value);
    return url.protocol === 'https:' || isLoopbackUrl(url);
  }, 'must be a file path or a URL (https, or plain http on loopback)');

const events = z
  .object({
    host: z
      .string()
      .min(1)
      .default('127.0.0.1')
      .describe(
        'Address `events serve` listens on; keep loopback and put a reverse proxy or tunnel in front.',
      ),
    port: z.coerce.number().int().min(0).max(65535).default(8790).describe('Port `events serve` listens on.'),
    stripeSecret: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The Stripe endpoint's signing secret (whsec_…); the Stripe receiver is off without it. Secret.",
      ),
    chargebeeUsername: z
      .string()
      .min(1)
      .optional()
      .describe('Basic-auth username set on the Chargebee webhook.'),
    chargebeePassword: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Basic-auth password set on the Chargebee webhook; the Chargebee receiver is off without it. Secret.',
      ),
    salesforceSecret: z
      .string()
      .min(16)
      .optional()
      .describe('Shared HMAC secret of the Salesforce Closed-Won callout (docs/events.md). Secret.'),
    payrollSecret: z
      .string()
      .min(16)
      .optional()
      .describe('Shared HMAC secret of the generic payroll/time webhook. Secret.'),
    toleranceSeconds: z.coerce
      .number()
      .int()
      .min(1)
      .max(3600)
      .default(300)
      .describe('Signed requests whose timestamp is further than this from now are refused as replays.'),
    debounceMs: z.coerce
      .number()
      .int()
      .min(0)
      .max(60_000)
      .default(250)
      .describe('The worker waits this long after an event arrives, so a burst becomes one batched request.'),
    maxBatch: z.coerce.number().int().min(1).max(10_000).default(2000).describe('Events per worker batch.'),
    maxAttempts: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(8)
      .describe('Failed posting attempts before an event goes to the dead-letter table.'),
    maxWaitMinutes: z.coerce
      .number()
      .min(0)
      .default(1440)
      .describe(
        'How long an out-of-order event waits for what it needs (its payment intent, its invoice) before it is dead-lettered.',
      ),
    retryBaseSeconds: z.coerce
      .number()
      .min(0)
      .default(2)
      .describe('First retry delay of a failed event; it doubles per attempt.'),
    leaseSeconds: z.coerce
      .number()
      .int()
      .min(2)
      .max(3600)
      .default(30)
      .describe(
        'The worker holds a lease so two workers never post from one queue; a killed worker frees it after this.',
      ),
    adpPoll: z
      .object({
        url: pollUrl.describe(
          'Feed asked for what changed since the watermark: an https URL or a JSON file.',
        ),
        token: z.string().min(1).optional().describe('Bearer token sent to the feed. Secret.'),
      })
      .strict()
      .optional()
      .describe(
        'Polling fallback for ADP (no webhooks): `events poll --source adp`, usually from a schedule.',
      ),
  })
  .strict()
  .default({
    host: '127.0.0.1',
    port: 8790,
    toleranceSeconds: 300,
    debounceMs: 250,
    maxBatch: 2000,
    maxAttempts: 8,
    maxWaitMinutes: 1440,
    retryBaseSeconds: 2,
    leaseSeconds: 30,
  })
  .describe(
    'Event-driven flows (`events serve`, `events retry`, `events poll`): webhooks to postings in seconds.',
  );

/** The alert kinds a webhook can be sent for (see src/ops/alerts.ts). */
export const ALERT_KINDS = ['run-failure', 'data-test-failure', 'reverse-rejected', 'stale-objects'] as const;

const webhookUrl = z.url('must be a URL such as https://hooks.slack.com/services/…').refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
}, 'must use https (plain http is accepted only on loopback)');

const alerts = z
  .object({
    webhookUrl: webhookUrl
      .optional()
      .describe(
        'Incoming-webhook URL that receives Slack-compatible JSON alerts. Secret. No alerts when unset.',
      ),
    on: z
      .array(z.enum(ALERT_KINDS))
      .default([...ALERT_KINDS])
      .describe(`Which alerts to send: ${ALERT_KINDS.join(', ')}.`),
    retries: z.coerce
      .number()
      .int()
      .min(0)
      .max(10)
      .default(3)
      .describe('Retries of a failed webhook call (network errors, 429 and 5xx), with backoff.'),
    timeoutSeconds: z.coerce
      .number()
      .int()
      .min(1)
      .max(120)
      .default(10)
      .describe('Timeout of one webhook call.'),
  })
  .strict()
  .default({ on: [...ALERT_KINDS], retries: 3, timeoutSeconds: 10 });

const freshness = z
  .object({
    defaultMaxAgeMinutes: z.coerce
      .number()
      .int()
      .min(1)
      .default(1560)
      .describe(
        'An object and entity is stale when its last successful load is older than this (default 26 h: a nightly load plus slack).',
      ),
    objects: z
      .record(objectName, z.coerce.number().int().min(1))
      .default({})
      .describe('Per-object thresholds in minutes, e.g. { GLDETAIL: 180 } for an hourly load.'),
  })
  .strict()
  .default({ defaultMaxAgeMinutes: 1560, objects: {} });

/** Seconds a run gets after SIGTERM to merge and write state; Kubernetes pods get a little more. */
export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 60;

const ops = z
  .object({
    shutdownGraceSeconds: z.coerce
      .number()
      .int()
      .min(1)
      .max(3600)
      .default(DEFAULT_SHUTDOWN_GRACE_SECONDS)
      .describe(
        'After SIGTERM/SIGINT a run finishes the pages in hand, merges, writes state and exits 75; past this many seconds it cancels requests and exits at once.',
      ),
    // Tier 1 includes 100,000 API transactions a month; overage is billed, not blocked
    // (shared/reference/intacct-protocol-facts.md §7, medium confidence). Set your contract's number.
    apiCallsPerMonth: z.coerce
      .number()
      .int()
      .min(1)
      .default(100_000)
      .describe(
        "Your performance tier's monthly API transaction allowance; the run report shows this month's use against it.",
      ),
  })
  .strict()
  .default({ shutdownGraceSeconds: DEFAULT_SHUTDOWN_GRACE_SECONDS, apiCallsPerMonth: 100_000 });

export const configSchema = z
  .object({
    intacct: intacct.describe('The Intacct company and the Web Services credentials.'),
    warehouse,
    objects,
    sync,
    schemas,
    reverse: reverse.describe('Reverse ETL: posting models back into Intacct (`push`, `approvals serve`).'),
    logging,
    alerts,
    freshness,
    ops,
    mcp,
    events,
  })
  .strict();

export type JobConfig = z.infer<typeof configSchema>;
export type WarehouseConfig = JobConfig['warehouse'];
export type SchemaNames = JobConfig['schemas'];
export type IntacctConfig = JobConfig['intacct'];

/** Key paths of secret values: only from the environment or from `<path>File`. */
export const SECRET_PATHS = [
  'intacct.senderPassword',
  'intacct.userPassword',
  'warehouse.password',
  'warehouse.accessToken',
  'warehouse.privateKey',
  'warehouse.privateKeyPassphrase',
  'alerts.webhookUrl',
  'reverse.approvals.slackWebhookUrl',
  'reverse.approvals.slackSigningSecret',
  'mcp.token',
  'events.stripeSecret',
  'events.chargebeePassword',
  'events.salesforceSecret',
  'events.payrollSecret',
  'events.adpPoll.token',
] as const;

export interface EnvVar {
  readonly name: string;
  readonly path: string;
  /** How the text of the variable becomes a value. */
  readonly parse?: 'list' | 'boolean';
}

/** Environment variables, applied over the config file. */
export const ENV_VARS: readonly EnvVar[] = [
  { name: 'INTACCT_SENDER_ID', path: 'intacct.senderId' },
  { name: 'INTACCT_SENDER_PASSWORD', path: 'intacct.senderPassword' },
  { name: 'INTACCT_COMPANY_ID', path: 'intacct.companyId' },
  { name: 'INTACCT_USER_ID', path: 'intacct.userId' },
  { name: 'INTACCT_USER_PASSWORD', path: 'intacct.userPassword' },
  { name: 'INTACCT_ENDPOINT_URL', path: 'intacct.endpointUrl' },
  { name: 'INTACCT_ENTITIES', path: 'intacct.entities', parse: 'list' },
  { name: 'INTACCT_TIMEZONE', path: 'intacct.timezone' },
  { name: 'INTACCT_CONCURRENCY', path: 'intacct.concurrency' },
  { name: 'INTACCT_PAGE_SIZE', path: 'intacct.pageSize' },
  { name: 'INTACCT_ELT_WAREHOUSE', path: 'warehouse.type' },
  { name: 'INTACCT_ELT_DUCKDB_PATH', path: 'warehouse.path' },
  { name: 'INTACCT_ELT_DUCKDB_MEMORY_LIMIT', path: 'warehouse.memoryLimit' },
  { name: 'INTACCT_ELT_DUCKDB_THREADS', path: 'warehouse.threads' },
  { name: 'SNOWFLAKE_ACCOUNT', path: 'warehouse.account' },
  { name: 'SNOWFLAKE_USER', path: 'warehouse.username' },
  { name: 'SNOWFLAKE_PASSWORD', path: 'warehouse.password' },
  { name: 'SNOWFLAKE_PRIVATE_KEY', path: 'warehouse.privateKey' },
  { name: 'SNOWFLAKE_PRIVATE_KEY_PASSPHRASE', path: 'warehouse.privateKeyPassphrase' },
  { name: 'SNOWFLAKE_ACCESS_URL', path: 'warehouse.accessUrl' },
  { name: 'SNOWFLAKE_DATABASE', path: 'warehouse.database' },
  { name: 'SNOWFLAKE_WAREHOUSE', path: 'warehouse.warehouse' },
  { name: 'SNOWFLAKE_ROLE', path: 'warehouse.role' },
  { name: 'BIGQUERY_PROJECT_ID', path: 'warehouse.projectId' },
  { name: 'BIGQUERY_LOCATION', path: 'warehouse.location' },
  { name: 'GOOGLE_APPLICATION_CREDENTIALS', path: 'warehouse.keyFilename' },
  { name: 'BIGQUERY_ACCESS_TOKEN', path: 'warehouse.accessToken' },
  { name: 'BIGQUERY_API_ENDPOINT', path: 'warehouse.apiEndpoint' },
  { name: 'INTACCT_ELT_SCHEMA_POLICY', path: 'sync.schemaPolicy' },
  { name: 'INTACCT_ELT_LOG_LEVEL', path: 'logging.level' },
  { name: 'INTACCT_ELT_ALERT_WEBHOOK_URL', path: 'alerts.webhookUrl' },
  { name: 'INTACCT_ELT_SHUTDOWN_GRACE_SECONDS', path: 'ops.shutdownGraceSeconds' },
  { name: 'SLACK_WEBHOOK_URL', path: 'reverse.approvals.slackWebhookUrl' },
  { name: 'SLACK_SIGNING_SECRET', path: 'reverse.approvals.slackSigningSecret' },
  { name: 'INTACCT_ELT_MCP_TOKEN', path: 'mcp.token' },
  { name: 'INTACCT_ELT_MCP_ENTITIES', path: 'mcp.entities', parse: 'list' },
  { name: 'STRIPE_WEBHOOK_SECRET', path: 'events.stripeSecret' },
  { name: 'CHARGEBEE_WEBHOOK_USERNAME', path: 'events.chargebeeUsername' },
  { name: 'CHARGEBEE_WEBHOOK_PASSWORD', path: 'events.chargebeePassword' },
  { name: 'SALESFORCE_WEBHOOK_SECRET', path: 'events.salesforceSecret' },
  { name: 'INTACCT_ELT_PAYROLL_WEBHOOK_SECRET', path: 'events.payrollSecret' },
  { name: 'ADP_POLL_TOKEN', path: 'events.adpPoll.token' },
];
