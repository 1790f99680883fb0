import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, nameList } from '../../src/intacct/objects/descriptor.ts';
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

    it('names a public source for every field, or marks it unconfirmed', () => {
      const names = new Set(d.fields.map((f) => f.name));
      const sourced = new Set<string>();
      for (const s of d.sources) {
        expect(s.ref.trim(), `${d.object}: a source without a reference`).not.toBe('');
        for (const n of nameList(s.fields)) {
          expect(names.has(n), `${d.object}: source lists ${n}, which is not a field`).toBe(true);
          sourced.add(n);
        }
      }
      const unconfirmed = nameList(d.unconfirmed);
      for (const n of unconfirmed) {
        expect(names.has(n), `${d.object}: unconfirmed ${n} is not a field`).toBe(true);
        expect(sourced.has(n), `${d.object}.${n} has a source; drop it from unconfirmed`).toBe(false);
      }
      const missing = d.fields.map((f) => f.name).filter((n) => !sourced.has(n) && !unconfirmed.includes(n));
      expect(missing, `${d.object}: fields with no source (add one, or list them as unconfirmed)`).toEqual(
        [],
      );
      // The key and the watermark are relied on: a source must confirm them, or the object is optional.
      if (!d.optional) {
        expect(d.sources.length, `${d.object} needs a source`).toBeGreaterThan(0);
        expect(sourced.has(d.key), `${d.object}.${d.key} (the key) needs a source`).toBe(true);
      }
      // What no source confirms is marked optional: the run selects it only where the company has it.
      const optional = new Set(d.fields.filter((f) => f.optional).map((f) => f.name));
      for (const n of unconfirmed)
        expect(optional.has(n), `${d.object}.${n} is unconfirmed: mark it optional`).toBe(true);
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
