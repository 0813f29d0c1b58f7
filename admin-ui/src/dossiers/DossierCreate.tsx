import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Grid, Typography } from '@mui/material';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  SimpleForm,
  TextInput,
  email,
  regex,
  required,
  minLength,
  useGetIdentity,
  useGetOne,
  useLocaleState,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { pick } from '../common/format';
import type { Dossier, Procedure } from '../types';
import { DocumentLink } from './Documents';
import { ProcedureFormInputs } from './ProcedureFormInputs';

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
    </Box>
  );
}

const idNumber = [required(), regex(/^\d{12}$/, 'ra.validation.regex')];
const phone = [required(), regex(/^(0|\+84)\d{9,10}$/, 'ra.validation.regex')];

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

/** Reception at the desk: channel 'counter', at the officer's own agency; the receipt prints at once. */
export function DossierCreate() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [done, setDone] = useState<Dossier | null>(null);
  const [formKey, setFormKey] = useState(0);
  const transform = (data: Record<string, unknown>) => {
    const applicant = Object.fromEntries(Object.entries((data.applicant ?? {}) as Record<string, unknown>).filter(([, v]) => v !== '' && v != null));
    const form = Object.fromEntries(Object.entries((data.form ?? {}) as Record<string, unknown>).filter(([, v]) => v !== '' && v != null));
    return { procedureCode: data.procedureCode, agencyCode: identity?.agencyCode, channel: 'counter', applicant, form };
  };
  return (
    <>
      <Create
        key={formKey}
        title={translate('app.reception.title')}
        transform={transform}
        redirect={false}
        mutationOptions={{ onSuccess: (d: Dossier) => setDone(d) }}
      >
        <SimpleForm>
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
          <Typography variant="h6" sx={{ mt: 1 }}>
            {translate('app.reception.applicant')}
          </Typography>
          <Grid container spacing={2} sx={{ width: '100%' }}>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextInput source="applicant.fullName" label="resources.dossiers.fields.applicant.fullName" validate={[required(), minLength(2)]} fullWidth />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextInput source="applicant.idNumber" label="resources.dossiers.fields.applicant.idNumber" validate={idNumber} fullWidth />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextInput source="applicant.phone" label="resources.dossiers.fields.applicant.phone" validate={phone} fullWidth />
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
            setFormKey((k) => k + 1);
          }}
        />
      )}
    </>
  );
}
