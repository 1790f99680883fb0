/**
 * The warehouse shape of one Intacct object: validated lower_snake columns with neutral field types,
 * the key, the watermark column, and the system columns every raw row carries.
 *
 * Canonical value strings handed to the loader (one per data column, or null):
 *   integer / decimal  plain decimal strings ('-12', '1234.500000000'); never through a JS number
 *   date               'YYYY-MM-DD'
 *   timestamp          ISO UTC ('2026-11-01T08:00:00.000Z')
 *   boolean            'true' / 'false'
 *   string             as is
 */
import { ClassifiedError } from '../core/errors.ts';
import type { FieldDescriptor, FieldType, ObjectDescriptor } from '../intacct/objects/descriptor.ts';
import { assertIdentifier, columnNameFor, loadSuffix } from './identifiers.ts';

export interface ColumnSpec {
  readonly name: string;
  readonly type: FieldType;
  /** The Intacct field name, when the column comes from one. */
  readonly source?: string;
}

export interface TableSpec {
  /** lower_snake table name (`gl_detail`). */
  readonly name: string;
  /** Data columns, then the system columns (see SYSTEM_COLUMNS). */
  readonly columns: readonly ColumnSpec[];
  readonly key: readonly string[];
  /** Column whose latest value wins when one key appears more than once. */
  readonly watermark?: string;
}

/**
 * Columns the warehouse adds to every raw row. `_entity`: the entity the row was read for ('' at
 * top level); `_load_id` / `_loaded_at`: the load that last changed the row; `_deleted_at`: set by a
 * soft delete, cleared if the record comes back.
 */
export const SYSTEM_COLUMNS = [
  { name: '_entity', type: 'string' },
  { name: '_load_id', type: 'string' },
  { name: '_loaded_at', type: 'timestamp' },
  { name: '_deleted_at', type: 'timestamp' },
] as const satisfies readonly ColumnSpec[];
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number]['name'];

const SYSTEM_NAMES: ReadonlySet<string> = new Set(SYSTEM_COLUMNS.map((c) => c.name));

export function isSystemColumn(name: string): boolean {
  return SYSTEM_NAMES.has(name);
}

/** The columns rows are aligned with when staged: every column except the system ones. */
export function dataColumns(spec: TableSpec): readonly ColumnSpec[] {
  return spec.columns.filter((c) => !isSystemColumn(c.name));
}

/** Staging-only columns: append order (ties in the dedupe go to the later row) and the delete mark. */
export const STAGING_SEQ_COLUMN = '_seq';
export const STAGING_DELETED_COLUMN = '_deleted_at';

/** Per-load staging table name: `<table>__<load id suffix>`, within 63 characters. */
export function stagingTableName(spec: TableSpec, loadId: string): string {
  const room = 63 - spec.name.length - 2;
  if (room < 4)
    throw new ClassifiedError(`table name ${spec.name} is too long for a staging table`, {
      kind: 'terminal',
    });
  return assertIdentifier(`${spec.name}__${loadSuffix(loadId, room)}`, 'staging table name');
}

/** Checks a spec before any SQL is built from it. */
export function validateTableSpec(spec: TableSpec): TableSpec {
  assertIdentifier(spec.name, 'table name');
  const seen = new Set<string>();
  for (const column of spec.columns) {
    assertIdentifier(column.name, `column name in ${spec.name}`);
    if (seen.has(column.name)) {
      throw new ClassifiedError(`duplicate column ${column.name} in ${spec.name}`, { kind: 'terminal' });
    }
    seen.add(column.name);
  }
  const data = new Set(dataColumns(spec).map((c) => c.name));
  if (spec.key.length === 0) throw new ClassifiedError(`table ${spec.name} has no key`, { kind: 'terminal' });
  for (const key of spec.key) {
    if (!data.has(key))
      throw new ClassifiedError(`key column ${key} is not a column of ${spec.name}`, { kind: 'terminal' });
  }
  if (spec.watermark !== undefined && !data.has(spec.watermark)) {
    throw new ClassifiedError(`watermark column ${spec.watermark} is not a column of ${spec.name}`, {
      kind: 'terminal',
    });
  }
  return spec;
}

/**
 * The table of an object: its descriptor's fields, then `extraFields` (custom fields found at plan
 * time; names validated, duplicates of known fields ignored), then the system columns.
 */
export function tableSpecFromDescriptor(
  descriptor: ObjectDescriptor,
  extraFields: readonly FieldDescriptor[] = [],
): TableSpec {
  const columns: ColumnSpec[] = [];
  const seen = new Map<string, string>();
  for (const [field, custom] of [
    ...descriptor.fields.map((f) => [f, false] as const),
    ...extraFields.map((f) => [f, true] as const),
  ]) {
    const name = columnNameFor(field.name);
    if (isSystemColumn(name) || name.startsWith('_')) {
      throw new ClassifiedError(`field ${field.name} of ${descriptor.object} collides with a system column`, {
        kind: 'terminal',
      });
    }
    const previous = seen.get(name);
    if (previous !== undefined) {
      if (custom) continue;
      throw new ClassifiedError(
        `fields ${previous} and ${field.name} of ${descriptor.object} map to one column ${name}`,
        {
          kind: 'terminal',
        },
      );
    }
    seen.set(name, field.name);
    columns.push({ name, type: field.type, source: field.name });
  }
  const key = columnNameFor(descriptor.key);
  const watermark = descriptor.watermark === null ? undefined : columnNameFor(descriptor.watermark);
  const spec: TableSpec = {
    name: descriptor.table,
    columns: [...columns, ...SYSTEM_COLUMNS],
    key: [key],
    ...(watermark === undefined ? {} : { watermark }),
  };
  return validateTableSpec(spec);
}
