/**
 * One descriptor per Intacct object the job reads. Query building, paging, staging DDL, MERGE and
 * the conformance tests are generic code that reads these; nothing else knows about objects.
 */

/** Warehouse-neutral field types. Money and quantities are `decimal` (NUMERIC(38,9)), never numbers. */
export const FIELD_TYPES = ['string', 'integer', 'decimal', 'date', 'timestamp', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDescriptor {
  /** The Intacct field name, upper case (`ACCOUNTNO`, `GLDIMFUND`). */
  readonly name: string;
  readonly type: FieldType;
  /**
   * Exists only in some companies: a user-defined dimension (GLDIMFUND), multi-entity fields
   * (MEGAENTITY*), a module's fields. A company without it gets a NULL column, never a failed object.
   */
  readonly optional?: boolean;
}

/** A public source that names an object and some of its fields. */
export interface FieldSource {
  /** Where: a developer docs page, an SDK file, a connector's schema or column macro. */
  readonly ref: string;
  /** The fields of this object the source shows, space-separated. */
  readonly fields: string;
}

/**
 * `entity`: read once per entity session, rows stamped with that entity; `top`: read once at the
 * top level (company-wide lists such as the chart of accounts).
 */
export const ENTITY_SCOPES = ['entity', 'top'] as const;
export type EntityScope = (typeof ENTITY_SCOPES)[number];

/**
 * How deletions are found. `audit`: AUDITHISTORY delete events, plus key reconciliation on demand;
 * `reconcile`: key reconciliation only; `full-refresh`: the object is re-read whole each run and
 * missing keys are soft-deleted; `none`: records are never deleted (posted GL lines are reversed).
 */
export const DELETE_STRATEGIES = ['audit', 'reconcile', 'full-refresh', 'none'] as const;
export type DeleteStrategy = (typeof DELETE_STRATEGIES)[number];

export const READ_METHODS = ['readByQuery', 'query'] as const;
export type ReadMethod = (typeof READ_METHODS)[number];

export interface ObjectDescriptor {
  /** Intacct object name as the API spells it (`GLDETAIL`). */
  readonly object: string;
  /** Warehouse table name, lower_snake (`gl_detail`). */
  readonly table: string;
  /** Primary key field; `RECORDNO` for every standard object. */
  readonly key: string;
  /** Modification-time field used as the watermark, or null for objects without one. */
  readonly watermark: string | null;
  /** Creation-time field: catches records whose watermark is null. */
  readonly created: string | null;
  /** Overlap re-read on every incremental run, for late-committing writes. */
  readonly lookbackMinutes: number;
  /** `full`: re-read whole every run (small dimension lists); `incremental`: by watermark window. */
  readonly refresh: 'incremental' | 'full';
  readonly entityScope: EntityScope;
  readonly deletes: DeleteStrategy;
  /** The AUDITHISTORY OBJECTTYPE value (lower case) when deletes come from the audit trail. */
  readonly auditType?: string;
  readonly readMethod: ReadMethod;
  /** Large objects are split into time slices for parallel backfill. */
  readonly large: boolean;
  /**
   * Deleting the parent deletes this record too (the lines of a document, the GL lines of a batch):
   * `field` holds the parent's key. Intacct's audit trail reports only the parent's delete.
   */
  readonly parent?: { readonly object: string; readonly field: string };
  /**
   * Records whose `field` holds one of `values` are deleted and recreated with a new key when edited
   * (AR invoices from Order Entry, MODULEKEY 8.SO): a run that reads one compares the object's keys.
   */
  readonly recreatedOnEdit?: { readonly field: string; readonly values: readonly string[] };
  /** Records this one owns and takes with it when deleted (a document's GL batch): `field` holds their key. */
  readonly owns?: readonly { readonly object: string; readonly field: string }[];
  /**
   * The public sources for this object's name and fields. Intacct is the truth, not our sandbox:
   * every field is listed by a source here or named in `unconfirmed` (a test holds this).
   */
  readonly sources: readonly FieldSource[];
  /** Fields no public source names (space-separated): selected only where the company has them. */
  readonly unconfirmed?: string;
  /** The object exists only in some companies (a user-defined dimension) or no source confirms it. */
  readonly optional?: boolean;
  /** Known fields with their warehouse types; custom fields are discovered at plan time. */
  readonly fields: readonly FieldDescriptor[];
}

/** Names in a space-separated list (`FieldSource.fields`, `unconfirmed`). */
export function nameList(text: string | undefined): string[] {
  return (text ?? '').split(/\s+/).filter((n) => n.length > 0);
}

/** Fields that may be absent from a company: marked optional, or confirmed by no source. */
export function optionalFields(descriptor: ObjectDescriptor): Set<string> {
  return new Set([
    ...descriptor.fields.filter((f) => f.optional).map((f) => f.name),
    ...nameList(descriptor.unconfirmed),
  ]);
}

/** Type-checks a descriptor literal while keeping its literal types. */
export function defineObject(descriptor: ObjectDescriptor): ObjectDescriptor {
  return descriptor;
}
