import { Alert, Box, Card, CardContent, CardHeader, Grid, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Split, TimelinessStats } from '../../../domain/stats';

/** Read by screen readers, not shown (the usual clip pattern). */
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;
/** Vietnamese separators (97,5%) whatever the interface language, as on the rates above. */
const pct = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);

/**
 * Early / on time / late against the original due date (an apology never makes a late dossier on
 * time), by agency and by procedure, and Decision 766's indicator groups: scored where motcua has
 * the data, with a line saying what is missing otherwise (docs/decision-766.md).
 */
export function TimelinessPanel({ stats }: { stats: TimelinessStats }) {
  const translate = useTranslate();
  const t = (k: string) => translate(`app.stats.timeliness.${k}`);
  return (
    <Grid container spacing={2} sx={{ mb: 2 }} data-testid="timeliness">
      <Grid size={{ xs: 12, lg: 6 }}>
        <SplitTable title={t('by_agency')} rows={stats.byAgency.map((x) => ({ key: x.agencyCode, name: x.agencyName, ...x }))} total={stats.total} />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <SplitTable title={t('by_procedure')} rows={stats.byProcedure.map((x) => ({ key: x.procedureCode, name: x.procedureName, ...x }))} total={stats.total} />
      </Grid>
      <Grid size={12}>
        <Card data-testid="decision-766">
          <CardHeader title={t('indicators')} subheader={t('indicators_note')} slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }} />
          <CardContent>
            <Stack spacing={1}>
              {stats.indicators.map((i) => (
                <div key={i.group} data-testid={`indicator-${i.group}`}>
                  <Typography variant="subtitle2" component="h4">{t(`group.${i.group}`)}</Typography>
                  {i.measures.map((m) => (
                    <Typography key={m.key} variant="body2">{`${t(`measure.${m.key}`)}: ${pct(m.rate)}`}</Typography>
                  ))}
                  {i.missing && (
                    <Alert severity="info" sx={{ py: 0 }}>
                      {t(`missing.${i.group}`)}
                    </Alert>
                  )}
                </div>
              ))}
            </Stack>
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}

function SplitTable({ title, rows, total }: { title: string; rows: (Split & { key: string; name: string })[]; total: Split }) {
  const translate = useTranslate();
  const t = (k: string) => translate(`app.stats.timeliness.${k}`);
  const line = (key: string, name: string, s: Split, bold = false) => (
    <TableRow key={key}>
      <TableCell sx={bold ? { fontWeight: 600 } : undefined}>{name}</TableCell>
      <TableCell align="right">{s.early}</TableCell>
      <TableCell align="right">{s.onTime}</TableCell>
      <TableCell align="right" sx={{ color: s.late ? 'error.main' : undefined }}>{s.late}</TableCell>
      <TableCell align="right">{pct(s.onTimeRate)}</TableCell>
    </TableRow>
  );
  return (
    <Card>
      <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', component: 'h3' } }} />
      <CardContent>
        {rows.length === 0 ? (
          <Typography color="text.secondary" data-testid="timeliness-empty">
            {t('empty')}
          </Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                {/* The rows' names: said to screen readers, seen in the card's title. */}
                <TableCell>
                  <Box component="span" sx={visuallyHidden}>
                    {title}
                  </Box>
                </TableCell>
                <TableCell align="right">{t('early')}</TableCell>
                <TableCell align="right">{t('on_time')}</TableCell>
                <TableCell align="right">{t('late')}</TableCell>
                <TableCell align="right">{t('rate')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => line(r.key, r.name, r))}
              {line('total', t('total'), total, true)}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
