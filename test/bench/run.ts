import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// `npm run bench`: runs every test/bench/*.bench.ts (or those whose name contains argv[2]).
const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  const module = (await import(pathToFileURL(`${here}/${file}`).href)) as { run(): Promise<void> };
  await module.run();
}
if (files.length === 0) console.log('no benchmarks matched');
process.exit(0);
