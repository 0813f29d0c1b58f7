import { Box, Card, CardContent, CardHeader, Chip, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Datagrid, ListContextProvider, Pagination, ResourceContextProvider, TextField, useGetIdentity, useGetList, useList, useTranslate } from 'react-admin';
import { DueBadge } from '../common/DueBadge';
import { ProcedureNameField, UserField } from '../common/fields';
import { StatusField } from '../common/StatusField';
import { dueState } from '../common/working-time';
import type { Dossier, Status } from '../types';

/** Overdue first, then soonest due; dossiers without a due date last. */
const byUrgency = (a: Dossier, b: Dossier) =>
  Number(b.overdue) - Number(a.overdue) || (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity) || a.code.localeCompare(b.code);

/** An officer's dashboard: open dossiers at my agency (or assigned to me), most urgent first. */
export function MyWork() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const [tab, setTab] = useState<'agency' | 'mine'>('agency');
  const [status, setStatus] = useState<Status | null>(null);
  const filter = tab === 'mine' ? { assigneeId: identity?.id, open: true } : { agencyCode: identity?.agencyCode, open: true };
  const { data = [], isPending } = useGetList<Dossier>(
    'dossiers',
    { filter, sort: { field: 'dueAt', order: 'ASC' }, pagination: { page: 1, perPage: 500 } },
    { enabled: !!identity, refetchInterval: 60_000 },
  );
  const sorted = useMemo(() => [...data].sort(byUrgency), [data]);
  const counts = useMemo(() => {
    const m = new Map<Status, number>();
    for (const d of sorted) m.set(d.status, (m.get(d.status) ?? 0) + 1);
    return m;
  }, [sorted]);
  const shown = status ? sorted.filter((d) => d.status === status) : sorted;
  const listContext = useList({ data: shown, isPending, perPage: 25, resource: 'dossiers' });
  const overdue = sorted.filter((d) => dueState(d.dueAt, d.overdue) === 'overdue').length;
  const soon = sorted.filter((d) => dueState(d.dueAt, d.overdue) === 'due_soon').length;

  return (
    <ResourceContextProvider value="dossiers">
    <Box sx={{ mt: 2 }} data-testid="my-work">
      <Typography variant="h5" gutterBottom>
        {translate('app.my_work.title')} — {identity?.agency?.name ?? ''}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: "wrap" }}>
        <Kpi label={translate('app.my_work.total')} value={sorted.length} />
        <Kpi label={translate('app.my_work.overdue')} value={overdue} color="error.main" />
        <Kpi label={translate('app.my_work.due_soon')} value={soon} color="warning.main" />
      </Stack>
      <Card>
        <Tabs value={tab} onChange={(_, v) => (setTab(v), setStatus(null))} sx={{ px: 2 }}>
          <Tab value="agency" label={translate('app.my_work.at_agency')} />
          <Tab value="mine" label={translate('app.my_work.mine')} />
        </Tabs>
        <CardContent>
          <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 1, flexWrap: "wrap" }} data-testid="status-counts">
            {[...counts].map(([s, n]) => (
              <Chip
                key={s}
                label={`${translate(`app.status.${s}`)}: ${n}`}
                color={status === s ? 'primary' : 'default'}
                onClick={() => setStatus(status === s ? null : s)}
                data-status={s}
              />
            ))}
          </Stack>
          {!isPending && shown.length === 0 ? (
            <Typography color="text.secondary">{translate('app.my_work.empty')}</Typography>
          ) : (
            <ListContextProvider value={listContext}>
              <Datagrid rowClick={(id) => `/dossiers/${encodeURIComponent(String(id))}/show`} bulkActionButtons={false}>
                <TextField source="code" sortable={false} />
                <ProcedureNameField label="resources.dossiers.fields.procedureName" />
                <TextField source="applicant.fullName" sortable={false} />
                <StatusField label="resources.dossiers.fields.status" />
                <UserField source="assigneeId" label="resources.dossiers.fields.assigneeId" />
                <DueBadge label="resources.dossiers.fields.remaining" />
              </Datagrid>
              <Pagination rowsPerPageOptions={[25]} />
            </ListContextProvider>
          )}
        </CardContent>
      </Card>
    </Box>
    </ResourceContextProvider>
  );
}

function Kpi({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card sx={{ minWidth: 160 }}>
      <CardHeader title={value} subheader={label} slotProps={{ title: { variant: 'h4', color } }} />
    </Card>
  );
}
