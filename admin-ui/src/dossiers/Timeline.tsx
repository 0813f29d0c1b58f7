import { Box, Chip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useGetMany, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import type { MotcuaDataProvider } from '../dataProvider';
import type { Agency, Dossier, DossierEvent } from '../types';

const HIGHLIGHT: Record<string, { bg: string; border: string }> = {
  reminder: { bg: '#fff8e1', border: '#f9a825' },
  escalation: { bg: '#ffebee', border: '#c62828' },
};

/** The audit trail (GET /events): who did what, when, at which agency; reminders and escalations stand out. */
export function Timeline() {
  const record = useRecordContext<Dossier>();
  const dataProvider = useDataProvider<MotcuaDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [events, setEvents] = useState<DossierEvent[]>([]);
  useEffect(() => {
    if (record) dataProvider.events(record.code).then(setEvents, () => setEvents([]));
  }, [record?.code, record?.updatedAt, record?.status, dataProvider]);
  const agencyCodes = [...new Set(events.flatMap((e) => [e.agencyCode, e.actorAgencyCode ?? '']).filter(Boolean))];
  const { data: agencies = [] } = useGetMany<Agency>('agencies', { ids: agencyCodes }, { enabled: agencyCodes.length > 0 });
  const userName = (e: DossierEvent) =>
    e.actorId === 'system' ? translate('resources.dossiers.timeline.system') : (e.actorName ?? e.actorId);
  const agencyName = (code: string | null) => (code ? (agencies.find((a) => a.code === code)?.name ?? code) : '');
  if (events.length === 0) return <Typography color="text.secondary">{translate('resources.dossiers.timeline.empty')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="timeline">
      {events.map((e) => {
        const hl = HIGHLIGHT[e.type];
        const detail = [
          e.data.reason, e.data.note, Array.isArray(e.data.missing) ? (e.data.missing as string[]).join('; ') : null,
          // A walk-in: the desk recorded the applicant's own withdrawal or rating (docs/forms.md).
          e.data.atDesk ? translate('resources.dossiers.timeline.at_desk') : null,
        ].filter(Boolean).join(' — ');
        return (
          <Box
            component="li"
            key={e.seq}
            data-event={e.type}
            sx={{ borderLeft: `4px solid ${hl?.border ?? '#90a4ae'}`, bgcolor: hl?.bg, pl: 2, py: 1, mb: 1, borderRadius: 1 }}
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate(`app.event.${e.type}`, { _: e.type })}{' '}
              <Chip size="small" variant="outlined" label={translate(`app.status.${e.toStatus}`)} sx={{ ml: 1 }} />
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {formatDateTime(e.at, locale)} · {userName(e)}
              {/* The actor's own agency: an asked agency answers from its office, not the one holding the dossier. */}
              {e.actorId !== 'system' && ` (${translate(`app.role.${e.actorRole}`, { _: e.actorRole })})`} · {agencyName(e.actorAgencyCode ?? e.agencyCode)}
            </Typography>
            {detail && <Typography variant="body2">{detail}</Typography>}
          </Box>
        );
      })}
    </Box>
  );
}
