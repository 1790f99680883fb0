/**
 * The sandbox company's records, in memory. One table per object, records ordered by key (RECORDNO,
 * assigned increasing per object), indexed by key and by business id. Records are immutable objects:
 * an update replaces the record, which keeps cursors over older snapshots stable and makes undo cheap.
 *
 * Canonical values (the protocol layer formats them per field type and company time zone):
 *   text as is; integer/decimal as plain decimal strings (money never a JS number); date 'YYYY-MM-DD';
 *   timestamp 'YYYY-MM-DDTHH:MM:SSZ' (UTC, so strings compare in time order); boolean 'true'/'false';
 *   null for empty. Every record carries every field of its object (null when empty), in catalog order.
 */
import { type SandboxObjectDef, SANDBOX_OBJECTS, requireObjectDef } from './catalog.ts';
import { type CompanyProfile, DEFAULT_COMPANY_PROFILE, companyProfile } from './company.ts';
import { DEFAULT_START_MS, SandboxClock } from './clock.ts';

export type SandboxRecord = Readonly<Record<string, string | null>>;
/** Field values for an insert or an update: upper-case names, canonical strings. */
export type SandboxFields = Readonly<Record<string, string | null | undefined>>;

export interface SandboxEntity {
  /** Entity (location) id; '' for the top level. */
  readonly id: string;
  readonly name: string;
  /** RECORDNO of the LOCATIONENTITY record, stamped on records as MEGAENTITYKEY; 0 for the top level. */
  readonly recordNo: number;
  readonly baseCurrency: string;
  readonly country: string;
}

export const TOP_LEVEL_ID = '';

export interface SandboxStoreOptions {
  readonly companyId: string;
  readonly companyName: string;
  /** IANA zone of the company/API user; the protocol formats timestamps in it. */
  readonly timezone: string;
  /** Entities, without the top level (added automatically with id ''). */
  readonly entities: readonly SandboxEntity[];
  readonly topLevelCurrency?: string;
  readonly clockStartMs?: number;
  readonly seed?: number;
  readonly scale?: number;
  /** Which objects and fields this company has (default: the standard profile). */
  readonly company?: CompanyProfile;
}

export interface StoreCounters {
  inserts: number;
  updates: number;
  deletes: number;
  transactions: number;
  rollbacks: number;
}

/** Computes a virtual object's records (GLACCOUNTBALANCE) from the rest of the store. */
export type VirtualProvider = (store: SandboxStore) => readonly SandboxRecord[];

class Table {
  readonly def: SandboxObjectDef;
  records: SandboxRecord[] = [];
  readonly byKey = new Map<number, SandboxRecord>();
  readonly byId: Map<string, SandboxRecord> | null;
  nextKey = 1;
  /** Secondary indexes (field → value → records in key order), built on first use, then maintained. */
  readonly secondary = new Map<string, Map<string, SandboxRecord[]>>();
  /**
   * Builds a full record (every field, catalog order) from partial fields in one object literal, so all
   * records of an object share one hidden class and inserts stay cheap at a million rows.
   */
  readonly build: (fields: SandboxFields) => Record<string, string | null>;
  readonly fieldNames: ReadonlySet<string>;

  constructor(def: SandboxObjectDef) {
    this.def = def;
    this.byId = def.idField ? new Map() : null;
    this.fieldNames = new Set(def.fields.map((f) => f.name));
    const body = def.fields
      .map((f) => `${JSON.stringify(f.name)}: f[${JSON.stringify(f.name)}] ?? null`)
      .join(',\n');
    // Field names come from the static catalog, never from requests.
    this.build = new Function('f', `return {\n${body}\n};`) as (
      fields: SandboxFields,
    ) => Record<string, string | null>;
  }

  keyOf(record: SandboxRecord): number {
    return Number(record[this.def.key]);
  }

  /** Index in `records` of the record with this key, or -(insertion point) - 1. */
  position(key: number): number {
    let lo = 0;
    let hi = this.records.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keyOf(this.records[mid]!);
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -lo - 1;
  }

  idOf(record: SandboxRecord): string | null {
    return this.def.idField ? (record[this.def.idField] ?? null) : null;
  }

  add(record: SandboxRecord): void {
    const key = this.keyOf(record);
    const last = this.records[this.records.length - 1];
    if (last === undefined || this.keyOf(last) < key) this.records.push(record);
    else {
      const pos = this.position(key);
      if (pos >= 0) throw new Error(`sandbox store: duplicate ${this.def.key} ${key} in ${this.def.name}`);
      this.records.splice(-pos - 1, 0, record);
    }
    this.byKey.set(key, record);
    const id = this.idOf(record);
    if (this.byId && id !== null) this.byId.set(id, record);
    for (const [field, index] of this.secondary) this.#indexAdd(index, record[field] ?? null, record);
  }

  index(field: string): Map<string, SandboxRecord[]> {
    let index = this.secondary.get(field);
    if (!index) {
      index = new Map();
      for (const r of this.records) {
        const v = r[field] ?? null;
        if (v === null) continue;
        const list = index.get(v);
        if (list) list.push(r);
        else index.set(v, [r]);
      }
      this.secondary.set(field, index);
    }
    return index;
  }

  #indexAdd(index: Map<string, SandboxRecord[]>, value: string | null, record: SandboxRecord): void {
    if (value === null) return;
    const list = index.get(value);
    if (!list) {
      index.set(value, [record]);
      return;
    }
    const key = this.keyOf(record);
    let i = list.length;
    while (i > 0 && this.keyOf(list[i - 1]!) > key) i--;
    list.splice(i, 0, record);
  }

  #indexDrop(index: Map<string, SandboxRecord[]>, value: string | null, record: SandboxRecord): void {
    if (value === null) return;
    const list = index.get(value);
    if (!list) return;
    const i = list.indexOf(record);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) index.delete(value);
  }

  drop(record: SandboxRecord): void {
    const key = this.keyOf(record);
    const pos = this.position(key);
    if (pos >= 0) this.records.splice(pos, 1);
    this.byKey.delete(key);
    const id = this.idOf(record);
    if (this.byId && id !== null && this.byId.get(id) === record) this.byId.delete(id);
    for (const [field, index] of this.secondary) this.#indexDrop(index, record[field] ?? null, record);
  }

  swap(oldRecord: SandboxRecord, newRecord: SandboxRecord): void {
    const key = this.keyOf(oldRecord);
    const pos = this.position(key);
    if (pos < 0) throw new Error(`sandbox store: ${this.def.name} ${key} is not in the table`);
    this.records[pos] = newRecord;
    this.byKey.set(key, newRecord);
    const oldId = this.idOf(oldRecord);
    const newId = this.idOf(newRecord);
    if (this.byId) {
      if (oldId !== null && this.byId.get(oldId) === oldRecord) this.byId.delete(oldId);
      if (newId !== null) this.byId.set(newId, newRecord);
    }
    for (const [field, index] of this.secondary) {
      const before = oldRecord[field] ?? null;
      const after = newRecord[field] ?? null;
      if (before === after && before !== null) {
        const list = index.get(before);
        const i = list ? list.indexOf(oldRecord) : -1;
        if (list && i >= 0) list[i] = newRecord;
      } else {
        this.#indexDrop(index, before, oldRecord);
        this.#indexAdd(index, after, newRecord);
      }
    }
  }
}

type UndoOp =
  | {
      readonly kind: 'insert';
      readonly table: Table;
      readonly record: SandboxRecord;
      readonly prevNextKey: number;
    }
  | {
      readonly kind: 'replace';
      readonly table: Table;
      readonly before: SandboxRecord;
      readonly after: SandboxRecord;
    }
  | { readonly kind: 'remove'; readonly table: Table; readonly record: SandboxRecord }
  | { readonly kind: 'closed'; readonly entityId: string; readonly before: string | null };

export class SandboxStore {
  readonly companyId: string;
  readonly companyName: string;
  readonly timezone: string;
  readonly clock: SandboxClock;
  /** The top level (id '') first, then the entities. */
  readonly entities: readonly SandboxEntity[];
  readonly seed: number;
  readonly scale: number;
  /** The company's own definition of its objects; tests may change it between runs, as an admin would. */
  company: CompanyProfile;
  readonly counters: StoreCounters = { inserts: 0, updates: 0, deletes: 0, transactions: 0, rollbacks: 0 };

  readonly #tables = new Map<string, Table>();
  readonly #virtual = new Map<string, VirtualProvider>();
  readonly #virtualCache = new Map<
    string,
    { readonly version: number; readonly records: readonly SandboxRecord[] }
  >();
  readonly #closedThrough = new Map<string, string | null>();
  #journal: UndoOp[] | null = null;
  #version = 0;

  constructor(options: SandboxStoreOptions) {
    this.companyId = options.companyId;
    this.companyName = options.companyName;
    this.timezone = options.timezone;
    this.clock = new SandboxClock(options.clockStartMs ?? DEFAULT_START_MS);
    this.seed = options.seed ?? 0;
    this.scale = options.scale ?? 0;
    this.company = options.company ?? companyProfile(DEFAULT_COMPANY_PROFILE);
    const top: SandboxEntity = {
      id: TOP_LEVEL_ID,
      name: options.companyName,
      recordNo: 0,
      baseCurrency: options.topLevelCurrency ?? 'USD',
      country: 'United States',
    };
    this.entities = [top, ...options.entities];
    for (const e of this.entities) this.#closedThrough.set(e.id, null);
    for (const def of SANDBOX_OBJECTS) this.#tables.set(def.name, new Table(def));
  }

  /** Increases on every change; caches (virtual objects, result sets) compare it. */
  get version(): number {
    return this.#version;
  }

  /** The entities without the top level. */
  get entityList(): readonly SandboxEntity[] {
    return this.entities.filter((e) => e.id !== TOP_LEVEL_ID);
  }

  /** An entity by id ('' = top level), or undefined. */
  entity(id: string | null): SandboxEntity | undefined {
    const wanted = id ?? TOP_LEVEL_ID;
    return this.entities.find((e) => e.id === wanted);
  }

  /** The entity's base currency (the top level's for '' or null). */
  baseCurrency(entityId: string | null): string {
    return (this.entity(entityId) ?? this.entities[0]!).baseCurrency;
  }

  /** Books closed through this date (inclusive), per entity; null = nothing closed. */
  closedThrough(entityId: string | null): string | null {
    return this.#closedThrough.get(entityId ?? TOP_LEVEL_ID) ?? null;
  }

  setClosedThrough(entityId: string | null, date: string | null): void {
    const id = entityId ?? TOP_LEVEL_ID;
    this.#journal?.push({ kind: 'closed', entityId: id, before: this.#closedThrough.get(id) ?? null });
    this.#closedThrough.set(id, date);
    this.#version++;
  }

  registerVirtual(object: string, provider: VirtualProvider): void {
    this.#table(object);
    this.#virtual.set(object.toUpperCase(), provider);
  }

  /** All records of an object, ordered by key. Do not mutate the array. */
  list(object: string): readonly SandboxRecord[] {
    const name = object.toUpperCase();
    const provider = this.#virtual.get(name);
    if (provider) {
      const cached = this.#virtualCache.get(name);
      if (cached && cached.version === this.#version) return cached.records;
      const records = provider(this);
      this.#virtualCache.set(name, { version: this.#version, records });
      return records;
    }
    return this.#table(name).records;
  }

  count(object: string): number {
    return this.list(object).length;
  }

  get(object: string, key: string | number): SandboxRecord | undefined {
    const n = typeof key === 'number' ? key : Number(key);
    if (!Number.isSafeInteger(n)) return undefined;
    const name = object.toUpperCase();
    if (this.#virtual.has(name)) return this.list(name).find((r) => Number(r.RECORDNO) === n);
    return this.#table(name).byKey.get(n);
  }

  /** By the object's business id (ACCOUNTNO, CUSTOMERID, ...); ids are unique company-wide. */
  findById(object: string, id: string): SandboxRecord | undefined {
    return this.#table(object).byId?.get(id);
  }

  /**
   * Records whose `field` equals `value`, in key order (GLENTRY by BATCHNO, ARINVOICEITEM by RECORDKEY).
   * The index is built on first use and then kept up to date. Do not mutate the array.
   */
  lookup(object: string, field: string, value: string): readonly SandboxRecord[] {
    return this.#table(object).index(field).get(value) ?? [];
  }

  /**
   * The records a session sees. Entity session E: records of E, plus shared top-level records (null
   * MEGAENTITYID) of list objects. Top-level session (entityId null or ''): top-level records only, or
   * every record with showPrivate.
   */
  *visible(object: string, entityId: string | null, showPrivate: boolean): Iterable<SandboxRecord> {
    yield* this.visibleList(object, entityId, showPrivate);
  }

  /**
   * `visible` as an array in key order, for the read functions' scans (a plain loop over an array
   * costs a fraction of a generator step per record). Do not mutate it.
   */
  visibleList(object: string, entityId: string | null, showPrivate: boolean): readonly SandboxRecord[] {
    const def = requireObjectDef(object);
    const records = this.list(object);
    const entity = entityId ?? TOP_LEVEL_ID;
    const hasMega = def.fields.some((f) => f.name === 'MEGAENTITYID');
    if (!hasMega) return records;
    if (entity === TOP_LEVEL_ID) {
      if (showPrivate) return records;
      return records.filter((r) => r.MEGAENTITYID === null || r.MEGAENTITYID === undefined);
    }
    const name = object.toUpperCase();
    if (def.entityScoped && !this.#virtual.has(name)) {
      // An entity's own records only: its list in the MEGAENTITYID index (key order), instead of a
      // pass over every entity's records for each query of each entity.
      return this.#table(name).index('MEGAENTITYID').get(entity) ?? [];
    }
    return records.filter((r) => {
      const owner = r.MEGAENTITYID ?? null;
      return owner === entity || (owner === null && !def.entityScoped);
    });
  }

  /** The key the next insert into `object` gets (when it does not bring its own). */
  peekNextKey(object: string): number {
    return this.#table(object).nextKey;
  }

  /**
   * Adds a record. Missing fields are null; the key is assigned unless given (a given key must be
   * free; GLDETAIL rows reuse their GLENTRY's RECORDNO). Unknown field names are a programming error.
   */
  insert(object: string, fields: SandboxFields): SandboxRecord {
    const table = this.#table(object);
    for (const name in fields) {
      if (!table.fieldNames.has(name))
        throw new Error(`sandbox store: ${table.def.name} has no field ${name}`);
    }
    const record = table.build(fields);
    const keyField = table.def.key;
    const prevNextKey = table.nextKey;
    const given = record[keyField];
    let key: number;
    if (given === null || given === undefined) {
      key = table.nextKey;
      record[keyField] = String(key);
    } else {
      key = Number(given);
      if (!Number.isSafeInteger(key) || key <= 0) throw new Error(`sandbox store: bad ${keyField} ${given}`);
      if (table.byKey.has(key))
        throw new Error(`sandbox store: duplicate ${keyField} ${key} in ${table.def.name}`);
    }
    const id = table.idOf(record);
    if (table.byId && id !== null && table.byId.has(id)) {
      throw new Error(`sandbox store: duplicate ${table.def.idField} ${id} in ${table.def.name}`);
    }
    table.nextKey = Math.max(table.nextKey, key + 1);
    table.add(record);
    this.#journal?.push({ kind: 'insert', table, record, prevNextKey });
    this.counters.inserts++;
    this.#version++;
    return record;
  }

  /** Replaces a record with a copy carrying `patch`; the key cannot change. */
  update(object: string, key: string | number, patch: SandboxFields): SandboxRecord {
    const table = this.#table(object);
    const before = table.byKey.get(Number(key));
    if (!before) throw new Error(`sandbox store: no ${table.def.name} ${key}`);
    const after: Record<string, string | null> = table.build(before);
    for (const [name, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (!table.fieldNames.has(name))
        throw new Error(`sandbox store: ${table.def.name} has no field ${name}`);
      if (name === table.def.key && value !== before[name])
        throw new Error('sandbox store: cannot change a key');
      after[name] = value;
    }
    const newId = table.idOf(after);
    if (table.byId && newId !== null && newId !== table.idOf(before) && table.byId.has(newId)) {
      throw new Error(`sandbox store: duplicate ${table.def.idField} ${newId} in ${table.def.name}`);
    }
    table.swap(before, after);
    this.#journal?.push({ kind: 'replace', table, before, after });
    this.counters.updates++;
    this.#version++;
    return after;
  }

  /** Removes a record and returns it. */
  remove(object: string, key: string | number): SandboxRecord {
    const table = this.#table(object);
    const record = table.byKey.get(Number(key));
    if (!record) throw new Error(`sandbox store: no ${table.def.name} ${key}`);
    table.drop(record);
    this.#journal?.push({ kind: 'remove', table, record });
    this.counters.deletes++;
    this.#version++;
    return record;
  }

  /**
   * Runs `fn` all-or-nothing: if it throws, every change it made (inserts, updates, removes, key
   * counters, closed dates) is undone and the error is rethrown. Nests (an inner failure undoes only
   * the inner changes when the outer catches it).
   */
  transaction<T>(fn: () => T): T {
    const outer = this.#journal;
    const journal: UndoOp[] = [];
    this.#journal = journal;
    this.counters.transactions++;
    try {
      const result = fn();
      if (outer) outer.push(...journal);
      return result;
    } catch (error) {
      for (let i = journal.length - 1; i >= 0; i--) this.#undo(journal[i]!);
      this.counters.rollbacks++;
      this.#version++;
      throw error;
    } finally {
      this.#journal = outer;
    }
  }

  /** Whether a transaction is open (books use it to decide whether to open their own). */
  get inTransaction(): boolean {
    return this.#journal !== null;
  }

  /** Object names with their record counts (virtual objects excluded). */
  tableSizes(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, t] of this.#tables) if (!this.#virtual.has(name)) out[name] = t.records.length;
    return out;
  }

  #undo(op: UndoOp): void {
    switch (op.kind) {
      case 'insert':
        op.table.drop(op.record);
        op.table.nextKey = Math.min(op.table.nextKey, op.prevNextKey);
        break;
      case 'replace':
        op.table.swap(op.after, op.before);
        break;
      case 'remove':
        op.table.add(op.record);
        break;
      case 'closed':
        this.#closedThrough.set(op.entityId, op.before);
        break;
    }
  }

  #table(object: string): Table {
    const table = this.#tables.get(object.toUpperCase());
    if (!table) throw new Error(`sandbox store: unknown object ${object}`);
    return table;
  }
}

/** Index of the first record whose numeric key is greater than `key` (records are in key order). */
export function firstAfter(records: readonly SandboxRecord[], keyField: string, key: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Number(records[mid]?.[keyField]) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
