/**
 * Additive schema evolution: a field the table lacks becomes a new nullable column (policy
 * `evolve`) or fails the run with a clear message (policy `freeze`). Nothing is dropped, narrowed or
 * retyped; a column whose type differs is reported and left alone.
 */
import { ClassifiedError } from '../core/errors.ts';
import type { FieldType } from '../intacct/objects/descriptor.ts';
import type { ColumnSpec } from './table-spec.ts';
import type { SchemaChange, SchemaPolicy } from './warehouse.ts';

export interface ExistingColumn {
  readonly name: string;
  /** The type as the warehouse reports it. */
  readonly type: string;
}

export interface SchemaPlan {
  readonly changes: readonly SchemaChange[];
  /** Columns to add, in spec order. */
  readonly add: readonly ColumnSpec[];
  readonly create: boolean;
}

/**
 * What `ensureTable` must do. `existing` is null when the table does not exist. `typeMatches` says
 * whether a reported type is the one a field type maps to in that warehouse and layer.
 */
export function planSchemaChanges(options: {
  readonly table: string;
  readonly wanted: readonly ColumnSpec[];
  readonly existing: readonly ExistingColumn[] | null;
  readonly policy: SchemaPolicy;
  readonly typeMatches: (existingType: string, wanted: FieldType) => boolean;
}): SchemaPlan {
  const { table, wanted, existing, policy } = options;
  if (existing === null) return { changes: [{ kind: 'create-table', table }], add: [], create: true };
  const byName = new Map(existing.map((c) => [c.name.toLowerCase(), c]));
  const add: ColumnSpec[] = [];
  const changes: SchemaChange[] = [];
  for (const column of wanted) {
    const found = byName.get(column.name);
    if (!found) {
      add.push(column);
      changes.push({ kind: 'add-column', table, column: column.name, type: column.type });
    } else if (!options.typeMatches(found.type, column.type)) {
      changes.push({
        kind: 'type-mismatch',
        table,
        column: column.name,
        type: column.type,
        existingType: found.type,
      });
    }
  }
  if (policy === 'freeze' && add.length > 0) {
    const list = add.map((c) => `${c.source ?? c.name} (column ${c.name}, ${c.type})`).join(', ');
    throw new ClassifiedError(
      `table ${table} is frozen (sync.schemaPolicy: freeze) but Intacct has ${add.length} new field${add.length === 1 ? '' : 's'}: ${list}`,
      {
        kind: 'terminal',
        level: 'warehouse',
        fix: 'Set sync.schemaPolicy to evolve (new fields become nullable columns), or leave the new fields out of the sync',
      },
    );
  }
  return { changes, add, create: false };
}
