/**
 * The model graph: edges from `ref()`, a stable topological order (a cycle is an error naming the
 * cycle), and dbt's node selection (`name`, `+name`, `name+`, `tag:x`, `path:models/marts`).
 */
import { ClassifiedError } from '../core/errors.ts';
import type { ParsedModel } from './render.ts';

export interface ModelGraph {
  /** Model names in build order: every model after the models it references. */
  readonly order: readonly string[];
  /** model → models it references (seeds left out). */
  readonly parents: ReadonlyMap<string, readonly string[]>;
  /** model → models that reference it. */
  readonly children: ReadonlyMap<string, readonly string[]>;
}

export function buildGraph(models: readonly ParsedModel[], seeds: readonly string[]): ModelGraph {
  const names = new Set(models.map((m) => m.node.name));
  const seedNames = new Set(seeds);
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>(models.map((m) => [m.node.name, []]));
  for (const m of models) {
    const ps: string[] = [];
    for (const ref of m.refs) {
      if (seedNames.has(ref)) continue;
      if (!names.has(ref)) {
        throw new ClassifiedError(`${m.node.path}: ref('${ref}') names no model or seed of this project`, {
          kind: 'terminal',
          level: 'local',
          fix: 'Check the spelling, or add the model',
        });
      }
      ps.push(ref);
      children.get(ref)?.push(m.node.name);
    }
    parents.set(m.node.name, ps);
  }
  // Depth-first, in file order, so the order is stable run to run.
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string) => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      throw new ClassifiedError(`the models reference each other in a cycle: ${cycle.join(' → ')}`, {
        kind: 'terminal',
        level: 'local',
        fix: 'Break the cycle: move the shared logic into an intermediate model both can ref()',
      });
    }
    state.set(name, 'visiting');
    stack.push(name);
    for (const p of parents.get(name) ?? []) visit(p);
    stack.pop();
    state.set(name, 'done');
    order.push(name);
  };
  for (const m of models) visit(m.node.name);
  return { order, parents, children };
}

function closure(start: string, edges: ReadonlyMap<string, readonly string[]>): string[] {
  const out = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const next = todo.pop() as string;
    for (const n of edges.get(next) ?? []) {
      if (!out.has(n)) {
        out.add(n);
        todo.push(n);
      }
    }
  }
  return [...out];
}

/** The models a `--select` list names; every model when the list is empty. */
export function selectModels(
  selectors: readonly string[],
  models: readonly ParsedModel[],
  graph: ModelGraph,
): Set<string> {
  if (selectors.length === 0) return new Set(graph.order);
  const selected = new Set<string>();
  for (const raw of selectors.flatMap((s) => s.split(/[\s,]+/)).filter(Boolean)) {
    const up = raw.startsWith('+');
    const down = raw.endsWith('+');
    const body = raw.replace(/^\+|\+$/g, '');
    let hits: string[];
    if (body.startsWith('tag:')) {
      const tag = body.slice(4);
      hits = models.filter((m) => (m.config.tags ?? []).includes(tag)).map((m) => m.node.name);
    } else if (body.startsWith('path:')) {
      const prefix = body.slice(5).replace(/\/$/, '');
      hits = models
        .filter((m) => m.node.path === prefix || m.node.path.startsWith(`${prefix}/`))
        .map((m) => m.node.name);
    } else {
      hits = models
        .filter((m) => m.node.name === body || m.node.folders.includes(body))
        .map((m) => m.node.name);
    }
    if (hits.length === 0) {
      throw new ClassifiedError(`--select ${raw} matches no model`, {
        kind: 'terminal',
        level: 'local',
        fix: 'Use a model name, a folder, tag:<tag> or path:<folder>, with + for parents or children',
      });
    }
    for (const h of hits) {
      selected.add(h);
      if (up) for (const p of closure(h, graph.parents)) selected.add(p);
      if (down) for (const c of closure(h, graph.children)) selected.add(c);
    }
  }
  return selected;
}
