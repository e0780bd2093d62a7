import { useTranslation } from 'react-i18next';
import type { ApprovalNode, TaskNode } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { without } from './use-node-editor';

type Step = TaskNode | ApprovalNode;

/**
 * Whether a task or approval runs once, or once per item of a list field
 * (`forEach`). A task per item gets a completion policy (default all items);
 * an approval's own policy then counts items.
 */
export function ForEachPicker<T extends Step>({
  node,
  update,
}: {
  node: T;
  update: (change: (n: T) => T) => void;
}) {
  const { t } = useTranslation();
  const lists = useDesignerStore((s) => s.definition.fields).filter((field) => field.type === 'list');
  if (lists.length === 0 && node.forEach === undefined) return null;
  return (
    <label>
      {t('designer.props.forEach')}
      <select
        data-testid="prop-for-each"
        value={node.forEach ?? ''}
        onChange={(e) =>
          update((n) => {
            if (e.target.value === '') {
              const once = without(n as Step, 'forEach');
              return (once.type === 'task' ? without(once, 'policy') : once) as T;
            }
            return { ...n, forEach: e.target.value };
          })
        }
      >
        <option value="">{t('designer.props.forEachOnce')}</option>
        {lists.map((field) => (
          <option key={field.name} value={field.name}>
            {t('designer.props.forEachItem', { field: field.label ?? field.name })}
          </option>
        ))}
      </select>
    </label>
  );
}
