import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CycleTimeRow } from './reports.api';

/** How long completed tickets took, as a histogram over fixed buckets. */
export function CycleTimeChart({ rows }: { rows: CycleTimeRow[] }) {
  const { t } = useTranslation();
  const data = rows.map((row) => ({
    ...row,
    label: t(`reports.buckets.${row.bucket}`, { defaultValue: row.bucket }),
  }));
  return (
    <div className="chart" data-testid="cycle-time-chart">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" vertical={false} />
          <XAxis dataKey="label" fontSize={11} interval={0} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Bar dataKey="tickets" name={t('reports.cycle.tickets')} fill="#6366f1" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
