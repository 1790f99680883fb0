/**
 * Reading GLDETAIL from the sandbox at 0 ms latency: rows/s of the intacct client (saxes streaming,
 * entity streams in parallel under the governor) against a plain sequential readByQuery + readMore
 * loop that parses each page whole with fast-xml-parser (the baseline). Both read the same rows:
 * the top level and every entity. Run: `npx tsx bench/client-read.ts [scale]`.
 */
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { request } from 'undici';
import { IntacctClient } from '../src/intacct/client.ts';
import { compileRequest, getAPISession, readByQuery, readMore } from '../src/intacct/envelope.ts';
import { type RunningSandbox, startSandbox } from '../src/sandbox/index.ts';

const FIELDS = '*';

async function post(url: string, xml: string): Promise<string> {
  const res = await request(url, {
    method: 'POST',
    body: xml,
    headers: { 'content-type': 'application/xml' },
  });
  return res.body.text();
}

/** The naive loop most integrations write: one page at a time, each parsed whole. */
async function baseline(sb: RunningSandbox, entities: readonly (string | null)[]): Promise<number> {
  const c = sb.credentials;
  const control = { senderId: c.senderId, senderPassword: c.senderPassword, controlId: 'b', uniqueId: false };
  const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: false, attributeNamePrefix: '' });
  let rows = 0;
  for (const entity of entities) {
    const login = await post(
      sb.url,
      compileRequest({
        control,
        auth: {
          login: {
            userId: c.userId,
            companyId: c.companyId,
            password: c.userPassword,
            ...(entity ? { locationId: entity } : {}),
          },
        },
        functions: [getAPISession('s', null)],
      }),
    );
    const sessionId = String(parser.parse(login).response.operation.result.data.api.sessionid);
    let fn = readByQuery('r', { object: 'GLDETAIL', fields: FIELDS, query: '', pageSize: 1000 });
    for (;;) {
      const doc = parser.parse(
        await post(sb.url, compileRequest({ control, auth: { sessionId }, functions: [fn] })),
      );
      const data = doc.response.operation.result.data;
      const recs =
        data.gldetail === undefined ? [] : Array.isArray(data.gldetail) ? data.gldetail : [data.gldetail];
      rows += recs.length;
      if (Number(data.numremaining) === 0 || !data.resultId) break;
      fn = readMore('m', String(data.resultId));
    }
  }
  return rows;
}

async function withClient(
  sb: RunningSandbox,
  entities: readonly (string | null)[],
  concurrency: number,
): Promise<number> {
  const c = sb.credentials;
  const client = IntacctClient.create({
    endpointUrl: sb.url,
    senderId: c.senderId,
    senderPassword: c.senderPassword,
    companyId: c.companyId,
    userId: c.userId,
    userPassword: c.userPassword,
    timezone: sb.store.timezone,
    concurrency,
  });
  let rows = 0;
  try {
    await Promise.all(
      entities.map(async (entity) => {
        for await (const batch of client.readRecords({
          object: 'GLDETAIL',
          fields: FIELDS,
          entity,
          pageSize: 1000,
        })) {
          rows += batch.length;
        }
      }),
    );
  } finally {
    await client.close();
  }
  return rows;
}

async function timed(fn: () => Promise<number>): Promise<{ rows: number; ms: number }> {
  const t = performance.now();
  const rows = await fn();
  return { rows, ms: performance.now() - t };
}

export async function run(scale = 1): Promise<string> {
  const sb = await startSandbox({ seed: 5, scale, latencyMs: 0 });
  try {
    const c = sb.credentials;
    const probe = IntacctClient.create({
      endpointUrl: sb.url,
      senderId: c.senderId,
      senderPassword: c.senderPassword,
      companyId: c.companyId,
      userId: c.userId,
      userPassword: c.userPassword,
      timezone: sb.store.timezone,
    });
    const entities: (string | null)[] = [null, ...(await probe.listEntities()).map((e) => e.id)];
    await probe.close();
    await withClient(sb, entities, 2); // warm-up (JIT, sockets)
    const runs: [string, () => Promise<number>][] = [
      [
        'baseline: sequential readByQuery + readMore, whole-page fast-xml-parser',
        () => baseline(sb, entities),
      ],
      ['client, concurrency 1 (saxes streaming)', () => withClient(sb, entities, 1)],
      ['client, concurrency 2 (default)', () => withClient(sb, entities, 2)],
      ['client, concurrency 4', () => withClient(sb, entities, 4)],
    ];
    const lines = [
      `### Reading GLDETAIL from the sandbox (scale ${scale}, 0 ms latency, ${entities.length} streams: top level + entities, all fields, pages of 1,000)`,
      '',
      '| reader | rows | seconds | rows/s |',
      '|---|---:|---:|---:|',
    ];
    for (const [name, fn] of runs) {
      const r = await timed(fn);
      lines.push(
        `| ${name} | ${r.rows.toLocaleString('en-US')} | ${(r.ms / 1000).toFixed(2)} | ${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en-US')} |`,
      );
    }
    return lines.join('\n');
  } finally {
    await sb.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run(Number(process.argv[2] ?? 1)).then((text) => process.stdout.write(`${text}\n`));
}
