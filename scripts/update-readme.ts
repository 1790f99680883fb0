// Rewrites the generated sections of README.md (configuration and command reference).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReadme } from '../src/cli/readme-sections.ts';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = renderReadme(before);
writeFileSync(path, after);
console.log(before === after ? 'README.md is up to date' : 'README.md updated');
