import { Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';

export interface Slice {
  key: string;
  name: string;
  count: number;
}

/**
 * A horizontal bar chart whose bars (and labels) open the matching dossiers; with nothing to draw,
 * `empty` says so and why (a bare "0" reads like a fault).
 */
export function DrillBarChart({ data, onPick, empty, color = '#1565c0' }: { data: Slice[]; onPick: (key: string) => void; empty: string; color?: string }) {
  const translate = useTranslate();
  if (data.length === 0)
    return (
      <Typography color="text.secondary" data-testid="chart-empty">
        {empty}
      </Typography>
    );
  const height = Math.max(120, data.length * 36 + 40);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={200} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(v) => [v, translate('app.stats.count')]} />
        <Bar
          dataKey="count"
          fill={color}
          cursor="pointer"
          name={translate('app.stats.count')}
          onClick={(entry) => onPick((entry as unknown as { payload: Slice }).payload?.key ?? (entry as unknown as Slice).key)}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
