import { loadConfig } from '../../config/load.ts';
import { redact } from '../../core/redact.ts';
import { EXIT } from '../../core/errors.ts';
import { CONFIG_OPTIONS, defineCommand } from '../command.ts';

export const configCheckCommand = defineCommand({
  name: 'config check',
  summary: 'Validate the configuration and print it resolved, with secrets redacted',
  description:
    'Reads the config file and the environment, validates everything before any network call, and prints the\n' +
    'resolved configuration with secrets redacted and where each value came from. Every problem is reported\n' +
    'at once with its key path and source; exit code 2 when there is any.',
  options: CONFIG_OPTIONS,
  async run(ctx) {
    const loaded = loadConfig({
      argvConfigPath: ctx.values.config as string | undefined,
      env: ctx.env,
      cwd: ctx.cwd,
    });
    const config = redact(loaded.config);
    const sources = Object.fromEntries([...loaded.sources].filter(([k]) => !k.endsWith('File')));
    if (ctx.values.json) {
      ctx.stdout.write(`${JSON.stringify({ valid: true, file: loaded.file ?? null, config, sources })}\n`);
      return EXIT.ok;
    }
    ctx.stdout.write(
      `Configuration is valid${loaded.file ? ` (${loaded.file})` : ' (environment only)'}.\n\n`,
    );
    const lines: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
        for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
        return;
      }
      const source = loaded.sources.get(path) ?? 'default';
      lines.push(`  ${path} = ${JSON.stringify(node)}  (${source})`);
    };
    walk(config, '');
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
});
