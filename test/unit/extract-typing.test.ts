import { describe, expect, it } from 'vitest';
import { ValueError, compileRowConverter } from '../../src/extract/typing.ts';

const columns = [
  { name: 'record_no', type: 'integer', source: 'RECORDNO' },
  { name: 'amount', type: 'decimal', source: 'AMOUNT' },
  { name: 'batch_date', type: 'date', source: 'BATCH_DATE' },
  { name: 'when_modified', type: 'timestamp', source: 'WHENMODIFIED' },
  { name: 'billable', type: 'boolean', source: 'BILLABLE' },
  { name: 'memo', type: 'string', source: 'MEMO' },
] as const;

describe('row typing', () => {
  const convert = compileRowConverter(columns, 'RECORDNO', 'America/Los_Angeles');

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

  it('refuses a value that does not fit its type, naming the field and record', () => {
    expect(() => convert({ RECORDNO: '7', AMOUNT: '1,234.00' })).toThrow(ValueError);
    expect(() => convert({ RECORDNO: '7', AMOUNT: '1,234.00' })).toThrow(/AMOUNT of record 7/);
    expect(() => convert({ RECORDNO: '8', BATCH_DATE: '2026-13-45' })).toThrow(/BATCH_DATE/);
  });
});
