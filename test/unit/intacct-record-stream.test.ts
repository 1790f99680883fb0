import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import {
  parseRecordPage,
  parseRecordPageWithSaxes,
  readRecordPage,
} from '../../src/intacct/record-stream.ts';

const page = readFileSync(
  join(import.meta.dirname, '../fixtures/intacct/result-readbyquery-page.xml'),
  'utf8',
);

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('record stream', () => {
  it('reads records, data attributes and the envelope', () => {
    const p = parseRecordPage(page);
    expect(p.data).toEqual({
      listType: 'gldetail',
      count: 2,
      totalCount: 5,
      numRemaining: 3,
      resultId: '7765a1',
      offset: undefined,
    });
    expect(p.records).toEqual([
      {
        RECORDNO: '12',
        ACCOUNTNO: '1000',
        AMOUNT: '1679615.93',
        MEMO: `Fish & chips <b> ]]> "q" 'a' 😀`,
        WHENMODIFIED: '07/24/2017 15:19:46',
        DEPARTMENTID: null,
      },
      {
        RECORDNO: '13',
        ACCOUNTNO: '2100',
        AMOUNT: '-205375',
        MEMO: 'raw <cdata> & more',
        WHENMODIFIED: null,
        DEPARTMENTID: 'ENG',
      },
    ]);
    expect(p.envelope.results[0]?.status).toBe('success');
    expect(p.envelope.authentication?.sessionTimeout).toBe('2026-11-23T11:00:01-08:00');
  });

  it('gives the same records when bytes arrive in tiny chunks (multi-byte characters split)', async () => {
    const bytes = new TextEncoder().encode(page);
    for (const size of [1, 3, 7, 64]) {
      const p = await readRecordPage(chunks(bytes, size));
      expect(p.records).toEqual(parseRecordPage(page).records);
    }
  });

  it('a cut-off body is a transient error at every cut point, never a partial page', async () => {
    const bytes = new TextEncoder().encode(page);
    for (let cut = 1; cut < bytes.length - 1; cut += 37) {
      await expect(readRecordPage(chunks(bytes.subarray(0, cut), 16)), `cut at ${cut}`).rejects.toSatisfy(
        (e: unknown) => e instanceof ClassifiedError && e.kind === 'transient',
      );
    }
  });

  it('malformed bodies and HTML pages are transient', () => {
    for (const bad of [
      '<response><a></b></response>',
      '<!DOCTYPE html><html></html>',
      'not xml at all',
      '',
    ]) {
      expect(() => parseRecordPage(bad)).toThrow(ClassifiedError);
    }
    expect(() => parseRecordPage('<html><body>502</body></html>')).toThrow(/not an Intacct response/);
  });

  it('flattens nested fields as PARENT.CHILD', () => {
    const xml =
      '<response><control><status>success</status></control><operation><result><status>success</status>' +
      '<data count="1"><customer><RECORDNO>1</RECORDNO><CONTACTINFO><CONTACTNAME>Ann</CONTACTNAME><EMAIL></EMAIL></CONTACTINFO></customer></data>' +
      '</result></operation></response>';
    expect(parseRecordPage(xml).records).toEqual([
      { RECORDNO: '1', 'CONTACTINFO.CONTACTNAME': 'Ann', 'CONTACTINFO.EMAIL': null },
    ]);
  });
});

describe('record scanner', () => {
  const envelope = (data: string) =>
    '<?xml version="1.0" encoding="UTF-8"?><response><control><status>success</status></control>' +
    '<operation><authentication><status>success</status></authentication><result><status>success</status>' +
    `<function>query</function><controlid>q</controlid>${data}</result></operation></response>`;

  // Values that exercise entities, CDATA, whitespace, non-ASCII and characters near markup.
  const values = [
    'plain',
    'Fish &amp; chips',
    '&lt;b&gt; &quot;q&quot; &apos;a&apos;',
    '&#233;t&#xE9; &#x1F600;',
    '<![CDATA[raw <cdata> & more]]>',
    'a<![CDATA[ b ]]>c',
    '   ',
    '',
    '1679615.93',
    '😀 > ok',
    'x<!-- note -->y',
  ];

  /** A deterministic pseudo-random page: fields plain, empty, self-closing, nested and repeated. */
  function randomPage(seed: number): string {
    let s = seed;
    const rnd = (n: number) => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s % n;
    };
    const records: string[] = [];
    for (let r = 0; r < 20; r++) {
      const fields: string[] = [];
      for (let f = 0; f < 8; f++) {
        const name = `F${rnd(6)}`;
        const kind = rnd(6);
        const value = values[rnd(values.length)]!;
        if (kind === 0) fields.push(`<${name}/>`);
        else if (kind === 1) fields.push(`<${name} ></${name} >`);
        else if (kind === 2) fields.push(`<${name}><C1>${value}</C1><C2/>\n</${name}>`);
        else fields.push(`<${name}>${value}</${name}>`);
      }
      records.push(rnd(10) === 0 ? '<gldetail/>' : `<gldetail>\n  ${fields.join('\n  ')}\n</gldetail>`);
    }
    return envelope(
      `<data listtype="gldetail" count="20" totalcount="40" numremaining="20">${records.join('')}</data>`,
    );
  }

  it('reads every page exactly as the event parser does', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const xml = randomPage(seed);
      const fast = parseRecordPage(xml);
      const slow = parseRecordPageWithSaxes(xml);
      expect(fast.records, `seed ${seed}`).toEqual(slow.records);
      expect(fast.data).toEqual(slow.data);
      expect(fast.envelope).toEqual(slow.envelope);
    }
  });

  /** Records sharing one field list, as Intacct sends them, with occasional departures from it. */
  function sameShapePage(seed: number): string {
    let s = seed;
    const rnd = (n: number) => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s % n;
    };
    const names = ['RECORDNO', 'ACCOUNTNO', 'AMOUNT', 'MEMO', 'LOCATION'];
    const records: string[] = [];
    for (let r = 0; r < 30; r++) {
      // Every other record departs from the shape in one of five ways; the next one is back to it.
      const departure = r % 2 === 0 ? -1 : ((r >> 1) + seed) % 5;
      const fields = names
        .filter((n) => !(departure === 0 && n === 'MEMO'))
        .map((n) => {
          const value = rnd(4) === 0 ? '' : values[rnd(values.length)]!;
          if (departure === 1 && n === 'AMOUNT') return `<${n}><C1>${value}</C1></${n}>`;
          if (departure === 2 && n === 'MEMO') return `<${n}>${value}</${n}><${n}>again</${n}>`;
          return `<${n}>${value}</${n}>`;
        });
      if (departure === 3) fields.push('<EXTRA>x</EXTRA>');
      if (departure === 4) fields.reverse();
      records.push(`<gldetail>${fields.join('')}</gldetail>`);
    }
    return envelope(
      `<data listtype="gldetail" count="30" totalcount="30" numremaining="0">${records.join('')}</data>`,
    );
  }

  it('records of one shape, and those that depart from it, read exactly as the event parser reads them', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const xml = sameShapePage(seed);
      const fast = parseRecordPage(xml).records;
      const slow = parseRecordPageWithSaxes(xml).records;
      expect(fast, `seed ${seed}`).toEqual(slow);
      // Same keys in the same order, not only equal values.
      expect(
        fast.map((r) => Object.keys(r)),
        `seed ${seed}`,
      ).toEqual(slow.map((r) => Object.keys(r)));
    }
  });

  it('pages without records and documents it declines still parse (the event parser reads them)', () => {
    for (const data of ['<data listtype="x" count="0"/>', '<data count="0"></data>', '']) {
      expect(parseRecordPage(envelope(data))).toEqual(parseRecordPageWithSaxes(envelope(data)));
    }
  });

  it('a record with an undefined entity or a mismatched close tag is a transient error', () => {
    for (const bad of ['<F>a &nbsp; b</F>', '<F>a</G>', '<F>a</F', '<F>a & b</F>']) {
      const xml = envelope(`<data count="1"><gldetail>${bad}</gldetail></data>`);
      expect(() => parseRecordPage(xml), bad).toThrow(ClassifiedError);
    }
  });
});
