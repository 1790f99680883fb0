import type { SandboxFieldDef, SandboxFieldType } from '../catalog.ts';
import type { CompanyProfile } from '../company.ts';
import type { FunctionHandler } from './context.ts';
import { queryFailed } from './errors.ts';
import { findObject } from './select.ts';
import { XmlWriter } from './xml-writer.ts';
import { attr, childText } from './xml-node.ts';

/** lookup and inspect: object definitions, custom fields included, with their types. */

const DATATYPES: Readonly<Record<SandboxFieldType, string>> = {
  text: 'TEXT',
  integer: 'INTEGER',
  decimal: 'DECIMAL',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  boolean: 'BOOLEAN',
};

function writeField(w: XmlWriter, f: SandboxFieldDef): void {
  w.open('Field')
    .leaf('ID', f.name)
    .leaf('LABEL', f.label)
    .leaf('DESCRIPTION', f.label)
    .leaf('REQUIRED', f.required ? 'true' : 'false')
    .leaf('READONLY', f.readonly ? 'true' : 'false')
    .leaf('DATATYPE', DATATYPES[f.type])
    .leaf('ISCUSTOM', f.custom ? 'true' : 'false');
  if (f.maxLength !== undefined) w.leaf('MAXLENGTH', f.maxLength);
  w.close('Field');
}

function definition(objectName: string | undefined, detailed: boolean, company: CompanyProfile): string {
  const def = findObject(objectName, company);
  if (!def) throw queryFailed(`Object definition ${objectName ?? ''} not found`);
  const w = new XmlWriter().open('data', { listtype: 'All', count: 1 });
  if (detailed) {
    w.open('Type', { Name: def.name, DocumentType: '' }).open('Fields');
    for (const f of def.fields) writeField(w, f);
    // Integrations read Type/Relationships next to Type/Fields; the sandbox has no relationships.
    w.close('Fields').leaf('Relationships', null).close('Type');
  } else {
    w.open('Type', { Name: def.name, typename: def.name }).open('Fields');
    for (const f of def.fields) w.leaf('Field', f.name);
    w.close('Fields').close('Type');
  }
  return w.close('data').toString();
}

export const lookup: FunctionHandler = (fn, ctx) => {
  const name = childText(fn.node, 'object');
  const body = definition(name, true, ctx.store.company);
  ctx.noteObject((name ?? '').toUpperCase());
  return { body };
};

export const inspect: FunctionHandler = (fn, ctx) => {
  const name = childText(fn.node, 'object');
  const body = definition(name, attr(fn.node, 'detail') === '1', ctx.store.company);
  ctx.noteObject((name ?? '').toUpperCase());
  return { body };
};
