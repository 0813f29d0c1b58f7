import { Alert, Button, Checkbox, Dialog, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { API } from '../http';
import type { ProcedureProfile, ProfileSaved } from '../types';
import { DryRunActions, useDryRun } from './dry-run';
import { ChangesText } from './ProfilePanel';

const t = (k: string) => `resources.procedures.profile.${k}`;
type Draft = Pick<ProcedureProfile, 'level' | 'departmentCode' | 'onlineLevel' | 'portalIntegrated'> & { note: string };

/** The fields the administrator changed, as POST /api/procedures/:code/profile takes them. */
function changesOf(p: ProcedureProfile, d: Draft) {
  const body: Record<string, unknown> = {};
  for (const k of ['level', 'departmentCode', 'onlineLevel', 'portalIntegrated'] as const) if (d[k] !== p[k]) body[k] = d[k];
  if (d.note.trim()) body.note = d.note.trim();
  return body;
}

/**
 * Corrects the procedure's profile: the dialog previews the correction (the API's dry run checks
 * the agency and answers what changes, and whether new dossiers get a new version of the rules),
 * then saves it as a new version. Dossiers already submitted keep who decides them.
 */
export function EditProfileButton({ profile, onSaved }: { profile: ProcedureProfile; onSaved: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>({ ...profile, note: '' });
  const { preview, setPreview, error, send: post, reset } = useDryRun<ProfileSaved>(`${API}/procedures/${encodeURIComponent(profile.code)}/profile`, () => changesOf(profile, draft));
  const change = (d: Partial<Draft>) => (setDraft({ ...draft, ...d }), setPreview(null));
  const start = () => {
    setDraft({ ...profile, note: '' });
    reset();
    setOpen(true);
  };
  const send = async (dryRun: boolean) => {
    const saved = await post(dryRun);
    if (!saved) return;
    notify(t('saved'), { type: 'success', messageArgs: { version: saved.version } });
    setOpen(false);
    onSaved();
    refresh();
  };
  return (
    <>
      <Button variant="outlined" size="small" onClick={start} data-testid="edit-profile">
        {translate(t('edit'))}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(t('title'), { code: profile.code, version: profile.version + 1 })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField select size="small" label={translate(t('fields.level'))} value={draft.level} onChange={(e) => change({ level: e.target.value as Draft['level'], departmentCode: e.target.value === 'commune' ? null : draft.departmentCode })}>
              <MenuItem value="commune">{translate('level.commune')}</MenuItem>
              <MenuItem value="province">{translate('level.province')}</MenuItem>
            </TextField>
            <TextField select size="small" label={translate(t('fields.departmentCode'))} value={draft.departmentCode ?? ''} disabled={draft.level === 'commune'} onChange={(e) => change({ departmentCode: e.target.value || null })}>
              <MenuItem value="">{translate(t('communeDecides'))}</MenuItem>
              {profile.departments.map((d) => (
                <MenuItem key={d.code} value={d.code}>
                  {d.name} ({d.code})
                </MenuItem>
              ))}
            </TextField>
            <TextField select size="small" label={translate(t('fields.onlineLevel'))} value={draft.onlineLevel} onChange={(e) => change({ onlineLevel: e.target.value as Draft['onlineLevel'] })}>
              {(['full', 'partial', 'counter'] as const).map((l) => (
                <MenuItem key={l} value={l}>
                  {translate(t(`onlineLevels.${l}`))}
                </MenuItem>
              ))}
            </TextField>
            <FormControlLabel control={<Checkbox checked={draft.portalIntegrated} onChange={(e) => change({ portalIntegrated: e.target.checked })} />} label={translate(t('fields.portalIntegrated'))} />
            <TextField size="small" label={translate(t('note'))} value={draft.note} onChange={(e) => change({ note: e.target.value })} />
            {error && <Alert severity="error">{error}</Alert>}
            {preview && (
              <Alert severity="success" data-testid="profile-preview">
                <ChangesText changes={preview.changes} />
                {preview.rules ? translate(t('newRules'), { version: preview.rules.version }) : translate(t('sameRules'))}
              </Alert>
            )}
            <Alert severity="info">{translate(t('inflight'))}</Alert>
          </Stack>
        </DialogContent>
        <DryRunActions t={t} canConfirm={preview !== null} onCancel={() => setOpen(false)} onSend={(dryRun) => void send(dryRun)} confirmTestId="profile-confirm" />
      </Dialog>
    </>
  );
}
