import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_OBJECTS } from '../../src/sandbox/catalog.ts';
import { generateCompany } from '../../src/sandbox/generator.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { READ_STYLES, renderData, renderDataPieces } from '../../src/sandbox/protocol/records.ts';
import type { SandboxStore } from '../../src/sandbox/store.ts';
import { admin, envelope } from './sandbox-xml.ts';

// The fast way of serving record pages (cached result sets cut at a keyset bound, compiled record
// renderer, responses encoded from pieces into reused memory) against the general way (scan, filter,
// sort, render field by field, one joined string), byte for byte, over two sandboxes sharing one
// company, before and after records change through a write and through the activity generator.
let store: SandboxStore;
let fast: RunningSandbox;
let general: RunningSandbox;
let n = 0;

const ENTITIES = ['US1', 'UK1', 'DE1'];

beforeAll(async () => {
  store = generateCompany({ seed: 11, scale: 0.05 });
  fast = await startSandbox({ store });
  general = await startSandbox({ store, pageServing: 'general' });
});
afterAll(async () => {
  await fast.close();
  await general.close();
});

async function raw(sb: RunningSandbox, fnXml: string, locationId: string | undefined): Promise<Buffer> {
  const body = envelope({ creds: sb.credentials, functions: [[`p-${++n}`, fnXml]], locationId });
  const res = await request(sb.url, { method: 'POST', body, headers: { 'content-type': 'application/xml' } });
  expect(res.statusCode).toBe(200);
  return Buffer.from(await res.body.arrayBuffer());
}

// What differs between two sandboxes by design: the request's control ids, the login's clock
// stamps, readByQuery's random result ids and the error support ids (a counter per sandbox).
// Everything else must be the same bytes.
function comparable(b: Buffer): string {
  return b
    .toString('latin1')
    .replace(/<controlid>[^<]*<\/controlid>/g, '<controlid/>')
    .replace(/<session(timestamp|timeout)>[^<]*</g, '<session$1><')
    .replace(/resultId="[^"]+"/g, 'resultId="…"')
    .replace(/\[Support ID: [^\]]*\]/g, '[Support ID]');
}

/** The same request to both sandboxes; returns the fast answer after checking the general one equals it. */
async function same(fnXml: string, locationId: string | undefined = 'US1'): Promise<string> {
  const a = comparable(await raw(fast, fnXml, locationId));
  const b = comparable(await raw(general, fnXml, locationId));
  expect(a.length).toBeGreaterThan(0);
  expect(a, fnXml.slice(0, 300)).toBe(b);
  return a;
}

const GL_FIELDS = SANDBOX_OBJECTS.find((d) => d.name === 'GLDETAIL')?.fields.map((f) => f.name) ?? [];
const select = (fields: readonly string[]) =>
  `<select>${fields.map((f) => `<field>${f}</field>`).join('')}</select>`;
// The backfill's window, as the job writes it.
const WINDOW =
  '<or><and><greaterthanorequalto><field>WHENMODIFIED</field><value>12/31/1999 16:00:00</value></greaterthanorequalto><lessthanorequalto><field>WHENMODIFIED</field><value>12/31/2099 16:00:00</value></lessthanorequalto></and><and><isnull><field>WHENMODIFIED</field></isnull><greaterthanorequalto><field>WHENCREATED</field><value>12/31/1999</value></greaterthanorequalto><lessthanorequalto><field>WHENCREATED</field><value>01/02/2100</value></lessthanorequalto></and></or>';

function keysetQuery(after: string | null, pageSize: number, op = 'greaterthan', value = after): string {
  const filter =
    after === null
      ? WINDOW
      : `<and>${WINDOW}<${op}><field>RECORDNO</field><value>${value}</value></${op}></and>`;
  return `<query>${select(GL_FIELDS)}<object>GLDETAIL</object><filter>${filter}</filter><orderby><order><field>RECORDNO</field><ascending/></order></orderby><options><caseinsensitive>false</caseinsensitive><showprivate>false</showprivate></options><pagesize>${pageSize}</pagesize><offset>0</offset></query>`;
}

const lastKey = (answer: string) => [...answer.matchAll(/<GLDETAIL><RECORDNO>(\d+)</g)].pop()?.[1] ?? null;

/** Every keyset page of GLDETAIL for an entity, compared; returns the pages. */
async function keysetPages(entity: string, pageSize: number): Promise<string[]> {
  const pages: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await same(keysetQuery(after, pageSize), entity);
    pages.push(page);
    const key = lastKey(page);
    if (key === null || !page.includes('numremaining="') || page.includes('numremaining="0"')) break;
    after = key;
  }
  return pages;
}

/** readByQuery then readMore to the end, on both sandboxes, each with its own result id. */
async function readAll(
  entity: string,
  fields: string,
  query: string,
  pageSize: number,
  object = 'GLDETAIL',
): Promise<string[]> {
  const open = `<readByQuery><object>${object}</object><fields>${fields}</fields><query>${query}</query><pagesize>${pageSize}</pagesize><returnFormat>xml</returnFormat></readByQuery>`;
  let a = await raw(fast, open, entity);
  let b = await raw(general, open, entity);
  const pages: string[] = [];
  for (;;) {
    expect(comparable(a)).toBe(comparable(b));
    pages.push(comparable(a));
    const idA = /resultId="([^"]+)"/.exec(a.toString('latin1'))?.[1];
    const idB = /resultId="([^"]+)"/.exec(b.toString('latin1'))?.[1];
    expect(idA === undefined).toBe(idB === undefined);
    if (!idA || !idB) break;
    a = await raw(fast, `<readMore><resultId>${idA}</resultId></readMore>`, entity);
    b = await raw(general, `<readMore><resultId>${idB}</resultId></readMore>`, entity);
  }
  return pages;
}

describe('record pages served the fast way are the bytes of the general way', () => {
  it('renders every object, field and read style identically, escapes and nulls included', () => {
    const odd = store.insert('GLACCOUNT', {
      ACCOUNTNO: '9999-odd',
      TITLE: `Tom & Jerry's <"odd"> \u0001 café € 𝄞`,
      STATUS: 'active',
    });
    try {
      let compared = 0;
      for (const def of SANDBOX_OBJECTS) {
        const records = store.list(def.name).slice(0, 40);
        if (records.length === 0) continue;
        for (const style of READ_STYLES) {
          const opts = { timezone: store.timezone, style };
          const attrs = { listtype: def.name, count: records.length };
          const general = renderData(attrs, def, def.fields, def.name, records, opts);
          const pieces = renderDataPieces(attrs, def, def.fields, def.name, records, opts);
          expect(pieces.join(''), `${def.name} ${style}`).toBe(general);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(30);
      const acct = SANDBOX_OBJECTS.find((d) => d.name === 'GLACCOUNT');
      if (!acct) throw new Error('GLACCOUNT is in the catalog');
      const one = renderDataPieces({}, acct, acct.fields, 'GLACCOUNT', [odd], {
        timezone: store.timezone,
        style: 'query',
      }).join('');
      expect(one).toContain('<TITLE>Tom &amp; Jerry&apos;s &lt;&quot;odd&quot;&gt;  café € 𝄞</TITLE>');
    } finally {
      store.remove('GLACCOUNT', odd.RECORDNO as string);
    }
  });

  it('serves query keyset pages, counts, offsets and other orders identically', async () => {
    for (const entity of ENTITIES) {
      const pages = await keysetPages(entity, 97);
      expect(pages.length).toBeGreaterThan(3);
    }
    const count = `<query><select><field>RECORDNO</field></select><object>GLDETAIL</object><filter>${WINDOW}</filter><pagesize>1</pagesize></query>`;
    expect(await same(count)).toMatch(/totalcount="[1-9]\d*"/);
    // A bound given as >=, a bound beside a second one, a bound the fast path leaves to the filter.
    await same(keysetQuery('40', 50, 'greaterthanorequalto'));
    await same(
      `<query>${select(['RECORDNO', 'AMOUNT'])}<object>GLDETAIL</object><filter><and><greaterthan><field>RECORDNO</field><value>30</value></greaterthan><greaterthan><field>RECORDNO</field><value>60</value></greaterthan><lessthan><field>RECORDNO</field><value>400</value></lessthan></and></filter><orderby><order><field>RECORDNO</field></order></orderby><pagesize>20</pagesize><offset>7</offset></query>`,
    );
    await same(keysetQuery(' 70', 25));
    await same(keysetQuery('0x10', 25));
    await same(keysetQuery('', 25));
    // Other orders, descending keys, no order at all, case-insensitive text, top level with showprivate.
    await same(
      `<query>${select(['RECORDNO', 'ACCOUNTNO', 'AMOUNT', 'WHENMODIFIED'])}<object>GLDETAIL</object><orderby><order><field>AMOUNT</field><descending/></order><order><field>ACCOUNTNO</field></order></orderby><pagesize>60</pagesize><offset>30</offset></query>`,
    );
    await same(
      `<query>${select(['RECORDNO', 'DESCRIPTION'])}<object>GLDETAIL</object><filter><greaterthan><field>RECORDNO</field><value>100</value></greaterthan></filter><orderby><order><field>RECORDNO</field><descending/></order></orderby><pagesize>30</pagesize></query>`,
    );
    await same(
      `<query>${select(['RECORDNO', 'CUSTOMERNAME'])}<object>GLDETAIL</object><filter><and><like><field>CUSTOMERNAME</field><value>a%</value></like><greaterthan><field>RECORDNO</field><value>10</value></greaterthan></and></filter><options><caseinsensitive>true</caseinsensitive></options><pagesize>40</pagesize></query>`,
    );
    await same(
      `<query>${select(['RECORDNO', 'MEGAENTITYID'])}<object>GLDETAIL</object><filter><greaterthan><field>RECORDNO</field><value>5</value></greaterthan></filter><options><showprivate>true</showprivate></options><pagesize>80</pagesize></query>`,
      undefined,
    );
    await same(
      `<query>${select(['RECORDNO', 'ACCOUNTNO', 'TITLE', 'STATUS'])}<object>GLACCOUNT</object><pagesize>500</pagesize></query>`,
    );
  });

  it('serves readByQuery and readMore pages identically', async () => {
    for (const entity of ENTITIES) {
      const pages = await readAll(entity, GL_FIELDS.join(','), "WHENMODIFIED >= '12/31/1999 16:00:00'", 90);
      expect(pages.length).toBeGreaterThan(3);
    }
    await readAll('US1', '*', "STATE = 'P' OR STATE = 'D'", 200);
    const batches = await readAll('US1', 'RECORDNO,STATE,BATCH_TITLE,WHENMODIFIED', '', 50, 'GLBATCH');
    // readByQuery's own wire values (GLBATCH STATE as a letter) come through the compiled renderer too.
    expect(batches.join('')).toMatch(/<glbatch><RECORDNO>\d+<\/RECORDNO><STATE>P<\/STATE>/);
  });

  it('sees a write through the gateway on the next page, both ways', async () => {
    const before = await keysetPages('US1', 500);
    const body = envelope({
      creds: fast.credentials,
      functions: [
        [
          `w-${++n}`,
          `<create><GLBATCH><JOURNAL>GJ</JOURNAL><BATCH_DATE>11/15/2026</BATCH_DATE><BATCH_TITLE>Page serving &amp; caches</BATCH_TITLE><STATE>Posted</STATE><ENTRIES><GLENTRY><ACCOUNTNO>6100</ACCOUNTNO><TR_TYPE>1</TR_TYPE><TRX_AMOUNT>10.00</TRX_AMOUNT><LOCATION>US1-NYC</LOCATION></GLENTRY><GLENTRY><ACCOUNTNO>2150</ACCOUNTNO><TR_TYPE>-1</TR_TYPE><TRX_AMOUNT>10.00</TRX_AMOUNT><LOCATION>US1-NYC</LOCATION></GLENTRY></ENTRIES></GLBATCH></create>`,
        ],
      ],
      locationId: 'US1',
    });
    const res = await request(fast.url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/xml' },
    });
    expect(await res.body.text()).toContain('<status>success</status>');
    const after = await keysetPages('US1', 500);
    // The fast sandbox had these pages cached: the write must have replaced them.
    expect(after.join('')).not.toBe(before.join(''));
    expect(after.join('')).toContain('Page serving &amp; caches');
    const found = await readAll(
      'US1',
      'RECORDNO,BATCH_TITLE,AMOUNT',
      "BATCH_TITLE = 'Page serving &amp; caches'",
      10,
    );
    expect(found.join('')).toContain('count="2"');
  });

  it('sees the activity generator’s creates, edits and deletes, both ways', async () => {
    const before = await Promise.all(ENTITIES.map((e) => keysetPages(e, 250)));
    const res = await admin(fast.adminUrl, 'POST', '/advance', {
      minutes: 90,
      creates: 12,
      edits: 12,
      deletes: 4,
      seed: 3,
    });
    expect(res.status).toBe(200);
    const touched = (res.json.summary.changes as { object: string }[]).filter((c) =>
      ['GLBATCH', 'GLENTRY', 'GLDETAIL', 'ARINVOICE', 'APBILL'].includes(c.object),
    );
    expect(touched.length).toBeGreaterThan(0);
    const after = await Promise.all(ENTITIES.map((e) => keysetPages(e, 250)));
    expect(after.flat().join('')).not.toBe(before.flat().join(''));
    for (const entity of ENTITIES) await readAll(entity, GL_FIELDS.join(','), '', 300);
  });
});
