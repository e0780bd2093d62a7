import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendRow } from '@ticketflow/contract';

/** Tickets created and completed per day (recharts area chart). */
export function TrendChart({ rows }: { rows: TrendRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="chart" data-testid="trend-chart">
      {/* Our own legend: recharts labels its icons in English ("… legend icon"). */}
      <ul className="chart-legend">
        <li>
          <span className="chart-legend__dot" style={{ background: '#2563eb' }} />
          {t('reports.trend.created')}
        </li>
        <li>
          <span className="chart-legend__dot" style={{ background: '#16a34a' }} />
          {t('reports.trend.completed')}
        </li>
      </ul>
      <ResponsiveContainer width="100%" height={240}>
        <AreaChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <defs>
            <linearGradient id="trendCreated" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#2563eb" stopOpacity={0.35} />
              <stop offset="100%" stopColor="#2563eb" stopOpacity={0.02} />
            </linearGradient>
            <linearGradient id="trendCompleted" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#16a34a" stopOpacity={0.35} />
              <stop offset="100%" stopColor="#16a34a" stopOpacity={0.02} />
            </linearGradient>
          </defs>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} fontSize={11} minTickGap={16} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Area
            type="monotone"
            dataKey="created"
            name={t('reports.trend.created')}
            stroke="#2563eb"
            fill="url(#trendCreated)"
            strokeWidth={2}
          />
          <Area
            type="monotone"
            dataKey="completed"
            name={t('reports.trend.completed')}
            stroke="#16a34a"
            fill="url(#trendCompleted)"
            strokeWidth={2}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
