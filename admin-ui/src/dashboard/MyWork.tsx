import { Box, Card, CardContent, CardHeader, Chip, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Datagrid, ListContextProvider, Pagination, ResourceContextProvider, TextField, Title, useGetIdentity, useGetList, useList, useTranslate } from 'react-admin';
import { DueBadge } from '../common/DueBadge';
import { AgencyField, ProcedureNameField, UserField, WRAP } from '../common/fields';
import { StatusField } from '../common/StatusField';
import { formatNumber } from '../common/format';
import { dueState } from '../common/working-time';
import type { DossierListItem, Status } from '../types';

/** Overdue first, then soonest due; dossiers without a due date last. */
const byUrgency = (a: DossierListItem, b: DossierListItem) =>
  Number(b.overdue) - Number(a.overdue) || (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity) || a.code.localeCompare(b.code);

type Queue = 'to_receive' | 'awaiting_approval' | 'agency' | 'mine' | 'forwarded';

/**
 * Each role's queue first: the desk opens on online submissions waiting for reception, the
 * leader on dossiers waiting for their approval; everyone also has the agency's open work, their
 * own, and — at a receiving desk — the dossiers it received and forwarded to a department (read
 * through `receivingAgencyCode`, which keeps them in the commune's scope while away).
 */
function queuesFor(role: string | undefined): Queue[] {
  if (role === 'desk-officer') return ['to_receive', 'agency', 'forwarded'];
  if (role === 'leader') return ['awaiting_approval', 'agency', 'mine', 'forwarded'];
  return ['mine', 'agency', 'forwarded'];
}

function queueFilter(queue: Queue, identity: { id?: unknown; agencyCode?: string } | undefined) {
  const agencyCode = identity?.agencyCode;
  switch (queue) {
    case 'to_receive':
      return { receivingAgencyCode: agencyCode, status: 'SUBMITTED' };
    case 'awaiting_approval':
      return { agencyCode, status: 'AWAITING_APPROVAL' };
    case 'mine':
      return { assigneeId: identity?.id, open: true };
    case 'forwarded':
      return { receivingAgencyCode: agencyCode, open: true };
    default:
      return { agencyCode, open: true };
  }
}

/** An officer's dashboard: their role's queue first, most urgent first. */
export function MyWork() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const queues = queuesFor(identity?.role as string | undefined);
  const [picked, setTab] = useState<Queue | null>(null);
  const tab = picked && queues.includes(picked) ? picked : queues[0]!;
  const [status, setStatus] = useState<Status | null>(null);
  const { data: raw = [], isPending } = useGetList<DossierListItem>(
    'dossiers',
    { filter: queueFilter(tab, identity as never), sort: { field: 'dueAt', order: 'ASC' }, pagination: { page: 1, perPage: 500 } },
    { enabled: !!identity, refetchInterval: 60_000 },
  );
  // Forwarded: received here, now at another agency (the API filters by one column at a time).
  const data = tab === 'forwarded' ? raw.filter((d) => d.agencyCode !== identity?.agencyCode) : raw;
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
      <Title title="app.my_work.title" />
      <Typography variant="h5" component="h2" gutterBottom>
        {translate('app.my_work.title')} — {identity?.agency?.name ?? ''}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 2, flexWrap: "wrap" }}>
        <Kpi label={translate('app.my_work.total')} value={sorted.length} />
        <Kpi label={translate('app.my_work.overdue')} value={overdue} color="error.main" />
        <Kpi label={translate('app.my_work.due_soon')} value={soon} color="warning.main" />
      </Stack>
      <Card>
        <Tabs value={tab} onChange={(_, v) => (setTab(v), setStatus(null))} sx={{ px: 2 }}>
          {queues.map((q) => (
            <Tab key={q} value={q} label={translate(q === 'agency' ? 'app.my_work.at_agency' : `app.my_work.${q}`)} data-queue={q} />
          ))}
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
            // Which queue is empty, and what would fill it.
            <Typography color="text.secondary" data-testid="queue-empty">
              {translate(status ? 'app.my_work.empty' : `app.my_work.empty_${tab}`)}
            </Typography>
          ) : (
            <ListContextProvider value={listContext}>
              <Datagrid rowClick={(id) => `/dossiers/${encodeURIComponent(String(id))}/show`} bulkActionButtons={false}>
                <TextField source="code" sortable={false} />
                <ProcedureNameField label="resources.dossiers.fields.procedureName" />
                <TextField source="applicant.fullName" sortable={false} sx={WRAP} />
                <StatusField label="resources.dossiers.fields.status" />
                {tab === 'forwarded' ? (
                  <AgencyField source="agencyCode" label="resources.dossiers.fields.agencyCode" />
                ) : (
                  <UserField source="assigneeId" label="resources.dossiers.fields.assigneeId" />
                )}
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
      <CardHeader title={formatNumber(value)} subheader={label} slotProps={{ title: { variant: 'h4', color } }} />
    </Card>
  );
}
