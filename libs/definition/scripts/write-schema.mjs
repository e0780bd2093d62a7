// Rewrites definition.schema.json from the TS constant. Run after a build:
//   npx tsc -p tsconfig.build.json && node scripts/write-schema.mjs
import { writeFileSync } from 'node:fs';
import { definitionSchema } from '../dist/definition-schema.js';

const target = new URL('../definition.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(definitionSchema, null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
