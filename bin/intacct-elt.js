#!/usr/bin/env node
// Runs the compiled CLI when built (npm run build; the container image), else the TypeScript
// sources through tsx (a development checkout).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  const { runProcess } = await import(compiled.href);
  await runProcess();
} else {
  const { tsImport } = await import('tsx/esm/api');
  const { runProcess } = await tsImport('../src/cli/main.ts', import.meta.url);
  await runProcess();
}
