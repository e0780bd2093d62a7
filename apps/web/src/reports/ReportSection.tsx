import type { ReactNode } from 'react';

/** A titled card of the reports page with actions (CSV, toggles) on the right. */
export function ReportSection({
  title,
  hint,
  actions,
  children,
  testId,
  wide,
}: {
  title: string;
  hint?: string;
  actions?: ReactNode;
  children: ReactNode;
  testId: string;
  wide?: boolean;
}) {
  return (
    <section className={`report-section card${wide ? ' report-section--wide' : ''}`} data-testid={testId}>
      <header className="report-section__head">
        <div>
          <h2>{title}</h2>
          {hint && <p className="muted small">{hint}</p>}
        </div>
        {actions && <div className="report-section__actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
