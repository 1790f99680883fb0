import { configReference } from '../config/reference.ts';
import { ENV_VARS } from '../config/schema.ts';
import { COMMANDS } from './commands/index.ts';
import { commandHelp } from './main.ts';

/**
 * The README parts generated from code, so they cannot drift: `npm run docs` writes them and a test
 * fails when the README differs.
 */
export function readmeSections(): Record<string, string> {
  const commands = COMMANDS.map(
    (c) => `### \`intacct-elt ${c.name}\`\n\n\`\`\`text\n${commandHelp(c)}\n\`\`\``,
  ).join('\n\n');
  const env = ENV_VARS.map((e) => `\`${e.name}\` → \`${e.path}\``).join(', ');
  return {
    config: `${configReference()}\n\nEnvironment variables: ${env}.`,
    commands,
  };
}

const block = (name: string, body: string) =>
  `<!-- generated:${name} -->\n${body}\n<!-- /generated:${name} -->`;

/** The README with every generated section replaced by its current text. */
export function renderReadme(readme: string): string {
  let out = readme;
  for (const [name, body] of Object.entries(readmeSections())) {
    const re = new RegExp(`<!-- generated:${name} -->[\\s\\S]*?<!-- /generated:${name} -->`);
    if (!re.test(out)) throw new Error(`README has no generated:${name} section`);
    out = out.replace(re, () => block(name, body));
  }
  return out;
}
