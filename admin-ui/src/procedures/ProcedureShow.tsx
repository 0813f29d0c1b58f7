import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { BooleanField, FunctionField, Labeled, NumberField, Show, SimpleShowLayout, TextField, useLocaleState, useRecordContext } from 'react-admin';
import { optionLabel } from '../../../domain/form-choices';
import { pick } from '../common/format';
import { TranslatedField, VndNumberField } from '../common/fields';
import type { Procedure } from '../types';
import { DeadlineText } from './DeadlineText';
import { ability } from '../ability';
import { ProfilePanel } from './ProfilePanel';
import { PublishVersionButton } from './PublishVersionButton';
import { VersionHistory } from './VersionHistory';

function FormFields() {
  const p = useRecordContext<Procedure>();
  const [locale] = useLocaleState();
  if (!p) return null;
  return (
    <Table size="small">
      <TableBody>
        {Object.entries(p.formSchema.properties).map(([k, prop]) => (
          <TableRow key={k}>
            <TableCell>{pick(p.formLabels[k], locale) || k}</TableCell>
            <TableCell>
              <code>{k}</code>
            </TableCell>
            <TableCell>{prop.enum ? prop.enum.map((e) => optionLabel(prop, e)).join(' | ') : (prop.format ?? prop.type)}</TableCell>
            <TableCell>{p.formSchema.required?.includes(k) ? '*' : ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ProcedureShow() {
  const [locale] = useLocaleState();
  return (
    <Show actions={<PublishVersionButton />}>
      <SimpleShowLayout>
        <NumberField source="version" label="resources.procedures.fields.version" />
        <TextField source="code" />
        <FunctionField source="name" render={(p: Procedure) => pick(p.name, locale)} />
        <FunctionField source="field" render={(p: Procedure) => pick(p.field, locale)} />
        <TranslatedField source="level" prefix="level" label="resources.procedures.fields.level" />
        <VndNumberField source="fee" label="resources.procedures.fields.fee" />
        <VndNumberField source="feeOnline" label="resources.procedures.fields.feeOnline" />
        <FunctionField source="deadline" render={(p: Procedure) => <DeadlineText deadline={p.deadline} />} />
        <FunctionField source="handoff" render={(p: Procedure) => (p.handoff ? `${p.handoff.departmentCode} (${p.handoff.shareWorkingDays})` : '—')} />
        <FunctionField source="stages" render={(p: Procedure) => p.stages.map((s) => s.name).join(' → ')} />
        <BooleanField source="fullProcessOnline" />
        <Labeled label="resources.procedures.fields.formLabels">
          <FormFields />
        </Labeled>
        <FunctionField
          source="requiredDocuments"
          render={(p: Procedure) => (
            <ul style={{ margin: 0 }}>
              {p.requiredDocuments.map((d, i) => (
                <li key={i}>{pick(d, locale)}</li>
              ))}
            </ul>
          )}
        />
        {ability.can('manage', 'Procedure') && (
          <Labeled label="resources.procedures.fields.profile">
            <ProfilePanel />
          </Labeled>
        )}
        <Labeled label="resources.procedures.fields.history">
          <VersionHistory />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
