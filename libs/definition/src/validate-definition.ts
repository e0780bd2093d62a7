import { checkConditions } from './check-conditions.js';
import { checkExits } from './check-exits.js';
import { checkForms } from './check-forms.js';
import { checkGraph } from './check-graph.js';
import { checkLoops } from './check-loops.js';
import { checkMultiInstance } from './check-multi-instance.js';
import { checkParallel } from './check-parallel.js';
import { checkRanges } from './check-ranges.js';
import { checkReferences } from './check-references.js';
import { checkSize } from './check-size.js';
import { checkStructure } from './check-structure.js';
import { checkSubflows } from './check-subflow.js';
import { buildDefinitionGraph } from './definition-graph.js';
import { ProblemSink } from './problem-sink.js';
import type { ValidationResult } from './problem.types.js';

/**
 * Validates a workflow definition and returns every problem at once: size first (a
 * too-large input is rejected before anything else is read), then structure (the JSON
 * Schema's rules), then graph checks on whatever is usable. Accepts any input — null,
 * strings, hostile objects — and never throws; `valid` is true when no problem is an error.
 * The Designer and the server both call this, so both say the same. Pure.
 */
export function validateDefinition(input: unknown): ValidationResult {
  const sink = new ProblemSink();
  try {
    if (!checkSize(input, sink) && checkStructure(sink, input)) {
      const graph = buildDefinitionGraph(input);
      checkGraph(sink, graph);
      checkExits(sink, graph);
      checkReferences(sink, graph);
      checkForms(sink, graph);
      checkConditions(sink, graph);
      checkRanges(sink, graph);
      checkParallel(sink, graph);
      checkLoops(sink, graph);
      checkMultiInstance(sink, graph);
      checkSubflows(sink, graph, input);
    }
  } catch {
    // A bug here must not turn into a 500 or let an unchecked definition through.
    sink.add(
      'internal-error',
      'The workflow could not be checked completely because of an internal error; please report it with this definition.',
    );
  }
  return { valid: !sink.problems.some((problem) => problem.severity === 'error'), problems: sink.problems };
}
