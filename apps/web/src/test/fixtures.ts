import type { WorkflowDefinition } from '@ticketflow/definition';
import refundJson from '../../../../workflows/refund-approval.json';

/** The refund-approval workflow from workflows/ (the repo's shared fixture), as a fresh copy. */
export function refundApproval(): WorkflowDefinition {
  return structuredClone(refundJson) as unknown as WorkflowDefinition;
}
