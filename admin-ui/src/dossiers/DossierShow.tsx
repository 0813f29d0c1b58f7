import { Box, Card, CardContent, CardHeader, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { FunctionField, Labeled, Show, TextField, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { DueBadge } from '../common/DueBadge';
import { AgencyField, TranslatedField, WRAP } from '../common/fields';
import { formatDateTime, formatMoney, pick } from '../common/format';
import { StatusChip } from '../common/StatusField';
import { isWholeDossier, type Dossier, type DossierListItem } from '../types';
import { ActionButtons } from './actions/ActionButtons';
import { Attachments } from './Attachments';
import { Documents } from './Documents';
import { FormDataView } from './FormDataView';
import { Shares } from './Shares';
import { ConsultationRecord, InspectionRecord } from './StageRecords';
import { TaxStatus } from './TaxStatus';
import { Timeline } from './Timeline';
import { WorkflowLink } from './WorkflowLink';

/** A date-time of the dossier as dd/MM/yyyy HH:mm in Vietnam time, or a dash. */
function DateTimeField({ source }: { source: 'receivedAt' | 'dueAt' | 'stageDueAt' }) {
  return <FunctionField source={source} render={(d: Dossier) => formatDateTime(d[source]) || '—'} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardHeader title={translate(`resources.dossiers.sections.${title}`)} slotProps={{ title: { variant: 'subtitle1', component: 'h3', sx: { fontWeight: 600 } } }} sx={{ pb: 0 }} />
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function Header() {
  const record = useRecordContext<Dossier>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap", alignItems: "center" }}>
        <Typography variant="h5" component="h2" data-testid="dossier-code">
          {record.code}
        </Typography>
        <StatusChip status={record.status} overdue={record.overdue} />
        <DueBadge />
        <WorkflowLink />
      </Stack>
      <Typography variant="subtitle1" component="p" color="text.secondary">
        {record.procedureCode} — {pick(record.procedureName, locale)}
      </Typography>
      <Box sx={{ mt: 2 }}>
        <ActionButtons />
      </Box>
    </Box>
  );
}

function DossierDetail() {
  const record = useRecordContext<Dossier | DossierListItem>();
  const [locale] = useLocaleState();
  // Opened from a list, the page holds that list's row until GET /dossiers/:code answers: the row
  // has no form, stage records or allowed actions (api/dossier-list-view.ts), so wait for the whole.
  if (!isWholeDossier(record)) return record ? <LinearProgress sx={{ m: 2 }} /> : null;
  return (
    <Box sx={{ p: 2 }}>
      <Header />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title="applicant">
            <Grid container spacing={1}>
              {(['fullName', 'idNumber', 'phone', 'email', 'address'] as const).map((f) => (
                <Grid key={f} size={{ xs: 12, sm: 6 }}>
                  <Labeled>
                    <TextField source={`applicant.${f}`} emptyText="—" sx={WRAP} />
                  </Labeled>
                </Grid>
              ))}
            </Grid>
          </Section>
          <Section title="form">
            <FormDataView />
          </Section>
          <Section title="attachments">
            <Attachments />
          </Section>
          <Section title="documents">
            <Documents />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title="processing">
            <Grid container spacing={1}>
              <Grid size={6}>
                <Labeled label="resources.dossiers.fields.channel">
                  <TranslatedField source="channel" prefix="channel" />
                </Labeled>
              </Grid>
              <AssistedBy />
              <Grid size={6}>
                <Labeled>
                  <FunctionField source="fee" render={(d: Dossier) => `${formatMoney(d.fee, locale)}${d.fee > 0 && d.paid ? ' ✓' : ''}`} />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled label="resources.dossiers.fields.receivingAgencyCode">
                  <AgencyField source="receivingAgencyCode" />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled label="resources.dossiers.fields.agencyCode">
                  <AgencyField source="agencyCode" />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled label="resources.dossiers.fields.assigneeId">
                  <FunctionField source="assigneeId" render={(d: Dossier) => d.assigneeName ?? '—'} />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled>
                  <DateTimeField source="receivedAt" />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled>
                  <DateTimeField source="dueAt" />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled>
                  <DateTimeField source="stageDueAt" />
                </Labeled>
              </Grid>
              {record.missing.length > 0 && (
                <Grid size={12}>
                  <Labeled label="resources.dossiers.fields.missing">
                    <span>{record.missing.join('; ')}</span>
                  </Labeled>
                </Grid>
              )}
              {record.tax && (
                <Grid size={12}>
                  <Labeled label="resources.dossiers.fields.tax">
                    <TaxStatus tax={record.tax} />
                  </Labeled>
                </Grid>
              )}
            </Grid>
          </Section>
          {record.inspection && (
            <Section title="inspection">
              <InspectionRecord />
            </Section>
          )}
          {record.consultation && (
            <Section title="consultation">
              <ConsultationRecord />
            </Section>
          )}
          {record.shares.length > 0 && (
            <Section title="shares">
              <Shares />
            </Section>
          )}
          <Section title="timeline">
            <Timeline />
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
}

export function DossierShow() {
  return (
    <Show title={<DossierTitle />} actions={false}>
      <DossierDetail />
    </Show>
  );
}

function DossierTitle() {
  const record = useRecordContext<Dossier>();
  const translate = useTranslate();
  return <span>{`${translate('resources.dossiers.name', { smart_count: 1 })} ${record?.code ?? ''}`}</span>;
}

/** "Nộp với sự hỗ trợ của …": the community helper who filed it for the citizen, and the consent. */
function AssistedBy() {
  const translate = useTranslate();
  const d = useRecordContext<Dossier>();
  const a = d?.assistedBy;
  if (!a) return null;
  return (
    <Grid size={12}>
      <Labeled label="resources.dossiers.fields.assistedBy">
        <Stack>
          <Typography variant="body2">{translate('app.assisted.line', { helper: a.helperName, commune: a.communeName })}</Typography>
          {a.consent && (
            <Typography variant="caption" color="text.secondary">
              {translate(`app.assisted.consent.${a.consent.method}`, { at: formatDateTime(a.consent.at) })}
            </Typography>
          )}
        </Stack>
      </Labeled>
    </Grid>
  );
}
