import { configReference } from '../../config/reference.ts';
import { EXIT } from '../../core/errors.ts';
import { defineCommand } from '../command.ts';

export const configReferenceCommand = defineCommand({
  name: 'config reference',
  summary: 'Print the configuration reference (Markdown), generated from the schema',
  options: {},
  async run(ctx) {
    ctx.stdout.write(`${configReference()}\n`);
    return EXIT.ok;
  },
});
