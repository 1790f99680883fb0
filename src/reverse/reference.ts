/**
 * The Intacct lists validation checks against, read from the raw tables the last `sync` landed
 * (state lives in the warehouse): accounts, dimension values with their status and owning entity,
 * currencies and purchase orders. Books-closed dates are not an object we extract, so they come
 * from configuration (`reverse.closedThrough`); Intacct refuses a closed period in any case, and
 * that refusal lands in the ledger as a rejection.
 */
import { ClassifiedError } from '../core/errors.ts';
import { quoteIdentifier } from '../warehouse/identifiers.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { DimensionKind } from './flow.ts';

export interface AccountInfo {
  readonly status: string;
  readonly subledgerControl: boolean;
  /** Dimensions the account requires on every line. */
  readonly requires: readonly DimensionKind[];
}

export interface DimensionValue {
  readonly status: string;
  /** The entity that owns it; '' when shared from the top level. */
  readonly owner: string;
  /** Locations: the entity they belong to. */
  readonly entity?: string;
}

export interface ReferenceData {
  readonly accounts: ReadonlyMap<string, AccountInfo>;
  readonly dimensions: Readonly<Record<DimensionKind, ReadonlyMap<string, DimensionValue>>>;
  readonly currencies: ReadonlySet<string>;
  readonly purchaseOrders: ReadonlySet<string>;
  /** Entity id to the last closed date (ISO); absent: no closed period known. */
  readonly closedThrough: Readonly<Record<string, string>>;
}

const DIMENSION_TABLES: Readonly<Record<DimensionKind, { table: string; id: string }>> = {
  department: { table: 'department', id: 'departmentid' },
  location: { table: 'location', id: 'locationid' },
  project: { table: 'project', id: 'projectid' },
  task: { table: 'task', id: 'taskid' },
  employee: { table: 'employee', id: 'employeeid' },
  class: { table: 'class', id: 'classid' },
  customer: { table: 'customer', id: 'customerid' },
  vendor: { table: 'vendor', id: 'vendorid' },
};

const REQUIRE_COLUMNS: readonly (readonly [string, DimensionKind])[] = [
  ['requiredept', 'department'],
  ['requireloc', 'location'],
  ['requireproject', 'project'],
  ['requirecustomer', 'customer'],
  ['requirevendor', 'vendor'],
  ['requireemployee', 'employee'],
  ['requireclass', 'class'],
];

const truthy = (v: unknown) => v === true || v === 'true';

export async function loadReferenceData(
  warehouse: Warehouse,
  rawSchema: string,
  closedThrough: Readonly<Record<string, string>>,
): Promise<ReferenceData> {
  const q = (name: string) => quoteIdentifier(name, warehouse.capabilities.identifierQuote);
  const read = async (table: string, columns: readonly string[]) => {
    try {
      return await warehouse.query<Record<string, unknown>>(
        `SELECT ${columns.map(q).join(', ')} FROM ${q(rawSchema)}.${q(table)} WHERE ${q('_deleted_at')} IS NULL`,
      );
    } catch (error) {
      throw new ClassifiedError(`reverse validation needs ${rawSchema}.${table}, which cannot be read`, {
        kind: 'terminal',
        level: 'warehouse',
        cause: error,
        fix: 'Run `intacct-elt sync` first: validation checks records against the lists it lands',
      });
    }
  };
  const accounts = new Map<string, AccountInfo>();
  for (const r of await read('gl_account', [
    'accountno',
    'status',
    'subledgercontrolon',
    ...REQUIRE_COLUMNS.map(([c]) => c),
  ])) {
    accounts.set(String(r.accountno), {
      status: String(r.status ?? 'active'),
      subledgerControl: truthy(r.subledgercontrolon),
      requires: REQUIRE_COLUMNS.filter(([c]) => truthy(r[c])).map(([, k]) => k),
    });
  }
  const dimensions = {} as Record<DimensionKind, Map<string, DimensionValue>>;
  for (const [kind, spec] of Object.entries(DIMENSION_TABLES) as [
    DimensionKind,
    { table: string; id: string },
  ][]) {
    const map = new Map<string, DimensionValue>();
    const columns = [spec.id, 'status', 'mega_entity_id', ...(kind === 'location' ? ['entity'] : [])];
    for (const r of await read(spec.table, columns)) {
      map.set(String(r[spec.id]), {
        status: String(r.status ?? 'active'),
        owner: r.mega_entity_id === null || r.mega_entity_id === undefined ? '' : String(r.mega_entity_id),
        ...(kind === 'location' && r.entity ? { entity: String(r.entity) } : {}),
      });
    }
    dimensions[kind] = map;
  }
  const currencies = new Set<string>();
  for (const r of await read('trx_currencies', ['code'])) currencies.add(String(r.code));
  const purchaseOrders = new Set<string>();
  for (const r of await read('po_document', ['docno'])) purchaseOrders.add(String(r.docno));
  return { accounts, dimensions, currencies, purchaseOrders, closedThrough };
}
