import { describe, expect, it } from 'vitest';
import { ValueError, compilePageConverter } from '../../src/extract/typing.ts';
import { RecordRows } from '../../src/intacct/record-rows.ts';
import type { RawRecord } from '../../src/intacct/record-stream.ts';

const columns = [
  { name: 'record_no', type: 'integer', source: 'RECORDNO' },
  { name: 'amount', type: 'decimal', source: 'AMOUNT' },
  { name: 'batch_date', type: 'date', source: 'BATCH_DATE' },
  { name: 'when_modified', type: 'timestamp', source: 'WHENMODIFIED' },
  { name: 'billable', type: 'boolean', source: 'BILLABLE' },
  { name: 'memo', type: 'string', source: 'MEMO' },
] as const;

describe('row typing', () => {
  const convertPage = compilePageConverter(columns, 'RECORDNO', 'America/Los_Angeles');
  const convert = (record: RawRecord) => convertPage(RecordRows.fromRecords([record]))[0];

  it('turns Intacct strings into canonical values, amounts untouched', () => {
    expect(
      convert({
        RECORDNO: '42',
        AMOUNT: '12345678901234567890.123456789',
        BATCH_DATE: '03/08/2026',
        WHENMODIFIED: '03/08/2026 03:30:00', // after the spring-forward gap in Los Angeles: PDT
        BILLABLE: 'T',
        MEMO: 'a < b & "c"',
      }),
    ).toEqual([
      '42',
      '12345678901234567890.123456789',
      '2026-03-08',
      '2026-03-08T10:30:00.000Z',
      'true',
      'a < b & "c"',
    ]);
  });

  it('reads empty elements and missing fields as null', () => {
    expect(convert({ RECORDNO: '1', AMOUNT: '', BATCH_DATE: null, MEMO: '' })).toEqual([
      '1',
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('converts a page by field name whatever order its records carry their fields in', () => {
    const page = RecordRows.fromRecords([
      { MEMO: 'x', WHENMODIFIED: '03/08/2026 03:30:00', RECORDNO: '1', BATCH_DATE: '03/08/2026' },
      { RECORDNO: '2', BATCH_DATE: '03/08/2026', WHENMODIFIED: '03/08/2026 03:30:00', AMOUNT: '5' },
      { RECORDNO: '3', BATCH_DATE: '03/09/2026', WHENMODIFIED: '11/01/2026 01:30:00', BILLABLE: 'false' },
    ]);
    expect(convertPage(page)).toEqual([
      ['1', null, '2026-03-08', '2026-03-08T10:30:00.000Z', null, 'x'],
      ['2', '5', '2026-03-08', '2026-03-08T10:30:00.000Z', null, null],
      ['3', null, '2026-03-09', '2026-11-01T08:30:00.000Z', 'false', null],
    ]);
  });

  it('refuses a value that does not fit its type, naming the field and record', () => {
    expect(() => convert({ RECORDNO: '7', AMOUNT: '1,234.00' })).toThrow(ValueError);
    expect(() => convert({ RECORDNO: '7', AMOUNT: '1,234.00' })).toThrow(/AMOUNT of record 7/);
    expect(() => convert({ RECORDNO: '8', BATCH_DATE: '2026-13-45' })).toThrow(/BATCH_DATE/);
  });
});

describe('zone-less times across DST', () => {
  it('reads times around a fall-back as the wall clock shows them (earlier instant in the repeated hour)', async () => {
    const { parseIntacctTimestamp } = await import('../../src/core/time.ts');
    // US fall-back hour (01:00-01:59 happens twice: the earlier instant is taken) and spring-forward gap.
    expect(new Date(parseIntacctTimestamp('11/01/2026 01:30:00', 'America/New_York')!).toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(new Date(parseIntacctTimestamp('11/01/2026 01:59:59', 'America/New_York')!).toISOString()).toBe(
      '2026-11-01T05:59:59.000Z',
    );
    expect(new Date(parseIntacctTimestamp('11/01/2026 02:00:00', 'America/New_York')!).toISOString()).toBe(
      '2026-11-01T07:00:00.000Z',
    );
    expect(new Date(parseIntacctTimestamp('03/29/2026 00:59:59', 'Europe/London')!).toISOString()).toBe(
      '2026-03-29T00:59:59.000Z',
    );
    expect(new Date(parseIntacctTimestamp('03/29/2026 02:00:00', 'Europe/London')!).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(new Date(parseIntacctTimestamp('07/01/2026 12:00:00', 'Asia/Kolkata')!).toISOString()).toBe(
      '2026-07-01T06:30:00.000Z',
    );
  });
});

describe('spring-forward gap', () => {
  it('moves a time inside the gap forward by the gap', async () => {
    const { parseIntacctTimestamp } = await import('../../src/core/time.ts');
    // 02:30 does not exist in Los Angeles on 2026-03-08; clocks read 03:30 PDT (10:30Z).
    expect(new Date(parseIntacctTimestamp('03/08/2026 02:30:00', 'America/Los_Angeles')!).toISOString()).toBe(
      '2026-03-08T10:30:00.000Z',
    );
    expect(new Date(parseIntacctTimestamp('03/08/2026 01:59:59', 'America/Los_Angeles')!).toISOString()).toBe(
      '2026-03-08T09:59:59.000Z',
    );
  });
});
