import { useTranslation } from 'react-i18next';
import type { Condition, FactCondition, FieldDefinition } from '@ticketflow/definition';
import { operatorsForType } from '../model/pure-libs';
import { FieldValueInput } from '../fields/FieldValueInput';
import { NewFieldForm } from './NewFieldForm';
import {
  LIST_OPERATORS,
  addChild,
  changeField,
  changeOperator,
  childrenOf,
  newRule,
  normalizeRoot,
  removeAt,
  setGroupKind,
  toggleNot,
  updateAt,
  type Path,
} from './condition-model';

interface Props {
  condition: Condition | undefined;
  fields: FieldDefinition[];
  onChange: (condition: Condition) => void;
  /** When given and there are no fields yet, a small form declares one and starts a rule on it. */
  onAddField?: (field: FieldDefinition) => void;
}

const pathId = (path: Path) => (path.length ? path.join('-') : 'root');

/**
 * No-code editor for a decision edge's condition: rules (field, operator, value)
 * grouped with all / any and negated with not. Works on the condition model;
 * never asks for JSON.
 */
export function ConditionBuilder({ condition, fields, onChange, onAddField }: Props) {
  const { t } = useTranslation();
  const root = normalizeRoot(condition);
  if (fields.length === 0) {
    if (onAddField) return <NewFieldForm onAdd={onAddField} taken={[]} />;
    return (
      <p className="muted small" data-testid="cond-no-fields">
        {t('designer.cond.noFields')}
      </p>
    );
  }
  return (
    <div className="cond-builder" data-testid="condition-builder">
      <GroupView node={root} path={[]} fields={fields} root={root} onChange={onChange} />
    </div>
  );
}

interface NodeViewProps {
  node: Condition;
  path: Path;
  fields: FieldDefinition[];
  root: Condition;
  onChange: (condition: Condition) => void;
  /** Where not/remove act: the enclosing `not` for a negated rule or group. */
  toolsPath?: Path;
}

function GroupView({ node, path, fields, root, onChange, toolsPath }: NodeViewProps) {
  const { t } = useTranslation();
  const kind = 'any' in node ? 'any' : 'all';
  return (
    <div className="cond-group" data-testid={`cond-group-${pathId(path)}`}>
      <div className="row">
        <select
          data-testid="cond-group-kind"
          value={kind}
          onChange={(e) => onChange(setGroupKind(root, path, e.target.value as 'all' | 'any'))}
        >
          <option value="all">{t('designer.cond.all')}</option>
          <option value="any">{t('designer.cond.any')}</option>
        </select>
        {path.length > 0 && <NodeTools path={toolsPath ?? path} root={root} onChange={onChange} />}
      </div>
      {childrenOf(node).map((child, i) => (
        <ChildView key={i} node={child} path={[...path, i]} fields={fields} root={root} onChange={onChange} />
      ))}
      <div className="row">
        <button
          type="button"
          data-testid="cond-add"
          onClick={() => onChange(addChild(root, path, newRule(fields[0]!)))}
        >
          + {t('designer.cond.addRule')}
        </button>
        <button
          type="button"
          data-testid="cond-add-group"
          onClick={() => onChange(addChild(root, path, { any: [newRule(fields[0]!)] }))}
        >
          + {t('designer.cond.addGroup')}
        </button>
      </div>
    </div>
  );
}

function ChildView(props: NodeViewProps) {
  const { t } = useTranslation();
  const { node } = props;
  if ('not' in node) {
    return (
      <div className="cond-not" data-testid={`cond-not-${pathId(props.path)}`}>
        <span className="cond-not__label">{t('designer.cond.not')}</span>
        <ChildView {...props} node={node.not} path={[...props.path, 0]} toolsPath={props.path} />
      </div>
    );
  }
  if ('fact' in node) return <RuleView {...props} node={node} />;
  return <GroupView {...props} />;
}

function NodeTools({
  path,
  root,
  onChange,
}: {
  path: Path;
  root: Condition;
  onChange: (c: Condition) => void;
}) {
  const { t } = useTranslation();
  const target = path;
  return (
    <>
      <button
        type="button"
        data-testid="cond-not"
        title={t('designer.cond.toggleNot')}
        onClick={() => onChange(toggleNot(root, target))}
      >
        {t('designer.cond.not')}
      </button>
      <button
        type="button"
        data-testid="cond-remove"
        aria-label={t('common.remove')}
        onClick={() => onChange(removeAt(root, target))}
      >
        ×
      </button>
    </>
  );
}

function RuleView({
  node,
  path,
  fields,
  root,
  onChange,
  toolsPath,
}: NodeViewProps & { node: FactCondition }) {
  const { t } = useTranslation();
  const field = fields.find((f) => f.name === node.fact);
  const operators = field ? operatorsForType(field.type) : [node.operator];
  const set = (rule: FactCondition) => onChange(updateAt(root, path, () => rule));
  return (
    <div className="cond-rule row" data-testid={`cond-rule-${pathId(path)}`}>
      <select
        data-testid="cond-field"
        aria-label={t('designer.cond.field')}
        value={node.fact}
        onChange={(e) => {
          const next = fields.find((f) => f.name === e.target.value);
          if (next) set(changeField(node, next));
        }}
      >
        {!field && <option value={node.fact}>{node.fact} ?</option>}
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.label ?? f.name}
          </option>
        ))}
      </select>
      <select
        data-testid="cond-operator"
        aria-label={t('designer.cond.operator')}
        value={node.operator}
        onChange={(e) => set(changeOperator(node, field, e.target.value))}
      >
        {!operators.includes(node.operator) && <option value={node.operator}>{node.operator} ?</option>}
        {operators.map((op) => (
          <option key={op} value={op}>
            {t(`operators.${op}`, { defaultValue: op })}
          </option>
        ))}
      </select>
      <FieldValueInput
        field={field}
        testId="cond-value"
        ariaLabel={t('designer.cond.value')}
        multiple={LIST_OPERATORS.has(node.operator)}
        value={node.value}
        onChange={(value) => set({ ...node, value })}
      />
      <NodeTools path={toolsPath ?? path} root={root} onChange={onChange} />
    </div>
  );
}
