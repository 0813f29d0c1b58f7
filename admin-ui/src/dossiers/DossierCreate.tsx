import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Grid, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  Create,
  RadioButtonGroupInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  email,
  required,
  minLength,
  useDataProvider,
  useGetIdentity,
  useGetOne,
  useLocaleState,
  useNotify,
  useRedirect,
  useTranslate,
  type Validator,
} from 'react-admin';
import { feeOf } from '../../../domain/fees';
import { stripSeparators } from '../../../domain/text';
import { formatNumber, pick } from '../common/format';
import { problemLine, problemOf } from '../common/problem-text';
import type { Dossier, Procedure } from '../types';
import { ApplicantPrefill } from './ApplicantPrefill';
import { DocumentLink } from './Documents';
import { ProcedureFormInputs } from './ProcedureFormInputs';
import { splitFieldErrors } from './reception-errors';

function ProcedureSection() {
  const code = useWatch({ name: 'procedureCode' }) as string | undefined;
  const { setValue } = useFormContext();
  const translate = useTranslate();
  const { data: procedure } = useGetOne<Procedure>('procedures', { id: code ?? '' }, { enabled: !!code });
  if (!code || !procedure || procedure.code !== code) return null;
  const fillExample = () => {
    for (const [k, v] of Object.entries(procedure.example)) setValue(`form.${k}`, v, { shouldDirty: true, shouldValidate: true });
  };
  return (
    <Box sx={{ width: '100%' }} data-testid="procedure-form">
      <Divider sx={{ my: 2 }} />
      <Typography variant="h6" gutterBottom>
        {translate('app.reception.form')}{' '}
        <MuiButton size="small" onClick={fillExample} data-testid="fill-example">
          {translate('app.reception.example')}
        </MuiButton>
      </Typography>
      <ProcedureFormInputs procedure={procedure} />
      <FeePreview procedure={procedure} />
    </Box>
  );
}

/** The fee the API will ask for, from the form as typed and the channel (domain/fees.ts): shown before Save. */
function FeePreview({ procedure }: { procedure: Procedure }) {
  const translate = useTranslate();
  const form = (useWatch({ name: 'form' }) ?? {}) as Record<string, unknown>;
  const channel = useWatch({ name: 'channel' }) === 'post' ? 'post' : 'counter';
  const fee = feeOf({ fee: { counter: procedure.fee, online: procedure.feeOnline }, feeRule: procedure.feeRule ?? undefined }, channel, form);
  return (
    <Alert severity="info" sx={{ mt: 1 }} data-testid="fee-preview">
      {translate('app.reception.fee', { amount: formatNumber(fee) })}
    </Alert>
  );
}

/** The API's rules (domain/applicant.ts), spaces and dots ignored as the API ignores them. */
const digits = (re: RegExp, message: string): Validator => (v: unknown) => (typeof v !== 'string' || v === '' || re.test(stripSeparators(v)) ? undefined : message);
const idNumber = [required(), digits(/^\d{12}$/, 'app.validation.id_number')];
const phone = [required(), digits(/^(0|\+84)\d{9,10}$/, 'app.validation.phone')];

const compact = (o: unknown) => Object.fromEntries(Object.entries((o ?? {}) as Record<string, unknown>).filter(([, v]) => v !== '' && v != null));

function Done({ dossier, onAnother }: { dossier: Dossier; onAnother: () => void }) {
  const translate = useTranslate();
  const redirect = useRedirect();
  return (
    <Dialog open fullWidth maxWidth="sm" data-testid="reception-done">
      <DialogTitle>{translate('app.reception.done', { code: dossier.code })}</DialogTitle>
      <DialogContent>
        <Alert severity="success" sx={{ mb: 2 }}>
          {translate(`app.status.${dossier.status}`)}
        </Alert>
        {dossier.receivedAt && <DocumentLink code={dossier.code} kind="receipt" />}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onAnother}>{translate('app.reception.another')}</MuiButton>
        <MuiButton variant="contained" onClick={() => redirect('show', 'dossiers', dossier.code)}>
          {translate('app.reception.open')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Reception at the desk: channel 'counter', or 'post' for a dossier received by post (its own
 * deadline, docs/calendar.md), at the officer's own agency; the receipt prints at once.
 * A refusal leaves everything typed in place, puts the API's field errors on their fields and
 * leaves Save working; one Idempotency-Key per form makes a double click one dossier.
 */
export function DossierCreate() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const [locale] = useLocaleState();
  const [done, setDone] = useState<Dossier | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const idempotencyKey = useMemo(() => `desk-${crypto.randomUUID()}`, [formKey]);

  const submit = async (data: Record<string, unknown>) => {
    const applicant = compact(data.applicant);
    for (const k of ['idNumber', 'phone'] as const) if (typeof applicant[k] === 'string') applicant[k] = stripSeparators(applicant[k] as string);
    const channel = data.channel === 'post' ? 'post' : 'counter';
    const body = { procedureCode: data.procedureCode, agencyCode: identity?.agencyCode, channel, applicant, form: compact(data.form) };
    setElsewhere([]);
    try {
      const { data: dossier } = await dataProvider.create<Dossier>('dossiers', { data: body, meta: { idempotencyKey } });
      setDone(dossier);
      return undefined;
    } catch (e) {
      if (problemOf(e).errors?.length) {
        const procedure = await dataProvider.getOne<Procedure>('procedures', { id: String(data.procedureCode) }).then((r) => r.data, () => undefined);
        const split = splitFieldErrors(translate, e, procedure);
        setElsewhere(split.elsewhere);
        notify('app.problem.invalid-input', { type: 'error' });
        const first = Object.keys(split.onFields)[0];
        if (first) setTimeout(() => document.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`)?.focus(), 0);
        return split.onFields;
      }
      notify(problemLine(translate, e), { type: 'error', autoHideDuration: 10_000 });
      return undefined;
    }
  };

  return (
    <>
      <Create key={formKey} title={translate('app.reception.title')} redirect={false}>
        <SimpleForm onSubmit={submit} defaultValues={{ channel: 'counter' }}>
          {elsewhere.length > 0 && (
            <Alert severity="error" sx={{ width: '100%', mb: 1 }} data-testid="reception-errors">
              {elsewhere.map((m) => (
                <div key={m}>{m}</div>
              ))}
            </Alert>
          )}
          <Typography variant="h6">{translate('app.reception.procedure')}</Typography>
          <ReferenceInput source="procedureCode" reference="procedures" perPage={100}>
            <AutocompleteInput
              label="app.reception.procedure"
              optionText={(p: Procedure) => `${p.code} — ${pick(p.name, locale)}`}
              filterToQuery={(q) => ({ q })}
              validate={required()}
              fullWidth
            />
          </ReferenceInput>
          <RadioButtonGroupInput
            source="channel"
            label="app.reception.channel"
            choices={[
              { id: 'counter', name: 'app.reception.channel_counter' },
              { id: 'post', name: 'app.reception.channel_post' },
            ]}
          />
          <Typography variant="h6" sx={{ mt: 1 }}>
            {translate('app.reception.applicant')}
          </Typography>
          <ApplicantPrefill />
          <Grid container spacing={2} sx={{ width: '100%' }}>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextInput source="applicant.idNumber" label="resources.dossiers.fields.applicant.idNumber" validate={idNumber} slotProps={{ htmlInput: { inputMode: 'numeric' } }} fullWidth />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextInput source="applicant.fullName" label="resources.dossiers.fields.applicant.fullName" validate={[required(), minLength(2)]} fullWidth />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextInput source="applicant.phone" label="resources.dossiers.fields.applicant.phone" validate={phone} slotProps={{ htmlInput: { inputMode: 'tel' } }} fullWidth />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextInput source="applicant.email" label="resources.dossiers.fields.applicant.email" validate={email()} fullWidth />
            </Grid>
            <Grid size={12}>
              <TextInput source="applicant.address" label="resources.dossiers.fields.applicant.address" fullWidth />
            </Grid>
          </Grid>
          <ProcedureSection />
        </SimpleForm>
      </Create>
      {done && (
        <Done
          dossier={done}
          onAnother={() => {
            setDone(null);
            setElsewhere([]);
            setFormKey((k) => k + 1);
          }}
        />
      )}
    </>
  );
}
