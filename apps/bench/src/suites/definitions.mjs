import { compileDefinition } from '@ticketflow/compiler';
import { validateDefinition } from '@ticketflow/definition';
import { generatedDefinition } from '../fixtures.mjs';
import { repeat } from '../stats.mjs';

/** Validate and compile definitions of 10, 100 and 1,000 nodes: milliseconds per call (median of runs). */
export async function definitionsSuite({ runs }) {
  const rows = [];
  for (const size of [10, 100, 1000]) {
    const definition = generatedDefinition(size);
    const iterations = size >= 1000 ? 3 : size >= 100 ? 20 : 200;
    const result = await repeat(runs, async () => {
      let start = performance.now();
      for (let i = 0; i < iterations; i += 1)
        if (!validateDefinition(definition).valid) throw new Error('generated definition is invalid');
      const validateMs = (performance.now() - start) / iterations;
      start = performance.now();
      for (let i = 0; i < iterations; i += 1) compileDefinition(definition);
      const compileMs = (performance.now() - start) / iterations;
      return { validateMs, compileMs };
    });
    rows.push({
      name: `${definition.nodes.length} nodes`,
      counted: 'ms per validateDefinition / compileDefinition call',
      ...result,
    });
  }
  return rows;
}
