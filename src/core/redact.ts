/**
 * The one redaction layer. Nothing reaches a log line, an error report or a snapshot without
 * passing here. Two rules: values under secret-looking keys are replaced, and every secret value
 * registered at start (passwords, session ids) is scrubbed from any string, wherever it appears.
 */
export const REDACTED = '[redacted]';

const SECRET_KEY_RE =
  /(pass(word)?|secret|token|sessionid|session_id|private_?key|credential|authorization|cookie)$/i;

const registered = new Set<string>();

/** Registers a secret value so it is scrubbed from every later log line and error. */
export function registerSecret(value: string | undefined | null): void {
  // Very short values would scrub innocent text; a real secret is never this short.
  if (!value || value.length < 4) return;
  registered.add(value);
  // The same secret as it appears inside an XML body we echo.
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (escaped !== value) registered.add(escaped);
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_RE.test(key);
}

export function redactString(text: string): string {
  let out = text;
  for (const secret of registered) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  // Secrets inside XML we echo in errors: <password>…</password>, <sessionid>…</sessionid>.
  return out.replace(/<(password|sessionid)>[^<]*<\/\1>/gi, `<$1>${REDACTED}</$1>`);
}

/** Deep copy with secrets removed. Errors become plain objects carrying their useful fields. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const plain: Record<string, unknown> = { name: value.name, message: value.message };
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') Object.assign(plain, json.call(value));
    if (value.cause !== undefined) plain.cause = value.cause;
    return redact(plain, depth + 1);
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSecretKey(k) && v !== undefined && v !== null && v !== '' ? REDACTED : redact(v, depth + 1);
  }
  return out;
}
