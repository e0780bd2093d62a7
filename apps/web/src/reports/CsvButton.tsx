import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFilterState } from './report-filters';
import { downloadReportCsv, type ReportName } from './reports.api';

/** Downloads one report as the server's CSV file. */
export function CsvButton({ report, filters }: { report: ReportName; filters: ReportFilterState }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'error'>('idle');
  const download = async () => {
    setState('busy');
    try {
      await downloadReportCsv(report, filters);
      setState('idle');
    } catch {
      setState('error');
    }
  };
  return (
    <button
      type="button"
      className="csv-button"
      onClick={() => void download()}
      disabled={state === 'busy'}
      data-testid={`csv-${report}`}
      title={t('reports.csvHint')}
    >
      ⤓ {state === 'error' ? t('reports.csvFailed') : t('reports.csv')}
    </button>
  );
}
