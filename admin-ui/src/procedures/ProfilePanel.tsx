import { Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { ability } from '../ability';
import { formatDateTime } from '../common/format';
import { API, httpClient } from '../http';
import type { Procedure, ProcedureProfile, ProfileVersion } from '../types';
import { EditProfileButton } from './EditProfileButton';

const t = (k: string) => `resources.procedures.profile.${k}`;

/** A profile field's value in words ("Cấp xã", "Toàn trình", "Có"), a department by its code. */
export function useProfileValue() {
  const translate = useTranslate();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (field === 'level') return translate(`level.${String(value)}`);
    if (field === 'onlineLevel') return translate(t(`onlineLevels.${String(value)}`));
    if (field === 'portalIntegrated') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
    return String(value);
  };
}

/** What one version changed, in words: "Mức độ trực tuyến: Một phần → Toàn trình". */
export function ChangesText({ changes }: { changes: ProfileVersion['changes'] }) {
  const translate = useTranslate();
  const value = useProfileValue();
  if (!changes) return <>{translate(t('seeded'))}</>;
  return (
    <>
      {Object.entries(changes).map(([k, c]) => (
        <div key={k}>
          {translate(t(`fields.${k}`))}: {value(k, c.from)} → <b>{value(k, c.to)}</b>
        </div>
      ))}
    </>
  );
}

/**
 * Lào Cai's profile of the procedure on its page (administrators): who receives and decides it,
 * how far it runs online, whether it is synced with the national portal, and every correction
 * with who made it, when and why (docs/procedures.md).
 */
export function ProfilePanel() {
  const p = useRecordContext<Procedure>();
  const translate = useTranslate();
  const value = useProfileValue();
  const [profile, setProfile] = useState<ProcedureProfile | null>(null);
  const code = p?.code;
  const load = useCallback(async () => {
    if (!code) return;
    const { json } = await httpClient(`${API}/procedures/${encodeURIComponent(code)}/profile`);
    setProfile(json as ProcedureProfile);
  }, [code]);
  useEffect(() => {
    if (ability.can('manage', 'Procedure')) void load();
  }, [load]);
  if (!profile) return null;
  const department = (c: string | null) => (c ? `${profile.departments.find((d) => d.code === c)?.name ?? c} (${c})` : translate(t('communeDecides')));
  return (
    <Stack spacing={1} data-testid="procedure-profile">
      <Stack direction="row" spacing={2} sx={{ alignItems: "center" }}>
        <Typography variant="body2">
          {translate(t('fields.level'))}: <b>{value('level', profile.level)}</b> · {translate(t('fields.departmentCode'))}: <b>{department(profile.departmentCode)}</b> ·{' '}
          {translate(t('fields.onlineLevel'))}: <b>{value('onlineLevel', profile.onlineLevel)}</b> · {translate(t('fields.portalIntegrated'))}: <b>{value('portalIntegrated', profile.portalIntegrated)}</b> (v{profile.version})
        </Typography>
        <EditProfileButton profile={profile} onSaved={() => void load()} />
      </Stack>
      <Table size="small" aria-label={translate(t('history'))}>
        <TableHead>
          <TableRow>
            {['version', 'changedAt', 'changedBy', 'changes', 'note'].map((k) => (
              <TableCell key={k}>{translate(t(`columns.${k}`))}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {profile.history.map((h) => (
            <TableRow key={h.version}>
              <TableCell>{h.version}</TableCell>
              <TableCell>{h.changedAt ? formatDateTime(h.changedAt) : '—'}</TableCell>
              <TableCell>{h.changedBy ?? translate(t('seeded'))}</TableCell>
              <TableCell>
                <ChangesText changes={h.changes} />
              </TableCell>
              <TableCell>{h.note ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}
