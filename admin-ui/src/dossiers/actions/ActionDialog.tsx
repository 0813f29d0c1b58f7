import { Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  DateTimeInput,
  FileField,
  FileInput,
  Form,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  SaveButton,
  SelectArrayInput,
  TextInput,
  maxValue,
  minLength,
  minValue,
  regex,
  required,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { problemOf } from '../../common/problem-text';
import type { MotcuaDataProvider } from '../../dataProvider';
import { AssigneeInput } from './AssigneeInput';
import { TaxPaymentInputs, taxPaymentBody } from './TaxPaymentInputs';
import { ForwardInputs } from './ForwardInputs';
import type { Action, Dossier } from '../../types';

const reason = [required(), minLength(3)];

/** The inputs of each action's body (domain/actions.ts); actions without inputs just confirm. */
function ActionInputs({ action, record }: { action: Action; record: Dossier }) {
  const translate = useTranslate();
  const label = (k: string) => `resources.dossiers.dialog.${k}`;
  switch (action) {
    case 'not-accept':
    case 'reject':
      return <TextInput source="reason" label={label('reason')} validate={reason} multiline fullWidth />;
    case 'withdraw':
      // A walk-in (docs/forms.md): the applicant's own words, required, recorded by the desk.
      return <TextInput source="reason" label={label('walk_in_reason')} validate={reason} multiline fullWidth />;
    case 'request-supplement':
    case 'request-completion':
      return (
        <>
          <TextInput source="missing" label={label('missing')} validate={required()} multiline minRows={3} fullWidth />
          <TextInput source="note" label={label('note')} multiline fullWidth />
        </>
      );
    case 'assign':
      return <AssigneeInput record={record} label={label('assigneeId')} />;
    case 'forward':
      return <ForwardInputs record={record} />;
    case 'extend':
      return (
        <>
          <DateTimeInput source="newDueAt" label={label('newDueAt')} validate={required()} fullWidth />
          <TextInput source="reason" label={label('reason')} validate={reason} multiline fullWidth />
        </>
      );
    case 'record-payment':
      return (
        <>
          <NumberInput source="amount" label={label('amount')} validate={[required(), minValue(0)]} fullWidth />
          <TextInput source="receiptNo" label={label('receiptNo')} validate={required()} fullWidth />
        </>
      );
    case 'deliver':
      return <DeliverInputs record={record} />;
    case 'rate':
      return (
        <>
          <NumberInput source="score" label={label('score')} validate={[required(), minValue(1), maxValue(5)]} />
          <TextInput source="comment" label={label('comment')} multiline fullWidth />
        </>
      );
    case 'record-objection':
      return (
        <>
          <TextInput source="note" label={label('objection')} validate={reason} multiline fullWidth />
          <TextInput source="from" label={label('from')} fullWidth />
        </>
      );
    case 'schedule-inspection':
      return (
        <>
          <DateTimeInput source="at" label={label('visitAt')} validate={required()} fullWidth />
          <TextInput source="place" label={label('place')} validate={reason} fullWidth />
          <TextInput source="note" label={label('note')} multiline fullWidth />
        </>
      );
    case 'record-inspection':
      return (
        <>
          <FileInput source="minutesFile" label={label('minutes')} accept={{ 'application/pdf': ['.pdf'] }} validate={required()}>
            <FileField source="src" title="title" />
          </FileInput>
          <RadioButtonGroupInput
            source="outcome"
            label={label('outcome')}
            validate={required()}
            choices={['conforms', 'deviates'].map((o) => ({ id: o, name: translate(`app.inspection.${o}`) }))}
          />
          <TextInput source="note" label={label('note')} multiline fullWidth />
        </>
      );
    case 'request-opinions':
      return (
        <>
          {/* A list of agencies: ReferenceArrayInput, which reads the chosen ones back by their ids (ReferenceInput asked for the list as one id). */}
          <ReferenceArrayInput source="agencies" reference="agencies" perPage={200} sort={{ field: 'name', order: 'ASC' }}>
            <SelectArrayInput optionText="name" label={label('agencies')} fullWidth />
          </ReferenceArrayInput>
          <NumberInput source="days" label={label('opinionDays')} validate={minValue(1)} fullWidth />
          <TextInput source="note" label={label('question')} validate={reason} multiline fullWidth />
        </>
      );
    case 'record-opinion':
      return (
        <>
          <RadioButtonGroupInput
            source="opinion"
            label={label('opinion')}
            validate={required()}
            choices={['agree', 'disagree', 'conditions'].map((o) => ({ id: o, name: translate(`app.opinion.${o}`) }))}
          />
          <TextInput source="note" label={label('opinionNote')} multiline fullWidth />
          <FileInput source="letterFile" label={label('letter')} accept={{ 'application/pdf': ['.pdf'] }}>
            <FileField source="src" title="title" />
          </FileInput>
        </>
      );
    case 'send-to-tax':
      return (
        <>
          <TextInput source="slipNo" label={label('slipNo')} validate={required()} fullWidth />
          <TextInput source="note" label={label('note')} multiline fullWidth />
        </>
      );
    case 'record-tax-notice':
      return (
        <>
          <TextInput source="noticeNo" label={label('noticeNo')} validate={required()} fullWidth />
          <NumberInput source="amount" label={label('taxAmount')} validate={[required(), minValue(0)]} fullWidth />
        </>
      );
    case 'record-tax-payment':
      return <TaxPaymentInputs label={label} />;
    case 'require-verification':
      return (
        <>
          <TextInput source="reason" label={label('reason')} validate={reason} multiline fullWidth />
          <NumberInput source="days" label={label('days')} validate={minValue(1)} fullWidth />
        </>
      );
    case 'verify':
    case 'approve':
    case 'return':
    case 'complete':
      return <TextInput source="note" label={label('note')} multiline fullWidth />;
    default:
      return null;
  }
}

/**
 * How the result may be handed over follows its kind (domain/procedure-rules.ts `ResultKind`):
 * online only when electronic; a marriage certificate to both spouses, each identified at the desk.
 */
function DeliverInputs({ record }: { record: Dossier }) {
  const translate = useTranslate();
  const label = (k: string) => `resources.dossiers.dialog.${k}`;
  const methods = record.result === 'electronic' ? ['desk', 'online'] : ['desk'];
  const idNumber = [required(), regex(/^\s*(\d[\s.]*){12}$/, 'app.validation.id_number')];
  return (
    <>
      {record.result === 'paper' && <Typography variant="body2">{translate(label('result_paper'))}</Typography>}
      <RadioButtonGroupInput
        source="method"
        label={label('method')}
        validate={required()}
        choices={methods.map((m) => ({ id: m, name: translate(`app.method.${m}`) }))}
      />
      {record.result === 'in-person-both-spouses' && (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>{translate(label('result_spouses'))}</Typography>
          {(['groom', 'bride'] as const).map((side, i) => (
            <fieldset key={side} data-testid={`present-${side}`} style={{ border: 0, padding: 0, margin: 0 }}>
              <Typography component="legend" variant="subtitle2">{translate(label(side))}</Typography>
              <TextInput source={`present.${i}.name`} label={label('present_name')} validate={required()} fullWidth />
              <TextInput source={`present.${i}.idNumber`} label={label('present_id')} validate={idNumber} fullWidth />
            </fieldset>
          ))}
        </>
      )}
    </>
  );
}

const defaults = (action: Action, record: Dossier, handoff?: string | null): Record<string, unknown> => {
  switch (action) {
    case 'record-payment':
      return { amount: record.fee };
    case 'deliver':
      // The spouses' names as the form gives them; their ID numbers are read off their papers at the desk.
      return record.result === 'in-person-both-spouses'
        ? { method: 'desk', present: [{ name: record.form.groomName ?? '' }, { name: record.form.brideName ?? '' }] }
        : { method: 'desk' };
    case 'forward': {
      // A route proposes its next hop and that hop's share; a single forward, the rules' department.
      const next = record.handoffRoute?.next;
      if (record.handoffRoute) return next ? { agencyCode: next.agencyCode, shareWorkingDays: next.shareWorkingDays } : {};
      return handoff ? { agencyCode: handoff } : {};
    }
    case 'assign':
      return record.assigneeId ? { assigneeId: record.assigneeId } : {};
    case 'record-tax-payment':
      return { proof: 'receipt' };
    default:
      return {};
  }
};

/** Turns form values into the body the API validates: no empty strings, lists from lines, ISO instants. */
function toBody(action: Action, values: Record<string, unknown>) {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (v !== '' && v !== null && v !== undefined) body[k] = v;
  if ((action === 'request-supplement' || action === 'request-completion') && typeof body.missing === 'string') {
    body.missing = body.missing.split('\n').map((s) => s.trim()).filter(Boolean);
  }
  // ID numbers as typed off a card ("0101 9900 1234"): digits only.
  if (action === 'deliver' && Array.isArray(body.present)) {
    body.present = (body.present as { name?: string; idNumber?: string }[]).map((p) => ({ name: p.name, idNumber: (p.idNumber ?? '').replace(/\D/g, '') }));
  }
  if (action === 'extend' && body.newDueAt) body.newDueAt = new Date(body.newDueAt as string).toISOString();
  if (action === 'schedule-inspection' && body.at) body.at = new Date(body.at as string).toISOString();
  if (action === 'request-opinions') {
    // One share of days for every agency chosen here (empty: the stage's own); none chosen: the note says why none is needed.
    const days = body.days as number | undefined;
    body.agencies = ((body.agencies as string[] | undefined) ?? []).map((agencyCode) => ({ agencyCode, ...(days ? { days } : {}) }));
    delete body.days;
  }
  if (action === 'record-tax-payment') return taxPaymentBody(body);
  return body;
}

/**
 * The document a step produces is uploaded first (POST /api/attachments) and the action names the
 * upload: a site inspection's minutes (required), a consulted agency's signed letter (optional).
 */
const STEP_FILES: Partial<Record<Action, { input: string; body: string }>> = {
  'record-inspection': { input: 'minutesFile', body: 'minutes' },
  'record-opinion': { input: 'letterFile', body: 'attachment' },
};

async function withUploads(action: Action, body: Record<string, unknown>, dataProvider: MotcuaDataProvider) {
  const step = STEP_FILES[action];
  if (!step || !body[step.input]) return body;
  const { [step.input]: file, ...rest } = body;
  const doc = await dataProvider.upload((file as { rawFile: File }).rawFile);
  return { ...rest, [step.body]: { id: doc.id, name: doc.name } };
}

/** A dialog that runs one action; a refusal is notified in Vietnamese by its code, a conflict reloads the dossier. */
export function ActionDialog({ action, record, handoff, onClose }: { action: Action; record: Dossier; handoff?: string | null; onClose: () => void }) {
  const dataProvider = useDataProvider<MotcuaDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const name = translate(`resources.dossiers.actions.${action}`);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      await dataProvider.act(record.code, action, await withUploads(action, toBody(action, values), dataProvider));
      notify('resources.dossiers.notifications.done', { type: 'success', messageArgs: { action: name } });
      onClose();
    } catch (e) {
      if (problemOf(e).status === 409) {
        // A colleague acted first (or the dossier closed): show the dossier as it is now, and say so.
        notify('app.problem.conflict_refreshed', { type: 'warning', autoHideDuration: 10_000 });
        onClose();
      } else notify((e as Error).message, { type: 'error', autoHideDuration: 10_000 });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid={`dialog-${action}`}>
      <Form onSubmit={submit as never} defaultValues={defaults(action, record, handoff)} record={{}}>
        <DialogTitle>{name}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('resources.dossiers.dialog.confirm', { action: name.toLowerCase(), code: record.code })}
          </Typography>
          <ActionInputs action={action} record={record} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label="ra.action.confirm" icon={<></>} disabled={busy} alwaysEnable={!busy} />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
