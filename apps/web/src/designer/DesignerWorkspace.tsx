/** Placeholder until the workspace lands. */
export function DesignerWorkspace({ workflowKey }: { workflowKey: string }) {
  return <div data-testid="designer">{workflowKey}</div>;
}
