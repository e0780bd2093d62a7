import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { Condition, FieldValues } from '@ticketflow/definition';
import { listFactConditions, readFacts } from './condition-facts.js';
import { isSupportedOperator } from './operators.js';

export interface ConditionResult {
  matched: boolean;
  /** The facts the condition read (missing ones as `null`). */
  values: FieldValues;
}

/** Internal operator: the leaf's fact (or path inside it) has a value. */
const PRESENT = 'ticketflowPresent';
const ENGINE_CACHE_LIMIT = 256;
const engines = new Map<string, Engine>();

/**
 * Evaluates a json-rules-engine condition against a ticket's fields.
 *
 * A field the ticket does not have never matches a leaf (not even `notEqual`
 * or `notIn`); `not` still negates the leaf's result. Only the operators in
 * `SUPPORTED_OPERATORS` are accepted; anything else throws before evaluation.
 * Engines are cached per condition (bounded); otherwise no side effects.
 */
export async function evaluateCondition(condition: Condition, fields: FieldValues): Promise<ConditionResult> {
  const values = readFacts(condition, fields);
  const engine = engineFor(condition);
  const facts: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== null) facts[name] = value;
  }
  const result = await engine.run(facts);
  return { matched: result.events.length > 0, values };
}

function engineFor(condition: Condition): Engine {
  const key = JSON.stringify(condition);
  const cached = engines.get(key);
  if (cached) return cached;
  for (const leaf of listFactConditions(condition)) {
    if (!isSupportedOperator(leaf.operator)) {
      throw new Error(`Unsupported condition operator "${leaf.operator}" on field "${leaf.fact}".`);
    }
  }
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator(PRESENT, (factValue: unknown) => factValue !== undefined && factValue !== null);
  engine.addRule({ conditions: toEngineCondition(condition), event: { type: 'matched' } });
  if (engines.size >= ENGINE_CACHE_LIMIT) {
    const oldest = engines.keys().next().value;
    if (oldest !== undefined) engines.delete(oldest);
  }
  engines.set(key, engine);
  return engine;
}

type EngineCondition = TopLevelCondition | { fact: string; operator: string; value: unknown; path?: string };

function toEngineCondition(condition: Condition): TopLevelCondition {
  const converted = convert(condition);
  return 'fact' in converted ? { all: [converted] } : converted;
}

function convert(condition: Condition): EngineCondition {
  if ('all' in condition) return { all: condition.all.map(convert) } as TopLevelCondition;
  if ('any' in condition) return { any: condition.any.map(convert) } as TopLevelCondition;
  if ('not' in condition) return { not: convert(condition.not) } as TopLevelCondition;
  const leaf: { fact: string; operator: string; value: unknown; path?: string } = {
    fact: condition.fact,
    operator: condition.operator,
    value: condition.value,
  };
  const present: { fact: string; operator: string; value: unknown; path?: string } = {
    fact: condition.fact,
    operator: PRESENT,
    value: true,
  };
  if (condition.path !== undefined) {
    leaf.path = condition.path;
    present.path = condition.path;
  }
  return { all: [present, leaf] } as TopLevelCondition;
}
