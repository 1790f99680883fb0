import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../../src/intacct/objects/descriptor.ts';
import { OBJECTS } from '../../src/intacct/objects/index.ts';
import { fieldDef, objectDef } from '../../src/sandbox/catalog.ts';

const REQUIRED_OBJECTS = [
  'GLACCOUNT',
  'GLBATCH',
  'GLDETAIL',
  'GLBUDGETHEADER',
  'GLBUDGETITEM',
  'REPORTINGPERIOD',
  'DEPARTMENT',
  'LOCATION',
  'LOCATIONENTITY',
  'PROJECT',
  'TASK',
  'CLASS',
  'CUSTOMER',
  'VENDOR',
  'EMPLOYEE',
  'ITEM',
  'ARINVOICE',
  'ARINVOICEITEM',
  'ARPYMT',
  'APBILL',
  'APBILLITEM',
  'APPYMT',
  'PODOCUMENT',
  'PODOCUMENTENTRY',
  'TIMESHEET',
  'TIMESHEETENTRY',
  'EXCHANGERATE',
  'FUND',
];

describe('object registry', () => {
  it('holds every object the job promises, once', () => {
    const names = OBJECTS.map((d) => d.object);
    expect(new Set(names).size).toBe(names.length);
    for (const required of REQUIRED_OBJECTS) expect(names).toContain(required);
    const tables = OBJECTS.map((d) => d.table);
    expect(new Set(tables).size).toBe(tables.length);
  });

  describe.each(OBJECTS.map((d) => [d.object, d] as const))('%s', (_name, d) => {
    it('is well formed', () => {
      expect(d.table).toMatch(/^[a-z][a-z0-9_]*$/);
      const fields = new Map(d.fields.map((f) => [f.name, f]));
      expect(fields.size).toBe(d.fields.length);
      expect(fields.get(d.key)?.type).toBe('integer');
      for (const f of d.fields) {
        expect(f.name).toMatch(/^[A-Z][A-Z0-9_.]*$/);
        expect(FIELD_TYPES).toContain(f.type);
      }
      if (d.watermark !== null) expect(fields.get(d.watermark)?.type).toBe('timestamp');
      if (d.created !== null) expect(['timestamp', 'date']).toContain(fields.get(d.created)?.type);
      if (d.refresh === 'incremental') expect(d.watermark).not.toBeNull();
      if (d.deletes === 'audit') expect(d.auditType).toMatch(/^[a-z]+$/);
      if (d.deletes === 'full-refresh') expect(d.refresh).toBe('full');
      expect(d.lookbackMinutes).toBeGreaterThanOrEqual(0);
      // Delete cascades name registered objects and fields this object reads.
      const related = [...(d.parent ? [d.parent] : []), ...(d.owns ?? [])];
      for (const r of related) {
        expect(OBJECTS.map((o) => o.object)).toContain(r.object);
        expect(fields.has(r.field), `${d.object}.${r.field}`).toBe(true);
      }
      if (d.parent) expect(OBJECTS.find((o) => o.object === d.parent!.object)?.deletes).toBe('audit');
    });

    it('matches what the sandbox says the object has', () => {
      const def = objectDef(d.object);
      expect(def, `sandbox has no ${d.object}`).toBeDefined();
      expect(def!.entityScoped).toBe(d.entityScope === 'entity');
      for (const f of d.fields) {
        const s = fieldDef(d.object, f.name);
        expect(s, `${d.object}.${f.name} missing from the sandbox`).toBeDefined();
        const expected = s!.type === 'text' ? 'string' : s!.type;
        expect(f.type, `${d.object}.${f.name}`).toBe(expected);
      }
    });
  });
});
