import type { SandboxObjectDef } from '../catalog.ts';
import type { SandboxRecord } from '../store.ts';
import { type FunctionContext, type FunctionHandler, scopeKey } from './context.ts';
import type { Cursor } from './cursors.ts';
import { FunctionFailure, queryFailed, supportId } from './errors.ts';
import { QueryError } from './query-ast.ts';
import { parseQueryString } from './query-string.ts';
import { renderData, renderDataPieces } from './records.ts';
import { boundedInt, compileFor, findObject, matching, resolveFields, visibleTo } from './select.ts';
import { childText } from './xml-node.ts';
import type { XmlText } from './xml-writer.ts';

/** readByQuery, readMore, read and readByName. */

export const READ_BY_QUERY_MAX_PAGE = 1000;
export const READ_BY_QUERY_DEFAULT_PAGE = 100;

/** Maps a QueryError to readByQuery's failure (status aborted, 'Query Failed' + XL03000009). */
export function readFailure(e: unknown, def: SandboxObjectDef | undefined): never {
  if (e instanceof QueryError) {
    if (e.reason === 'unknown-field') {
      throw queryFailed(
        `The following field(s) are not valid for object ${def?.name ?? ''}: ${e.fields.join(', ')}. Check the field names.`,
      );
    }
    throw queryFailed(`Invalid query: ${e.message}`);
  }
  throw e;
}

function unknownObject(name: string | undefined): never {
  throw queryFailed(`Object definition ${name ?? ''} not found`);
}

function pageIn(cursor: Cursor, ctx: FunctionContext): XmlText {
  // The renderer needs the zone; cursors are zone-agnostic so the store's zone is applied here.
  const start = cursor.position;
  const records = cursor.records.slice(start, start + cursor.pageSize);
  cursor.position = start + records.length;
  const remaining = cursor.records.length - cursor.position;
  if (remaining === 0) ctx.cursors.close(cursor.resultId);
  const render = ctx.pageServing === 'fast' ? renderDataPieces : renderData;
  return render(
    {
      listtype: cursor.def.name.toLowerCase(),
      count: records.length,
      totalcount: cursor.records.length,
      numremaining: remaining,
      resultId: remaining > 0 ? cursor.resultId : '',
    },
    cursor.def,
    cursor.fields,
    cursor.def.name.toLowerCase(),
    records,
    { timezone: ctx.store.timezone, style: 'readByQuery' },
  );
}

export const readByQuery: FunctionHandler = (fn, ctx) => {
  const objectName = childText(fn.node, 'object');
  const def = findObject(objectName, ctx.store.company);
  if (!def) unknownObject(objectName);
  ctx.noteObject(def.name);
  const returnFormat = (childText(fn.node, 'returnFormat') ?? 'xml').toLowerCase();
  if (returnFormat !== 'xml' && returnFormat !== '')
    throw queryFailed(`returnFormat '${returnFormat}' is not supported by the sandbox`);
  let records: SandboxRecord[];
  let fields: ReturnType<typeof resolveFields>;
  let pageSize: number;
  try {
    fields = resolveFields(def, childText(fn.node, 'fields'));
    const queryText = childText(fn.node, 'query');
    if (queryText === undefined) throw new QueryError('the <query> element is required (it may be empty)');
    pageSize = boundedInt(
      childText(fn.node, 'pagesize'),
      'pagesize',
      1,
      READ_BY_QUERY_MAX_PAGE,
      READ_BY_QUERY_DEFAULT_PAGE,
    );
    const predicate = compileFor(
      def,
      { expr: parseQueryString(queryText), caseInsensitive: false, wireLiterals: true },
      ctx,
    );
    records = matching(def, predicate, ctx, false);
  } catch (e) {
    readFailure(e, def);
  }
  const cursor = ctx.cursors.open(
    { def, fields, records, pageSize, scope: scopeKey(ctx), position: 0 },
    ctx.nowMs,
  );
  return { body: pageIn(cursor, ctx) };
};

/** UNCONFIRMED: Intacct's answer for an unknown or expired resultId. */
function cursorGone(id: string): never {
  throw new FunctionFailure([
    {
      errorno: 'DL02000001',
      description: 'There was an error processing the request.',
      description2: `Invalid resultId '${id}': the result set does not exist or has expired. ${supportId()}`,
      correction: 'Run the readByQuery again.',
    },
  ]);
}

export const readMore: FunctionHandler = (fn, ctx) => {
  const resultId = childText(fn.node, 'resultId');
  const objectName = childText(fn.node, 'object');
  let cursor: Cursor | undefined;
  if (resultId !== undefined) {
    cursor = ctx.cursors.get(resultId.trim(), ctx.nowMs);
    if (!cursor) cursorGone(resultId);
  } else if (objectName !== undefined) {
    const def = findObject(objectName, ctx.store.company);
    if (!def) unknownObject(objectName);
    cursor = ctx.cursors.latest(def.name, scopeKey(ctx), ctx.nowMs);
    if (!cursor) cursorGone(objectName);
  } else {
    throw new FunctionFailure([
      {
        errorno: 'BL01001973',
        description: '',
        description2: 'readMore requires one of resultId, object, view or reportId.',
        correction: '',
      },
    ]);
  }
  ctx.noteObject(cursor.def.name);
  return { body: pageIn(cursor, ctx) };
};

function readKeys(fn: Parameters<FunctionHandler>[0], ctx: FunctionContext, byName: boolean): string {
  const objectName = childText(fn.node, 'object');
  const def = findObject(objectName, ctx.store.company);
  if (!def) unknownObject(objectName);
  ctx.noteObject(def.name);
  let fields: ReturnType<typeof resolveFields>;
  try {
    fields = resolveFields(def, childText(fn.node, 'fields'));
  } catch (e) {
    readFailure(e, def);
  }
  const keysText = childText(fn.node, 'keys') ?? '';
  const keys = keysText
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  if (keys.length > ctx.settings.maxReadKeys) {
    throw queryFailed(
      `Too many keys: at most ${ctx.settings.maxReadKeys} keys may be read at once (got ${keys.length}).`,
    );
  }
  const out: SandboxRecord[] = [];
  if (keys.length === 0 && !byName) {
    // read without keys returns the first page of the object, as Intacct does.
    for (const r of ctx.store.visible(def.name, ctx.entityId, false)) {
      out.push(r);
      if (out.length >= ctx.settings.maxReadKeys) break;
    }
  } else if (byName) {
    const nameField = def.nameField ?? def.idField;
    if (!nameField) throw queryFailed(`Object ${def.name} cannot be read by name.`);
    const wanted = new Set(keys);
    for (const r of ctx.store.visible(def.name, ctx.entityId, false))
      if (wanted.has(r[nameField] ?? '')) out.push(r);
  } else {
    for (const k of keys) {
      const r = ctx.store.get(def.name, k);
      if (r && visibleTo(def, r, ctx.entityId, false)) out.push(r);
    }
  }
  return renderData({ listtype: def.name, count: out.length }, def, fields, def.name, out, {
    timezone: ctx.store.timezone,
    style: 'read',
  });
}

export const read: FunctionHandler = (fn, ctx) => ({ body: readKeys(fn, ctx, false) });
export const readByName: FunctionHandler = (fn, ctx) => ({ body: readKeys(fn, ctx, true) });
