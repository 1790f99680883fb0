import { z } from 'zod';
import { ENV_VARS, SECRET_PATHS, configSchema } from './schema.ts';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  required?: string[];
}

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (s.const !== undefined) return `\`${String(s.const)}\``;
  if (s.type === 'array' && s.items) return `list of ${typeOf(s.items)}`;
  if (Array.isArray(s.type)) return s.type.join(' \\| ');
  return s.type ?? 'value';
}

interface Row {
  key: string;
  type: string;
  required: boolean;
  default: string;
  description: string;
}

function walk(schema: JsonSchema, prefix: string, required: boolean, rows: Row[], variant?: string): void {
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) {
    const tags = variants.map((v) => v.properties?.type?.const).filter((t) => t !== undefined);
    if (tags.length > 0) {
      rows.push({
        key: `${prefix}.type`,
        type: tags.map((t) => `\`${String(t)}\``).join(' \\| '),
        required: false,
        default:
          schema.default === undefined
            ? ''
            : `\`${JSON.stringify((schema.default as { type?: unknown }).type)}\``,
        description: schema.description ?? '',
      });
    }
    for (const v of variants) {
      const tag = v.properties?.type?.const;
      walk(
        { ...v, description: v.description ?? schema.description },
        prefix,
        required,
        rows,
        tag === undefined ? variant : String(tag),
      );
    }
    return;
  }
  if (schema.type === 'object' && schema.properties) {
    for (const [name, child] of Object.entries(schema.properties)) {
      const key = prefix ? `${prefix}.${name}` : name;
      if (variant && name === 'type') continue;
      walk(child, key, (schema.required ?? []).includes(name), rows, variant);
    }
    return;
  }
  rows.push({
    key: variant ? `${prefix} (${variant})` : prefix,
    type: typeOf(schema),
    required: required && schema.default === undefined,
    default: schema.default === undefined ? '' : `\`${JSON.stringify(schema.default)}\``,
    description: schema.description ?? '',
  });
}

/** The configuration reference as a Markdown table, generated from the zod schema. */
export function configReference(): string {
  const json = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows: Row[] = [];
  walk(json, '', true, rows);
  const seen = new Set<string>();
  const lines = ['| key | type | default | environment | description |', '| --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    const path = row.key.replace(/ \(.*\)$/, '');
    if (seen.has(row.key)) continue;
    seen.add(row.key);
    const env = ENV_VARS.find((e) => e.path === path)?.name;
    const secret = (SECRET_PATHS as readonly string[]).includes(path);
    const envText = env ? `\`${env}\`` : '';
    const secretText = secret ? ` Environment or \`${path.split('.').pop()}File\` only.` : '';
    const req = row.required ? ' Required.' : '';
    lines.push(
      `| \`${row.key}\` | ${row.type} | ${row.default} | ${envText} | ${row.description}${req}${secretText} |`,
    );
  }
  return lines.join('\n');
}
