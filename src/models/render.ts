/**
 * Renders the project's Jinja with nunjucks in a dbt-shaped context: `ref`, `source`, `config`,
 * `var`, `this`, `is_incremental()`, `target`, `adapter.quote` / `adapter.dispatch`, the `dbt.*`
 * cross-database macros, and the project's own macros and generic tests (`{% test %}` blocks become
 * macros named `test_<name>`, as dbt does internally). Pure: no database is touched here.
 */
import nunjucks from 'nunjucks';
import { ClassifiedError } from '../core/errors.ts';
import type { WarehouseType } from '../warehouse/warehouse.ts';
import { type ModelsAdapter, MODELS_ADAPTERS } from './adapters.ts';
import { BUILTIN_TESTS } from './builtin-tests.ts';
import { type DbtProject, type ModelConfig, type ModelNode, mergeConfig } from './project.ts';

export interface Target {
  readonly type: WarehouseType;
  /** dbt's target name (`dev`, `prod`); models may branch on it. */
  readonly name: string;
  /** The base schema; layers go to `<schema>_<layer>` as dbt's generate_schema_name does. */
  readonly schema: string;
}

/** A table or view as dbt prints it: quoted schema and name. */
export class Relation {
  readonly schema: string;
  readonly identifier: string;
  readonly #quote: string;
  constructor(schema: string, identifier: string, quote: string) {
    this.schema = schema;
    this.identifier = identifier;
    this.#quote = quote;
  }
  get name(): string {
    return this.identifier;
  }
  toString(): string {
    const q = this.#quote;
    return `${q}${this.schema}${q}.${q}${this.identifier}${q}`;
  }
}

/** What parsing a model found: its final config and what it references. */
export interface ParsedModel {
  readonly node: ModelNode;
  readonly config: ModelConfig;
  readonly refs: readonly string[];
  readonly sources: readonly (readonly [string, string])[];
}

export interface RendererOptions {
  /** `--vars` from the command line, over dbt_project.yml's vars. */
  readonly vars?: Readonly<Record<string, unknown>>;
}

type ExportedReader = (ctx: object, cb: (error: unknown, result: unknown) => void) => void;

type Kwargs = Record<string, unknown> & { __keywords?: true };

/** Splits nunjucks' trailing keyword-argument object off a call's arguments. */
function splitKwargs(args: unknown[]): { positional: unknown[]; kwargs: Record<string, unknown> } {
  const last = args[args.length - 1] as Kwargs | undefined;
  if (last && typeof last === 'object' && last.__keywords) {
    const { __keywords: _, ...kwargs } = last;
    return { positional: args.slice(0, -1), kwargs };
  }
  return { positional: args, kwargs: {} };
}

const TEST_BLOCK = /\{%(-?)\s*test\s+([a-zA-Z_][a-zA-Z0-9_]*)\s*\(/g;
const END_TEST = /\{%(-?)\s*endtest\s*(-?)%\}/g;

/** dbt's `{% test name(...) %}` blocks as the macros dbt turns them into (`test_name`). */
export function testBlocksToMacros(text: string): string {
  return text
    .replace(TEST_BLOCK, (_m, dash: string, name: string) => `{%${dash} macro test_${name}(`)
    .replace(END_TEST, (_m, a: string, b: string) => `{%${a} endmacro ${b}%}`);
}

function renderError(where: string, error: unknown): ClassifiedError {
  const message = error instanceof Error ? error.message.replace(/^\(unknown path\)\s*/, '') : String(error);
  return new ClassifiedError(`${where}: ${message}`, {
    kind: 'terminal',
    level: 'local',
    fix: 'Fix the Jinja or SQL of this file; models/README.md lists the supported dbt subset',
  });
}

export class Renderer {
  readonly project: DbtProject;
  readonly target: Target;
  readonly adapter: ModelsAdapter;
  readonly #env: nunjucks.Environment;
  readonly #vars: Record<string, unknown>;
  readonly #configs = new Map<string, ModelConfig>();
  readonly #nodes: Map<string, ModelNode>;
  /** Relations that exist in the warehouse now (`schema.name`), for is_incremental(). */
  #existing: ReadonlySet<string> = new Set();
  #fullRefresh = false;

  constructor(project: DbtProject, target: Target, options: RendererOptions = {}) {
    this.project = project;
    this.target = target;
    this.adapter = MODELS_ADAPTERS[target.type];
    this.#vars = { ...project.vars, ...options.vars };
    this.#nodes = new Map(project.models.map((m) => [m.name, m]));
    this.#env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });
    this.#installGlobals();
    this.#installMacros();
  }

  /** Renders one string (a source's schema, a test argument) in the global context. */
  renderString(text: string, where: string, context: Record<string, unknown> = {}): string {
    try {
      return new nunjucks.Template(text, this.#env, where, true).render(context);
    } catch (error) {
      throw renderError(where, error);
    }
  }

  /** The schema dbt's default generate_schema_name gives a custom schema. */
  schemaFor(config: ModelConfig): string {
    return config.schema ? `${this.target.schema}_${config.schema}` : this.target.schema;
  }

  relationOf(modelName: string): Relation {
    const config = this.#configs.get(modelName) ?? this.#nodes.get(modelName)?.config;
    if (!config)
      throw new ClassifiedError(`unknown model ${modelName}`, { kind: 'terminal', level: 'local' });
    return new Relation(this.schemaFor(config), config.alias ?? modelName, this.adapter.quoteChar);
  }

  seedRelation(name: string): Relation {
    return new Relation(this.schemaFor(this.project.seedConfig), name, this.adapter.quoteChar);
  }

  sourceRelation(source: string, table: string, where: string): Relation {
    const found = this.project.sources.find((s) => s.source === source && s.name === table);
    if (!found) {
      throw new ClassifiedError(
        `${where}: source('${source}', '${table}') is not declared in any sources YAML`,
        {
          kind: 'terminal',
          level: 'local',
          fix: `Add table ${table} under source ${source} in models/staging/*.yml`,
        },
      );
    }
    const schema = this.renderString(found.schema, `source ${source}.schema`).trim();
    return new Relation(schema, found.identifier, this.adapter.quoteChar);
  }

  /** Pass one: each model's final config (in-file config() included) and its references. */
  parse(node: ModelNode): ParsedModel {
    const refs: string[] = [];
    const sources: (readonly [string, string])[] = [];
    const inFile: Record<string, unknown>[] = [];
    const context = {
      ...this.#modelContext(node, false),
      execute: false,
      config: (...args: unknown[]) => {
        inFile.push(splitKwargs(args).kwargs);
        return '';
      },
      ref: (...args: unknown[]) => {
        const name = String(splitKwargs(args).positional.at(-1));
        refs.push(name);
        return this.#nodes.has(name) ? this.relationOf(name) : this.seedRelation(name);
      },
      source: (s: string, t: string) => {
        sources.push([s, t]);
        return new Relation('source', t, this.adapter.quoteChar);
      },
    };
    this.renderTemplate(node.sql, node.path, context);
    const config = mergeConfig(node.config as Record<string, unknown>, ...inFile);
    this.#configs.set(node.name, config);
    return { node, config, refs: [...new Set(refs)], sources };
  }

  /** Sets what pass two needs to answer is_incremental(). */
  setState(existing: ReadonlySet<string>, fullRefresh: boolean): void {
    this.#existing = existing;
    this.#fullRefresh = fullRefresh;
  }

  isIncremental(modelName: string): boolean {
    const config = this.#configs.get(modelName);
    if (config?.materialized !== 'incremental' || this.#fullRefresh) return false;
    const r = this.relationOf(modelName);
    return this.#existing.has(`${r.schema}.${r.identifier}`);
  }

  /** Pass two: the model's SELECT with every reference resolved. */
  render(node: ModelNode): string {
    return this.renderTemplate(node.sql, node.path, this.#modelContext(node, true)).trim();
  }

  renderTemplate(text: string, where: string, context: Record<string, unknown>): string {
    try {
      return new nunjucks.Template(text, this.#env, where, true).render(context);
    } catch (error) {
      throw renderError(where, error);
    }
  }

  /** Calls a generic test macro (`test_<name>`) with dbt's keyword arguments; returns its SELECT. */
  renderTest(testName: string, kwargs: Record<string, unknown>, where: string): string {
    const macro = this.#env.getGlobal(`test_${testName}`) as ((...a: unknown[]) => unknown) | undefined;
    if (typeof macro !== 'function') {
      throw new ClassifiedError(`${where}: no generic test named ${testName}`, {
        kind: 'terminal',
        level: 'local',
        fix: `Define {% test ${testName}(model, column_name) %} in models/macros/, or use unique, not_null, relationships or accepted_values`,
      });
    }
    try {
      return String(macro({ ...kwargs, __keywords: true })).trim();
    } catch (error) {
      throw renderError(where, error);
    }
  }

  #modelContext(node: ModelNode, execute: boolean): Record<string, unknown> {
    return {
      execute,
      this: this.relationOf(node.name),
      model: { name: node.name, path: node.path },
      is_incremental: () => this.isIncremental(node.name),
      config: () => '',
    };
  }

  #var(...args: unknown[]): unknown {
    const { positional } = splitKwargs(args);
    const name = String(positional[0]);
    if (name in this.#vars) return this.#vars[name];
    if (positional.length > 1) return positional[1];
    throw new ClassifiedError(`Required var '${name}' not found in --vars or dbt_project.yml vars`, {
      kind: 'terminal',
      level: 'local',
      fix: `Give it a default (var('${name}', ...)) or set it under vars: in dbt_project.yml`,
    });
  }

  #installGlobals(): void {
    const env = this.#env;
    const crossDb = this.adapter.crossDb;
    const dbt: Record<string, (...a: unknown[]) => string> = {};
    for (const [name, fn] of Object.entries(crossDb)) {
      dbt[name] = (...args: unknown[]) => {
        const { positional, kwargs } = splitKwargs(args);
        const names = MACRO_ARGS[name] ?? [];
        const values = names.map((n, i) => (n in kwargs ? kwargs[n] : positional[i]));
        return (fn as (...a: unknown[]) => string)(...values.map((v) => (Array.isArray(v) ? v : String(v))));
      };
    }
    env.addGlobal('dbt', dbt);
    env.addGlobal('target', { ...this.target, database: '', profile_name: 'intacct_elt' });
    env.addGlobal('var', (...args: unknown[]) => this.#var(...args));
    env.addGlobal('ref', (...args: unknown[]) => {
      const name = String(splitKwargs(args).positional.at(-1));
      return this.#nodes.has(name) ? this.relationOf(name) : this.seedRelation(name);
    });
    env.addGlobal('source', (s: string, t: string) => this.sourceRelation(s, t, 'macro'));
    // Secrets must never be rendered into SQL (it shows up in errors and reports).
    env.addGlobal('env_var', (name: string, fallback?: string) => {
      if (/PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY/i.test(name)) {
        throw new Error(`env_var('${name}') looks like a secret; models may not read secrets`);
      }
      return process.env[name] ?? fallback ?? '';
    });
    env.addGlobal('exceptions', {
      raise_compiler_error: (message: string) => {
        throw new Error(message);
      },
    });
    const adapter = {
      quote: (name: string) => `${this.adapter.quoteChar}${name}${this.adapter.quoteChar}`,
      // adapter.dispatch('name') finds `<target type>__name`, then `default__name`, as dbt does.
      dispatch: (name: string) => {
        for (const candidate of [`${this.target.type}__${name}`, `default__${name}`]) {
          const macro = env.getGlobal(candidate) as unknown;
          if (typeof macro === 'function') return macro;
        }
        throw new Error(`adapter.dispatch: no macro ${this.target.type}__${name} or default__${name}`);
      },
    };
    env.addGlobal('adapter', adapter);
  }

  #installMacros(): void {
    const files = [{ path: 'builtin-tests', text: BUILTIN_TESTS }, ...this.project.macros];
    for (const file of files) {
      let exported: Record<string, unknown> = {};
      try {
        const template = new nunjucks.Template(testBlocksToMacros(file.text), this.#env, file.path, true);
        // getExported is untyped in @types/nunjucks; it hands back the file's top-level macros.
        (template as unknown as { getExported: ExportedReader }).getExported({}, (error, result) => {
          if (error) throw error;
          exported = result as Record<string, unknown>;
        });
      } catch (error) {
        throw renderError(file.path, error);
      }
      for (const [name, macro] of Object.entries(exported)) this.#env.addGlobal(name, macro);
    }
  }
}

/** Argument names of the cross-database macros, for keyword calls (`dbt.dateadd(datepart='day', ...)`). */
const MACRO_ARGS: Readonly<Record<string, readonly string[]>> = {
  date_trunc: ['datepart', 'date'],
  dateadd: ['datepart', 'interval', 'from_date_or_timestamp'],
  datediff: ['first_date', 'second_date', 'datepart'],
  safe_cast: ['field', 'type'],
  cast: ['field', 'type'],
  concat: ['fields'],
  hash: ['field'],
  last_day: ['date', 'datepart'],
  current_timestamp: [],
  type_numeric: [],
  type_timestamp: [],
  type_string: [],
  type_int: [],
  type_bigint: [],
  type_boolean: [],
};
