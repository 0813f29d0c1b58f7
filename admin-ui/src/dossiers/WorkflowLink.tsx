import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Link } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Dossier } from '../types';

/**
 * The dossier's workflow in the Temporal Web UI (history, timers, pending activities), for staff
 * looking into a stuck file. The API sends the URL only to staff and only when a UI is configured.
 */
export function WorkflowLink() {
  const record = useRecordContext<Dossier>();
  const translate = useTranslate();
  if (!record?.temporalUrl) return null;
  return (
    <Link href={record.temporalUrl} target="_blank" rel="noopener noreferrer" variant="body2" data-testid="temporal-link" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      {translate('resources.dossiers.links.temporal')}
      <OpenInNewIcon fontSize="inherit" />
    </Link>
  );
}
