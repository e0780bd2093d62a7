import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkflowDefinition } from '@ticketflow/definition';
import type { SubflowChildLink, SubflowParentLink, Ticket } from '@ticketflow/contract';
import { StatusBadge } from './StatusBadge';
import { nodeName } from './timeline-model';
import { useWorkflowVersion } from './use-workflow-version';

/**
 * A ticket's sub-flow relatives: the parent whose step started it, and the child tickets its
 * sub-flow steps started with where each is now. A relative the reader may not open is named
 * without a link (the API decides, per ticket, as for any other). Step and workflow names come
 * in the UI language where the definitions carry one.
 */
export function TicketSubflows({
  ticket,
  definition,
}: {
  ticket: Ticket;
  /** This ticket's definition in the UI language (names of its sub-flow steps). */
  definition: WorkflowDefinition | undefined;
}) {
  const { t } = useTranslation();
  const { parent, subflows } = ticket;
  if (!parent && !subflows?.length) return null;
  return (
    <section className="card ticket-subflows" data-testid="ticket-subflows">
      {parent && <ParentLink parent={parent} />}
      {subflows && subflows.length > 0 && (
        <>
          <h2>{t('tickets.subflow.children')}</h2>
          <ul className="ticket-subflows__list">
            {subflows.map((child) => (
              <ChildLink
                key={child.ticketId}
                child={child}
                stepName={definition ? nodeName(definition, child.node) : child.nodeName}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ParentLink({ parent }: { parent: SubflowParentLink }) {
  const { t } = useTranslation();
  const { version } = useWorkflowVersion(parent.workflowKey, parent.version);
  const step = version ? nodeName(version.definition, parent.node) : parent.nodeName;
  const label = `#${parent.number} ${parent.title}`;
  return (
    <p data-testid="ticket-parent">
      {t('tickets.subflow.parent')}{' '}
      {parent.visible ? (
        <Link to={`/tickets/${parent.ticketId}`} data-testid="ticket-parent-link">
          {label}
        </Link>
      ) : (
        <span>
          {label} <span className="muted small">({t('tickets.subflow.notVisible')})</span>
        </span>
      )}{' '}
      · {t('tickets.subflow.atStep', { step })}
    </p>
  );
}

function ChildLink({ child, stepName }: { child: SubflowChildLink; stepName: string }) {
  const { t } = useTranslation();
  const { version } = useWorkflowVersion(child.workflowKey, child.version);
  const name = version?.definition.name ?? child.workflowName;
  const steps = version ? child.stepIds.map((id) => nodeName(version.definition, id)) : child.steps;
  const label = `#${child.number} ${name}`;
  return (
    <li data-testid="ticket-subflow" data-child-id={child.ticketId}>
      <span className="muted small">{stepName}:</span>{' '}
      {child.visible ? (
        <Link to={`/tickets/${child.ticketId}`} data-testid="ticket-subflow-link">
          {label}
        </Link>
      ) : (
        <span>
          {label} <span className="muted small">({t('tickets.subflow.notVisible')})</span>
        </span>
      )}{' '}
      <StatusBadge status={child.status} testId="ticket-subflow-status" />{' '}
      <span data-testid="ticket-subflow-position">
        {steps.length > 0
          ? t('tickets.detail.current', { steps: steps.join(', ') })
          : t('tickets.detail.noCurrent')}
      </span>
    </li>
  );
}
