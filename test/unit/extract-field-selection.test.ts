import { describe, expect, it } from 'vitest';
import { planFields, refusedFields } from '../../src/extract/field-selection.ts';
import { findObject } from '../../src/intacct/objects/index.ts';

const gl = findObject('GLDETAIL')!;
const budget = findObject('GLBUDGETITEM')!;
const field = (name: string, isCustom = false, dataType = 'TEXT') => ({ name, dataType, isCustom });

describe('fields selected from the company definition', () => {
  it('selects what the company has, keeps the rest as NULL columns, adds custom fields', () => {
    const have = gl.fields.map((f) => f.name).filter((n) => n !== 'GLDIMFUND' && n !== 'DOCNUMBER');
    const plan = planFields(gl, {
      fields: [
        ...have.map((n) => field(n)),
        field('PROGRAM_CODE', true),
        field('GRANT_AMOUNT', true, 'CURRENCY'),
      ],
    });
    expect(plan.select).not.toContain('GLDIMFUND');
    expect(plan.select).toContain('RECORDNO');
    expect(plan.select.slice(-2)).toEqual(['PROGRAM_CODE', 'GRANT_AMOUNT']);
    expect(plan.custom).toEqual([
      { name: 'PROGRAM_CODE', type: 'string' },
      { name: 'GRANT_AMOUNT', type: 'decimal' },
    ]);
    expect(plan.missing).toEqual(['DOCNUMBER', 'GLDIMFUND']);
    // GLDIMFUND is optional (a user-defined dimension); DOCNUMBER is sourced and expected.
    expect(plan.unexpected).toEqual(['DOCNUMBER']);
    expect(plan.object).toBe(gl);
  });

  it('reads an object whole when the company lacks its watermark (unconfirmed on GLBUDGETITEM)', () => {
    const plan = planFields(budget, {
      fields: budget.fields.filter((f) => f.name !== 'WHENMODIFIED').map((f) => field(f.name)),
    });
    expect(plan.object.watermark).toBeNull();
    expect(plan.object.created).toBeNull();
    expect(plan.missing).toEqual(['WHENMODIFIED']);
    expect(plan.unexpected).toEqual([]);
  });
});

describe('fields named in a refusal', () => {
  const asked = ['RECORDNO', 'DOCNUMBER', 'GLDIMFUND', 'AMOUNT'];
  it('finds the requested fields the error names, whatever the punctuation', () => {
    expect(
      refusedFields(
        'XL03000009: There was an error processing the function: The following field(s) are not valid for object GLDETAIL: DOCNUMBER, GLDIMFUND. Check the field names. [Support ID: abc@AMOUNT]',
        asked,
      ),
    ).toEqual(['DOCNUMBER', 'GLDIMFUND']);
  });
  it('ignores errors that are not about fields', () => {
    expect(refusedFields('Query Failed: Invalid query: DOCNUMBER = is incomplete', asked)).toEqual([]);
    expect(refusedFields('GW-0010 Rate limit exceeded', asked)).toEqual([]);
  });
});
