/**
 * Resources that let an agent find its way without guessing table names: the list of marts and the
 * data dictionary (every mart column with its description), both from the models project's YAML.
 */
import type { DbtProject } from '../models/project.ts';

export interface MartDoc {
  readonly name: string;
  readonly relation: string;
  readonly description: string;
  readonly columns: readonly { readonly name: string; readonly description: string }[];
}

export function martDocs(project: DbtProject, relationOf: (name: string) => string): MartDoc[] {
  return project.models
    .filter((m) => m.folders[0] === 'marts')
    .map((m) => ({
      name: m.name,
      relation: relationOf(m.name),
      description: m.description,
      columns: m.columns.map((c) => ({ name: c.name, description: c.description })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const MART_LIST_URI = 'intacct-elt://marts';
export const DATA_DICTIONARY_URI = 'intacct-elt://data-dictionary';

export function martListText(marts: readonly MartDoc[]): string {
  return JSON.stringify(
    marts.map((m) => ({ name: m.name, relation: m.relation, description: m.description })),
    null,
    2,
  );
}

export function dataDictionaryText(marts: readonly MartDoc[]): string {
  const lines = ['# Data dictionary of the finance marts', ''];
  for (const m of marts) {
    lines.push(`## ${m.name} (${m.relation})`, '', m.description || '(no description)', '');
    for (const c of m.columns) lines.push(`- ${c.name}: ${c.description}`);
    lines.push('');
  }
  return lines.join('\n');
}
