import { Alert, Box, Card, CardContent, CardHeader, Grid, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useNavigate, useTranslate } from 'react-admin';
import type { MotcuaDataProvider } from '../dataProvider';
import { ability } from '../ability';
import { formatNumber } from '../common/format';
import type { Summary, TimelinessStats } from '../../../domain/stats';
import { DrillBarChart } from './DrillBarChart';
import { PeriodDay } from './PeriodDay';
import { TimelinessPanel } from './TimelinessPanel';

export interface OverdueStats {
  total: number;
  byAgency: { agencyCode: string; agencyName: string; count: number }[];
  byProcedure: { procedureCode: string; procedureName: string; count: number }[];
  byStage: { status: string; count: number }[];
  lostAt: { agencyCode: string; agencyName: string; count: number }[];
}
/** Calendar days in Vietnam, whatever the browser's zone. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
/** `2026-12-01` as officers write it, 01/12/2026. */
const formatDay = (day: string) => day.split('-').reverse().join('/');
const startOfYear = () => `${today().slice(0, 4)}-01-01`;
/** Vietnamese separators (1.234; 97,5%) whatever the interface language. */
const one = (n: number) => n.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);

/** Supervisor dashboard: where dossiers are overdue and where time was lost; rates for a period. */
export function StatsDashboard() {
  const dataProvider = useDataProvider<MotcuaDataProvider>();
  const translate = useTranslate();
  const navigate = useNavigate();
  const [from, setFrom] = useState(startOfYear());
  const [to, setTo] = useState(today());
  const [overdue, setOverdue] = useState<OverdueStats | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [timeliness, setTimeliness] = useState<TimelinessStats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dataProvider.stats<OverdueStats>('overdue').then(setOverdue, (e: Error) => setError(e.message));
  }, [dataProvider]);
  useEffect(() => {
    const q = { from: new Date(`${from}T00:00:00+07:00`).toISOString(), to: new Date(Date.parse(`${to}T00:00:00+07:00`) + 86_400_000).toISOString() };
    dataProvider.stats<Summary>('summary', q).then(setSummary, (e: Error) => setError(e.message));
    dataProvider.stats<TimelinessStats>('timeliness', q).then(setTimeliness, (e: Error) => setError(e.message));
  }, [dataProvider, from, to]);

  const canDrill = ability.can('read', 'Dossier');
  /** Drill-down: the dossier list with the clicked slice as its filter. */
  const drill = (filter: Record<string, unknown>) => {
    if (!canDrill) return;
    const f = { overdue: true, ...filter };
    navigate(`/dossiers?filter=${encodeURIComponent(JSON.stringify(f))}&displayedFilters=${encodeURIComponent(JSON.stringify(Object.fromEntries(Object.keys(f).map((k) => [k, true]))))}`);
  };
  const t = (k: string) => translate(`app.stats.${k}`);

  return (
    <Box sx={{ mt: 2 }} data-testid="stats-dashboard">
      <Title title="app.stats.title" />
      <Typography variant="h5" component="h2" gutterBottom>
        {t('title')}
      </Typography>
      {error && <Alert severity="warning">{`${t('unavailable')}: ${error}`}</Alert>}
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap", alignItems: "center" }}>
            <Typography variant="subtitle1" component="h3">{t('period')}</Typography>
            <PeriodDay label={t('from')} day={from} onDay={setFrom} testId="period-from" />
            <PeriodDay label={t('to')} day={to} onDay={setTo} testId="period-to" />
          </Stack>
          <Grid container spacing={2} sx={{ mt: 1 }} data-testid="rates">
            <Rate label={t('total')} value={summary ? formatNumber(summary.total) : '—'} />
            <Rate label={t('finished')} value={summary ? formatNumber(summary.finished) : '—'} />
            <Rate label={t('on_time_rate')} value={pct(summary?.onTimeRate ?? null)} />
            <Rate label={t('online_rate')} value={pct(summary?.onlineRate ?? null)} />
            <Rate label={t('online_payment_rate')} value={pct(summary?.onlinePaymentRate ?? null)} />
            <Rate label={t('avg_days')} value={summary?.avgProcessingDays != null ? one(summary.avgProcessingDays) : '—'} />
            <Rate label={t('satisfaction')} value={summary?.satisfaction != null ? `${one(summary.satisfaction)}/5` : '—'} />
            <Rate label={t('overdue_total')} value={overdue ? formatNumber(overdue.total) : '—'} color="error.main" />
          </Grid>
          {summary?.total === 0 && (
            <Alert severity="info" sx={{ mt: 1 }} data-testid="period-empty">
              {translate('app.stats.empty_period', { from: formatDay(from), to: formatDay(to) })}
            </Alert>
          )}
        </CardContent>
      </Card>
      {timeliness && <TimelinessPanel stats={timeliness} />}
      {canDrill && <Typography variant="caption" color="text.secondary">{t('drill')}</Typography>}
      {overdue && (
        <Grid container spacing={2}>
          <Chart title={t('by_agency')} testId="chart-by-agency">
            <DrillBarChart empty={t('empty_overdue')} data={overdue.byAgency.map((x) => ({ key: x.agencyCode, name: x.agencyName, count: x.count }))} onPick={(k) => drill({ agencyCode: k })} />
          </Chart>
          <Chart title={t('by_procedure')} testId="chart-by-procedure">
            <DrillBarChart empty={t('empty_overdue')} data={overdue.byProcedure.map((x) => ({ key: x.procedureCode, name: x.procedureName, count: x.count }))} onPick={(k) => drill({ procedureCode: k })} />
          </Chart>
          <Chart title={t('by_stage')} testId="chart-by-stage">
            <DrillBarChart empty={t('empty_overdue')} data={overdue.byStage.map((x) => ({ key: x.status, name: translate(`app.status.${x.status}`), count: x.count }))} onPick={(k) => drill({ status: k })} />
          </Chart>
          <Chart title={t('lost_at')} testId="chart-lost-at">
            <DrillBarChart
              color="#ef6c00"
              empty={t('empty_lost_at')}
              data={overdue.lostAt.map((x) => ({ key: x.agencyCode, name: x.agencyName, count: x.count }))}
              onPick={(k) => drill({ agencyCode: k })}
            />
          </Chart>
        </Grid>
      )}
    </Box>
  );
}

function Rate({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Grid size={{ xs: 6, sm: 3 }}>
      <Typography variant="h5" component="p" color={color}>
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Grid>
  );
}

function Chart({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Grid size={{ xs: 12, lg: 6 }}>
      <Card data-testid={testId}>
        <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }} />
        <CardContent>{children}</CardContent>
      </Card>
    </Grid>
  );
}
