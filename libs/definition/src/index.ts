export * from './definition.types.js';
export type { Problem, Severity, ValidationResult } from './problem.types.js';
export { PROBLEM_CODES, type ProblemCode } from './problem-codes.js';
export { validateDefinition } from './validate-definition.js';
export { isKindedError, kindOfStatus, type ErrorKind, type KindedError } from './error-kind.js';
export { definitionSchema } from './definition-schema.js';
export { DEFINITION_LIMITS } from './check-size.js';
export { KEY_PATTERN, ID_PATTERN } from './check-structure.js';
export { FIELD_NAME_PATTERN, FIELD_TYPES } from './check-fields.js';
export { HTTP_METHODS, ACTION_TYPES, isHttpUrl } from './check-action.js';
export {
  nodeTypes,
  nodeTypeInfo,
  isNodeType,
  isWaitingNode,
  isSplitType,
  describeNode,
  type NodeTypeInfo,
  type ExitKind,
} from './node-types.js';
export {
  outcomesOf,
  outcomeInfoOf,
  optionalOutcomesOf,
  hasOpenOutcomes,
  type OutcomeInfo,
} from './outcomes.js';
export {
  PLAIN_EXIT,
  canConnect,
  endpointRefusals,
  exitsOf,
  hasSingleExit,
  leavesByOutcome,
  type ConnectionRefusal,
  type ConnectionRequest,
  type ConnectionVerdict,
} from './connection-rules.js';
export {
  parseIsoDuration,
  durationToMillis,
  explainDurationProblem,
  type IsoDuration,
} from './iso-duration.js';
export {
  OPERATORS,
  OPERATORS_BY_FIELD_TYPE,
  isOperatorName,
  operatorFitsFieldType,
  explainValueMismatch,
  isIsoDate,
  type OperatorInfo,
  type OperatorName,
} from './operators.js';
export { orderDecisionEdges } from './decision-order.js';
export { matchParallelBlocks } from './match-parallel-blocks.js';
export { diffDefinitions, sameValue } from './diff-definitions.js';
export type {
  DefinitionDiff,
  DefinitionChange,
  ChangedElement,
  PropertyChange,
  DiffOptions,
} from './diff-definitions.types.js';
export {
  resolveStepForm,
  declaredFormEntries,
  attachmentRuleOf,
  type ResolvedFormEntry,
} from './step-form.js';
export { DOCUMENT_SECTIONS, DOCUMENT_LANGUAGES } from './check-document-action.js';
export { conditionFacts } from './check-forms.js';
