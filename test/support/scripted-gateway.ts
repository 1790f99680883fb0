/**
 * A loopback HTTP server that answers Intacct XML requests from a script, for the client's
 * behaviour against hostile or unusual answers the sandbox never gives (results for other control
 * ids, session ids echoed in errors, a gateway that never answers). Answers follow the documented
 * envelope shapes (see test/fixtures/intacct). Not a test file itself.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  /** Session id sent, or undefined for a login. */
  readonly sessionId: string | undefined;
  readonly functions: readonly { readonly controlId: string; readonly name: string }[];
  readonly body: string;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
}

export interface Answer {
  readonly status?: number;
  readonly body: string;
}

/** Returning undefined holds the request open (a gateway that never answers). */
export type Script = (request: SeenRequest, index: number) => Answer | undefined;

export interface ScriptedGateway {
  readonly url: string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startScriptedGateway(script: Script): Promise<ScriptedGateway> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const functions = [...body.matchAll(/<function controlid="([^"]*)"[^>]*>\s*<(\w+)/g)].map((m) => ({
        controlId: m[1] ?? '',
        name: m[2] ?? '',
      }));
      const seen: SeenRequest = {
        sessionId: /<sessionid>([^<]*)<\/sessionid>/.exec(body)?.[1],
        functions,
        body,
        req,
        res,
      };
      requests.push(seen);
      const answer = script(seen, requests.length - 1);
      if (!answer) return;
      res.writeHead(answer.status ?? 200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ia/xml/xmlgw.phtml`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const CONTROL_OK =
  '<control><status>success</status><senderid>s</senderid><controlid>c</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control>';

function authOk(): string {
  const now = new Date();
  const later = new Date(now.getTime() + 3_600_000);
  return `<authentication><status>success</status><userid>u</userid><companyid>C</companyid><locationid></locationid><sessiontimestamp>${now.toISOString()}</sessiontimestamp><sessiontimeout>${later.toISOString()}</sessiontimeout></authentication>`;
}

/** A successful operation with these result blocks. */
export function operation(...results: string[]): Answer {
  return {
    body: `<?xml version="1.0" encoding="UTF-8"?><response>${CONTROL_OK}<operation>${authOk()}${results.join('')}</operation></response>`,
  };
}

export function sessionResult(controlId: string, sessionId: string, endpoint: string): string {
  return `<result><status>success</status><function>getAPISession</function><controlid>${controlId}</controlid><data><api><sessionid>${sessionId}</sessionid><endpoint>${endpoint}</endpoint><locationid></locationid></api></data></result>`;
}

export function lookupResult(controlId: string, object: string): string {
  return `<result><status>success</status><function>lookup</function><controlid>${controlId}</controlid><data listtype="All" count="1"><Type Name="${object}"><Fields><Field><ID>RECORDNO</ID><LABEL>Record number</LABEL><DATATYPE>INTEGER</DATATYPE><ISCUSTOM>false</ISCUSTOM></Field></Fields></Type></data></result>`;
}

export function createdResult(controlId: string, object: string, recordNo: string): string {
  return `<result><status>success</status><function>create</function><controlid>${controlId}</controlid><data listtype="objects" count="1"><${object}><RECORDNO>${recordNo}</RECORDNO></${object}></data></result>`;
}

export function failedResult(controlId: string, fn: string, errorno: string, text: string): string {
  return `<result><status>failure</status><function>${fn}</function><controlid>${controlId}</controlid><errormessage><error><errorno>${errorno}</errorno><description></description><description2>${text}</description2><correction></correction></error></errormessage></result>`;
}

/** An authentication-level refusal (the session is no longer valid); `text` is Intacct's wording. */
export function sessionRefused(
  text = 'Invalid session. The session may have expired; sign in again.',
): Answer {
  return {
    body: `<?xml version="1.0" encoding="UTF-8"?><response>${CONTROL_OK}<operation><authentication><status>failure</status><userid></userid><companyid></companyid></authentication><errormessage><error><errorno>XL03000006</errorno><description></description><description2>${text}</description2><correction></correction></error></errormessage></operation></response>`,
  };
}

export const SERVICE_UNAVAILABLE: Answer = {
  status: 503,
  body: '<html><body>503 Service Unavailable</body></html>',
};

/** The answer to a login or entity getAPISession request, with a fresh long session id. */
export function answerSession(request: SeenRequest, gatewayUrl: string, sessionId: string): Answer {
  const fn = request.functions[0];
  return operation(sessionResult(fn?.controlId ?? '', sessionId, gatewayUrl));
}
