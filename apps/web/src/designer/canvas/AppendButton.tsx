import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeType } from '@ticketflow/definition';
import { branchesFreely, useAppendActions } from './append-context';

interface Props {
  nodeId: string;
  exit: string;
  nodeType: NodeType;
  /** Vertical place of the exit's handle, as a CSS length. */
  top: string;
}

/**
 * The "+" beside a free exit (and always beside a decision's or parallel's):
 * one click opens the node picker, which appends the chosen step and connects it.
 * Renders nothing on read-only diagrams.
 */
function AppendButtonInner({ nodeId, exit, nodeType, top }: Props) {
  const { t } = useTranslation();
  const actions = useAppendActions();
  if (!actions) return null;
  const multi = branchesFreely(nodeType);
  if (!multi && actions.takenExits.has(`${nodeId}::${exit}`)) return null;
  return (
    <button
      type="button"
      className={`wf-append nodrag nopan${multi ? ' wf-append--multi' : ''}`}
      style={{ top }}
      data-testid={`append-${nodeId}-${exit}`}
      aria-label={t('designer.append.after', { exit: t(`outcomes.${exit}`, { defaultValue: exit }) })}
      title={t('designer.append.after', { exit: t(`outcomes.${exit}`, { defaultValue: exit }) })}
      onClick={(event) => {
        event.stopPropagation();
        const box = event.currentTarget.getBoundingClientRect();
        actions.open({ source: nodeId, exit }, { x: box.right + 6, y: box.top });
      }}
    >
      +
    </button>
  );
}

export const AppendButton = memo(AppendButtonInner);
