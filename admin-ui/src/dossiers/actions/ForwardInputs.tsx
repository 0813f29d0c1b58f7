import { Typography } from '@mui/material';
import { NumberInput, ReferenceInput, SelectInput, TextInput, minValue, required, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../../common/format';
import type { Agency, Dossier } from '../../types';

const ORDER: Record<Agency['kind'], number> = { province: 0, department: 1, commune: 2, police: 3 };

/**
 * The forward dialog's inputs. A single forward goes to a department; a dossier handed off along a
 * route may hop to any agency of the tree but the one holding it, with the route's share for the
 * hop proposed and the dossier's due date shown, which no hop moves (docs/architecture.md).
 */
export function ForwardInputs({ record }: { record: Dossier }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const label = (k: string) => `resources.dossiers.dialog.${k}`;
  const routed = record.handoffRoute != null;
  const { data: agencies = [] } = useGetList<Agency>('agencies', { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' } }, { enabled: routed });
  if (!routed) {
    return (
      <>
        <ReferenceInput source="agencyCode" reference="agencies" filter={{ kind: 'department' }} perPage={200} sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput optionText="name" label={label('agencyCode')} validate={required()} fullWidth />
        </ReferenceInput>
        <TextInput source="note" label={label('note')} multiline fullWidth />
      </>
    );
  }
  // The tree's levels in order (province, departments, communes, their police), the holder left out: a hop goes elsewhere.
  const choices = agencies
    .filter((a) => a.code !== record.agencyCode)
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.name.localeCompare(b.name, 'vi'))
    .map((a) => ({ id: a.code, name: `${a.name} (${translate(`app.kind.${a.kind}`)})` }));
  const next = record.handoffRoute?.next;
  return (
    <>
      <SelectInput source="agencyCode" choices={choices} label={label('hop_agency')} validate={required()} fullWidth />
      <NumberInput
        source="shareWorkingDays"
        label={label('hop_share')}
        validate={minValue(1)}
        helperText={next ? translate(label('hop_share_planned'), { days: next.shareWorkingDays }) : translate(label('hop_share_remaining'))}
        fullWidth
      />
      <Typography variant="body2" data-testid="hop-due" sx={{ mb: 1 }}>
        {translate(label('hop_due'), { dueAt: formatDateTime(record.dueAt, locale) })}
      </Typography>
      <TextInput source="note" label={label('note')} multiline fullWidth />
    </>
  );
}
