import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { ConfigError, type ConfigProblem } from '../core/errors.ts';
import { registerSecret } from '../core/redact.ts';
import { ENV_VARS, type JobConfig, SECRET_PATHS, configSchema } from './schema.ts';

export const DEFAULT_CONFIG_FILES = [
  'intacct-elt.config.yaml',
  'intacct-elt.config.yml',
  'intacct-elt.config.json',
];

export interface LoadConfigOptions {
  /** `--config PATH`, when given. */
  readonly argvConfigPath?: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface LoadedConfig {
  readonly config: JobConfig;
  /** The config file read, if any. */
  readonly file: string | undefined;
  /** Where each leaf value came from, by dotted key path. */
  readonly sources: ReadonlyMap<string, string>;
}

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getPath(tree: Tree, path: string): unknown {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (!isTree(node)) return undefined;
    node = node[part];
  }
  return node;
}

function setPath(tree: Tree, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    if (!isTree(node[part])) node[part] = {};
    node = node[part] as Tree;
  }
  node[parts[parts.length - 1] as string] = value;
}

function deletePath(tree: Tree, path: string): void {
  const parts = path.split('.');
  const parent = getPath(tree, parts.slice(0, -1).join('.'));
  if (isTree(parent)) delete parent[parts[parts.length - 1] as string];
}

function recordLeaves(value: unknown, prefix: string, source: string, sources: Map<string, string>): void {
  if (isTree(value)) {
    for (const [k, v] of Object.entries(value))
      recordLeaves(v, prefix ? `${prefix}.${k}` : k, source, sources);
  } else {
    sources.set(prefix, source);
  }
}

function findConfigFile(options: LoadConfigOptions): { path: string | undefined; problem?: ConfigProblem } {
  if (options.argvConfigPath !== undefined) {
    const path = resolve(options.cwd, options.argvConfigPath);
    if (!existsSync(path)) {
      return {
        path: undefined,
        problem: {
          path: '',
          message: `config file ${options.argvConfigPath} does not exist`,
          source: '--config',
        },
      };
    }
    return { path };
  }
  for (const name of DEFAULT_CONFIG_FILES) {
    const path = resolve(options.cwd, name);
    if (existsSync(path)) return { path };
  }
  return { path: undefined };
}

function readConfigFile(path: string): { tree: Tree; problem?: ConfigProblem } {
  const text = readFileSync(path, 'utf8');
  try {
    const parsed: unknown = path.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
    if (parsed === null || parsed === undefined) return { tree: {} };
    if (!isTree(parsed)) {
      return {
        tree: {},
        problem: { path: '', message: 'the config file must hold a mapping of keys', source: path },
      };
    }
    return { tree: parsed };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      tree: {},
      problem: { path: '', message: `cannot parse the config file: ${message}`, source: path },
    };
  }
}

function envValue(text: string, parse: 'list' | 'boolean' | undefined): unknown {
  if (parse === 'list') {
    return text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  }
  if (parse === 'boolean') return text === 'true' || text === '1';
  return text;
}

const isSecretPath = (path: string) => (SECRET_PATHS as readonly string[]).includes(path);

/** A value as shown in a problem: short, and never a secret's. */
function shown(value: unknown, path: string): string {
  if (isSecretPath(path)) return 'a value';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `value` is what the tree holds at the issue's path (zod does not report its input). */
function describeIssue(issue: z.core.$ZodIssue, path: string, value: unknown): string {
  if (issue.code === 'invalid_type' && value === undefined) {
    const env = ENV_VARS.find((e) => e.path === path)?.name;
    if (isSecretPath(path)) {
      return `is required (set ${env} or give ${path.split('.').pop()}File: <path to a file holding it>)`;
    }
    return `is required${env ? ` (set it in the config file or in ${env})` : ''}`;
  }
  if (issue.code === 'invalid_type') {
    const expected = String(issue.expected);
    const article = /^[aeiou]/.test(expected) ? 'an' : 'a';
    return `must be ${article} ${expected}, not ${shown(value, path)}`;
  }
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  return issue.message;
}

/** Where the value at `path` came from: its own source, or that of a key under it. */
function sourceOf(sources: ReadonlyMap<string, string>, path: string): string | undefined {
  const own = sources.get(path);
  if (own !== undefined) return own;
  for (const [key, source] of sources) if (path === '' || key.startsWith(`${path}.`)) return source;
  return undefined;
}

/**
 * Reads the config file, applies environment variables, resolves secret files, and validates the
 * result. Reports every problem at once, each with its key path and where the value came from.
 */
export function loadConfig(options: LoadConfigOptions): LoadedConfig {
  const problems: ConfigProblem[] = [];
  const sources = new Map<string, string>();
  const found = findConfigFile(options);
  if (found.problem) problems.push(found.problem);
  let tree: Tree = {};
  if (found.path) {
    const read = readConfigFile(found.path);
    if (read.problem) problems.push(read.problem);
    tree = read.tree;
    recordLeaves(tree, '', found.path, sources);
  }
  const fileLabel = found.path ?? 'config';

  for (const secret of SECRET_PATHS) {
    if (getPath(tree, secret) !== undefined) {
      const envName = ENV_VARS.find((e) => e.path === secret)?.name;
      problems.push({
        path: secret,
        message: `secrets may not be written in the config file; set ${envName ?? 'the environment variable'} or give ${secret.split('.').pop()}File: <path to a file holding it>`,
        source: fileLabel,
      });
      deletePath(tree, secret);
    }
  }

  for (const { name, path, parse } of ENV_VARS) {
    const text = options.env[name];
    if (text === undefined || text === '') continue;
    setPath(tree, path, envValue(text, parse));
    sources.set(path, `environment variable ${name}`);
  }

  for (const secret of SECRET_PATHS) {
    const fileKey = `${secret}File`;
    const filePath = getPath(tree, fileKey);
    if (filePath === undefined) continue;
    deletePath(tree, fileKey);
    if (getPath(tree, secret) !== undefined) continue; // the environment wins over a secrets file
    if (typeof filePath !== 'string' || filePath === '') {
      problems.push({
        path: fileKey,
        message: 'must be a path to a file',
        source: sources.get(fileKey) ?? fileLabel,
      });
      continue;
    }
    const base = found.path ? resolve(found.path, '..') : options.cwd;
    const absolute = isAbsolute(filePath) ? filePath : resolve(base, filePath);
    try {
      setPath(tree, secret, readFileSync(absolute, 'utf8').trim());
      sources.set(secret, `secret file ${filePath}`);
    } catch {
      problems.push({
        path: fileKey,
        message: `cannot read secret file ${filePath}`,
        source: sources.get(fileKey) ?? fileLabel,
      });
    }
  }

  // An absent section would be reported as one problem; report each missing key instead.
  if (!isTree(tree.intacct)) tree.intacct ??= {};
  const parsed = configSchema.safeParse(tree);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const missing = found.path
        ? `missing from ${found.path} and the environment`
        : 'missing: no config file and no environment variable';
      if (issue.code === 'unrecognized_keys') {
        // One problem per key, each with the file or variable it was written in.
        for (const key of issue.keys) {
          const keyPath = path ? `${path}.${key}` : key;
          problems.push({
            path: keyPath,
            message: `unknown key ${key}${path ? ` in ${path}` : ''}`,
            source: sourceOf(sources, keyPath) ?? fileLabel,
          });
        }
        continue;
      }
      const value = getPath(tree, path);
      problems.push({
        path,
        message: describeIssue(issue, path, value),
        source: sourceOf(sources, path) ?? (value === undefined ? missing : fileLabel),
      });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const config = parsed.data as JobConfig;
  for (const secret of SECRET_PATHS) {
    const value = getPath(config as unknown as Tree, secret);
    if (typeof value === 'string') registerSecret(value);
  }
  return { config, file: found.path, sources };
}
