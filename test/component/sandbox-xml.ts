/**
 * Helpers for the sandbox component tests: raw XML requests over HTTP to 127.0.0.1 and a small reader
 * for the answers. Not a test file itself.
 */
import { request } from 'undici';
import type { SandboxCredentials } from '../../src/sandbox/index.ts';
import {
  type XmlNode,
  attr,
  child,
  childText,
  children,
  parseXml,
} from '../../src/sandbox/protocol/xml-node.ts';

export { attr, child, childText, children };
export type { XmlNode };

export interface EnvelopeOptions {
  readonly creds: SandboxCredentials;
  /** Inner XML of each function, with its control id: [controlid, xml]. */
  readonly functions: readonly (readonly [string, string])[];
  readonly sessionId?: string;
  readonly locationId?: string;
  readonly transaction?: boolean;
  /** undefined: send false (as every SDK does); null: omit the element (server default true). */
  readonly uniqueId?: boolean | null;
  readonly dtdVersion?: string;
  readonly senderId?: string;
  readonly senderPassword?: string;
  readonly userPassword?: string;
  readonly controlId?: string;
}

export function envelope(o: EnvelopeOptions): string {
  const unique = o.uniqueId === null ? '' : `<uniqueid>${o.uniqueId ? 'true' : 'false'}</uniqueid>`;
  const auth = o.sessionId
    ? `<sessionid>${o.sessionId}</sessionid>`
    : `<login><userid>${o.creds.userId}</userid><companyid>${o.creds.companyId}</companyid><password>${
        o.userPassword ?? o.creds.userPassword
      }</password>${o.locationId === undefined ? '' : `<locationid>${o.locationId}</locationid>`}</login>`;
  const fns = o.functions.map(([id, xml]) => `<function controlid="${id}">${xml}</function>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<request><control><senderid>${o.senderId ?? o.creds.senderId}</senderid><password>${
    o.senderPassword ?? o.creds.senderPassword
  }</password><controlid>${o.controlId ?? 'req-1'}</controlid>${unique}<dtdversion>${o.dtdVersion ?? '3.0'}</dtdversion></control>
<operation${o.transaction === undefined ? '' : ` transaction="${o.transaction}"`}><authentication>${auth}</authentication><content>${fns}</content></operation></request>`;
}

export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly contentType: string;
  /** The parsed <response>, when the body is XML. */
  readonly response: XmlNode | undefined;
}

export async function post(url: string, body: string): Promise<Answer> {
  const res = await request(url, { method: 'POST', body, headers: { 'content-type': 'application/xml' } });
  const text = await res.body.text();
  let response: XmlNode | undefined;
  try {
    response = child(parseXml(text), 'response');
  } catch {
    response = undefined;
  }
  return { status: res.statusCode, text, contentType: String(res.headers['content-type'] ?? ''), response };
}

export async function admin(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: admin answers are free-form JSON read by the tests
): Promise<{ status: number; json: any }> {
  const res = await request(`${baseUrl}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.statusCode, json: await res.body.json() };
}

export function results(a: Answer): XmlNode[] {
  return children(child(a.response, 'operation'), 'result');
}

export function result(a: Answer, index = 0): XmlNode {
  const r = results(a)[index];
  if (!r) throw new Error(`no result ${index} in:\n${a.text.slice(0, 2000)}`);
  return r;
}

export function errorNos(node: XmlNode | undefined): string[] {
  return children(child(node, 'errormessage'), 'error').map((e) => childText(e, 'errorno') ?? '');
}

export function errorTexts(node: XmlNode | undefined): string {
  return children(child(node, 'errormessage'), 'error')
    .map(
      (e) =>
        `${childText(e, 'errorno')} ${childText(e, 'description')} ${childText(e, 'description2')} ${childText(e, 'correction')}`,
    )
    .join(' | ');
}

/** Record elements of a result's <data>, each as a field map. */
export function records(r: XmlNode, tag: string): Record<string, string>[] {
  return children(child(r, 'data'), tag).map((rec) => {
    const out: Record<string, string> = {};
    if (typeof rec === 'object') {
      for (const [k, v] of Object.entries(rec)) {
        if (Array.isArray(v)) out[k] = childText(rec, k) ?? '';
        void v;
      }
    }
    return out;
  });
}

export function dataAttr(r: XmlNode, name: string): string | undefined {
  return attr(child(r, 'data'), name);
}
