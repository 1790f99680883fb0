import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/models/build.ts';
import { renderHtml, renderLineageSvg, renderMarkdown } from '../../src/models/docs.ts';
import { loadProject } from '../../src/models/project.ts';

const plan = planProject(loadProject(join(import.meta.dirname, '..', '..', 'models')), {
  type: 'duckdb',
  name: 'default',
  schema: 'analytics',
});

describe('models docs', () => {
  it('the data dictionary lists every model with its columns and tests', () => {
    const md = renderMarkdown(plan);
    for (const p of plan.parsed) expect(md).toContain(`## ${p.node.name}\n`);
    expect(md).toContain('| account_no | GL account. | not_null, relationships |');
    expect(md).toContain('Tests: balanced_batches');
  });

  it('draws the lineage as SVG: a box per model and an arrow per ref()', () => {
    const svg = renderLineageSvg(plan);
    const edges = [...plan.graph.parents.values()].reduce((n, ps) => n + ps.length, 0);
    expect(svg.match(/<rect /g)?.length).toBe(plan.parsed.length);
    expect(svg.match(/marker-end=/g)?.length).toBe(edges);
    const html = renderHtml(plan);
    expect(html).toContain('<section id="trial_balance">');
    expect(html).toContain('Used by: <a href="#trial_balance">');
  });
});
