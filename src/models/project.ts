/**
 * Reads a dbt project from disk into plain data: dbt_project.yml (vars, per-folder model configs),
 * the models (`*.sql`), their YAML (descriptions, columns, tests, sources), macros, seeds and
 * singular tests. Nothing is rendered here; a bad file is reported with its path and what to fix.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ClassifiedError } from '../core/errors.ts';

export type Materialization = 'view' | 'table' | 'incremental';

/** Config keys the runner understands; everything else is kept and ignored. */
export interface ModelConfig {
  readonly materialized?: Materialization;
  readonly schema?: string;
  readonly alias?: string;
  readonly unique_key?: string | readonly string[];
  readonly tags?: readonly string[];
  readonly enabled?: boolean;
  readonly post_hook?: string | readonly string[];
  readonly [key: string]: unknown;
}

export interface TestSpec {
  /** Generic test name (`unique`, `relationships`, `balanced_batches`). */
  readonly name: string;
  /** The model's column, for column tests. */
  readonly column?: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly severity: 'error' | 'warn';
  readonly tags: readonly string[];
}

export interface ColumnDoc {
  readonly name: string;
  readonly description: string;
  readonly tests: readonly TestSpec[];
}

export interface ModelNode {
  readonly name: string;
  /** Path inside the project, with forward slashes (`models/marts/fct_gl_entry.sql`). */
  readonly path: string;
  /** Folders between the model path and the file (`['marts']`). */
  readonly folders: readonly string[];
  readonly sql: string;
  readonly description: string;
  readonly columns: readonly ColumnDoc[];
  readonly tests: readonly TestSpec[];
  /** Config from dbt_project.yml folders and the YAML `config:` block (in-file config() comes later). */
  readonly config: ModelConfig;
}

export interface SourceTable {
  readonly source: string;
  readonly name: string;
  /** Unrendered schema text (may hold Jinja such as `{{ var('raw_schema', 'intacct_raw') }}`). */
  readonly schema: string;
  readonly identifier: string;
  readonly description: string;
  readonly tags: readonly string[];
}

export interface SeedNode {
  readonly name: string;
  readonly path: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly description: string;
}

export interface SingularTest {
  readonly name: string;
  readonly path: string;
  readonly sql: string;
  readonly tags: readonly string[];
}

export interface DbtProject {
  readonly root: string;
  readonly name: string;
  readonly vars: Readonly<Record<string, unknown>>;
  readonly models: readonly ModelNode[];
  readonly sources: readonly SourceTable[];
  readonly seeds: readonly SeedNode[];
  readonly macros: readonly { readonly path: string; readonly text: string }[];
  readonly singularTests: readonly SingularTest[];
  /** Seed schema (`+schema` under `seeds:`), if any. */
  readonly seedConfig: ModelConfig;
}

function projectError(path: string, message: string, fix?: string): ClassifiedError {
  return new ClassifiedError(`${path}: ${message}`, {
    kind: 'terminal',
    level: 'local',
    ...(fix ? { fix } : {}),
  });
}

function readYaml(path: string, root: string): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw projectError(relative(root, path), `is not valid YAML: ${(error as Error).message}`);
  }
}

function walk(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...walk(path, ext));
    else if (entry.endsWith(ext)) out.push(path);
  }
  return out;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string => (typeof v === 'string' ? v : '');
const posix = (p: string) => p.split(sep).join('/');

const CONFIG_KEYS = new Set([
  'materialized',
  'schema',
  'alias',
  'unique_key',
  'tags',
  'enabled',
  'post_hook',
]);

/** Config entries of one dbt_project.yml level: `+key` always, bare keys dbt knows as configs. */
function levelConfig(level: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(level)) {
    const bare = key.startsWith('+') ? key.slice(1) : key;
    if (key.startsWith('+') || CONFIG_KEYS.has(key)) out[bare.replace('-', '_')] = value;
  }
  return out;
}

/** Merges configs as dbt does: later wins; tags accumulate. */
export function mergeConfig(...configs: Record<string, unknown>[]): ModelConfig {
  const out: Record<string, unknown> = {};
  const tags: string[] = [];
  for (const c of configs) {
    for (const [k, v] of Object.entries(c)) {
      if (k === 'tags') tags.push(...(Array.isArray(v) ? v.map(String) : [String(v)]));
      else out[k] = v;
    }
  }
  if (tags.length > 0) out.tags = [...new Set(tags)];
  return out as ModelConfig;
}

function folderConfig(tree: Record<string, unknown>, folders: readonly string[]): ModelConfig {
  const levels = [levelConfig(tree)];
  let level = tree;
  for (const folder of folders) {
    level = asRecord(level[folder]);
    levels.push(levelConfig(level));
  }
  return mergeConfig(...levels);
}

function parseTests(raw: unknown, where: string, column?: string): TestSpec[] {
  const out: TestSpec[] = [];
  for (const t of asArray(raw)) {
    if (typeof t === 'string') {
      out.push({ name: t, ...(column ? { column } : {}), args: {}, severity: 'error', tags: [] });
      continue;
    }
    const entries = Object.entries(asRecord(t));
    if (entries.length !== 1) {
      throw projectError(
        where,
        `a test must be a name or a one-key mapping (name: {args}), got ${JSON.stringify(t)}`,
      );
    }
    const [name, body] = entries[0] as [string, unknown];
    const args = { ...asRecord(body) };
    const config = { ...asRecord(args.config) };
    delete args.config;
    const severity = String(config.severity ?? args.severity ?? 'error').toLowerCase();
    delete args.severity;
    const tags = asArray(config.tags ?? args.tags).map(String);
    delete args.tags;
    out.push({
      name: name.includes('.') ? (name.split('.').pop() as string) : name,
      ...(column ? { column } : {}),
      // dbt 1.10 nests the arguments under `arguments:`; older projects put them beside config.
      args: args.arguments === undefined ? args : asRecord(args.arguments),
      severity: severity === 'warn' ? 'warn' : 'error',
      tags,
    });
  }
  return out;
}

interface YamlModel {
  description: string;
  columns: ColumnDoc[];
  tests: TestSpec[];
  config: Record<string, unknown>;
}

/** Reads one dbt project folder. */
export function loadProject(root: string): DbtProject {
  const projectFile = join(root, 'dbt_project.yml');
  if (!existsSync(projectFile)) {
    throw projectError(projectFile, 'not found', 'Point --project at the folder holding dbt_project.yml');
  }
  const project = asRecord(readYaml(projectFile, root));
  const name = asString(project.name);
  if (!name) throw projectError('dbt_project.yml', 'has no name');
  const modelPaths = asArray(project['model-paths'] ?? ['models']).map(String);
  const macroPaths = asArray(project['macro-paths'] ?? ['macros']).map(String);
  const seedPaths = asArray(project['seed-paths'] ?? ['seeds']).map(String);
  const testPaths = asArray(project['test-paths'] ?? ['tests']).map(String);
  const modelTree = asRecord(asRecord(project.models)[name]);
  const seedConfig = mergeConfig(levelConfig(asRecord(asRecord(project.seeds)[name])));

  // YAML beside the models: descriptions, columns, tests, sources.
  const yamlModels = new Map<string, YamlModel>();
  const sources: SourceTable[] = [];
  const seedDocs = new Map<string, string>();
  for (const base of [...modelPaths, ...seedPaths]) {
    for (const file of [...walk(join(root, base), '.yml'), ...walk(join(root, base), '.yaml')]) {
      const where = posix(relative(root, file));
      const doc = asRecord(readYaml(file, root));
      for (const m of asArray(doc.models)) {
        const model = asRecord(m);
        const modelName = asString(model.name);
        if (!modelName) throw projectError(where, 'a model entry has no name');
        const columns = asArray(model.columns).map((c) => {
          const col = asRecord(c);
          const colName = asString(col.name);
          return {
            name: colName,
            description: asString(col.description),
            tests: parseTests(col.data_tests ?? col.tests, `${where} (${modelName}.${colName})`, colName),
          };
        });
        yamlModels.set(modelName, {
          description: asString(model.description),
          columns,
          tests: parseTests(model.data_tests ?? model.tests, `${where} (${modelName})`),
          config: asRecord(model.config),
        });
      }
      for (const s of asArray(doc.sources)) {
        const source = asRecord(s);
        const sourceName = asString(source.name);
        for (const t of asArray(source.tables)) {
          const table = asRecord(t);
          const tableName = asString(table.name);
          sources.push({
            source: sourceName,
            name: tableName,
            schema: asString(source.schema) || sourceName,
            identifier: asString(table.identifier) || tableName,
            description: asString(table.description),
            tags: asArray(asRecord(table.config).tags ?? table.tags).map(String),
          });
        }
      }
      for (const s of asArray(doc.seeds)) {
        const seed = asRecord(s);
        seedDocs.set(asString(seed.name), asString(seed.description));
      }
    }
  }

  const models: ModelNode[] = [];
  const seen = new Map<string, string>();
  for (const base of modelPaths) {
    for (const file of walk(join(root, base), '.sql')) {
      const path = posix(relative(root, file));
      const modelName = basename(file, '.sql');
      const previous = seen.get(modelName);
      if (previous)
        throw projectError(path, `model name ${modelName} is also used by ${previous}`, 'Rename one of them');
      seen.set(modelName, path);
      const folders = posix(relative(join(root, base), file))
        .split('/')
        .slice(0, -1);
      const yaml = yamlModels.get(modelName);
      models.push({
        name: modelName,
        path,
        folders,
        sql: readFileSync(file, 'utf8'),
        description: yaml?.description ?? '',
        columns: yaml?.columns ?? [],
        tests: yaml?.tests ?? [],
        config: mergeConfig(folderConfig(modelTree, folders), yaml?.config ?? {}),
      });
    }
  }
  for (const name of yamlModels.keys()) {
    if (!seen.has(name))
      throw projectError('models', `YAML describes model ${name}, but there is no ${name}.sql`);
  }

  const macros = macroPaths.flatMap((base) =>
    walk(join(root, base), '.sql').map((file) => ({
      path: posix(relative(root, file)),
      text: readFileSync(file, 'utf8'),
    })),
  );
  const seeds = seedPaths.flatMap((base) =>
    walk(join(root, base), '.csv').map((file) => {
      const path = posix(relative(root, file));
      const [header = [], ...rows] = parseCsv(readFileSync(file, 'utf8'), path);
      const seedName = basename(file, '.csv');
      return { name: seedName, path, header, rows, description: seedDocs.get(seedName) ?? '' };
    }),
  );
  const singularTests = testPaths.flatMap((base) =>
    walk(join(root, base), '.sql').map((file) => {
      const sql = readFileSync(file, 'utf8');
      const tags = /--\s*tags:\s*(.+)/.exec(sql)?.[1];
      return {
        name: basename(file, '.sql'),
        path: posix(relative(root, file)),
        sql,
        tags: tags ? tags.split(',').map((t) => t.trim()) : [],
      };
    }),
  );
  return {
    root,
    name,
    vars: asRecord(project.vars),
    models,
    sources,
    seeds,
    macros,
    singularTests,
    seedConfig,
  };
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string, where: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw projectError(where, 'has an unclosed quote');
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  const width = rows[0]?.length ?? 0;
  rows.forEach((r, i) => {
    if (r.length !== width)
      throw projectError(where, `line ${i + 1} has ${r.length} fields, the header has ${width}`);
  });
  return rows;
}
