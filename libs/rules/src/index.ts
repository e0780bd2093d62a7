export { evaluateCondition, type ConditionResult } from './evaluate-condition.js';
export { describeCondition, formatValue } from './describe-condition.js';
export { chooseBranch, type BranchChoice, type BranchDetail } from './choose-branch.js';
export { listFactConditions, readFacts } from './condition-facts.js';
export {
  SUPPORTED_OPERATORS,
  OPERATOR_TEXT,
  isSupportedOperator,
  type SupportedOperator,
  type DescribeLocale,
} from './operators.js';
export { describeChanges, type ChangeText } from './describe-changes.js';
export { describeDuration, describeProperty, describeValue } from './describe-values.js';
