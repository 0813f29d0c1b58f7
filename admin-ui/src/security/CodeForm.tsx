import { Box, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

/** One code field and its button: confirming an enrolment, or turning two-step verification off. */
export function CodeForm({ submitLabel, onSubmit, testId }: { submitLabel: string; onSubmit: (code: string) => Promise<void>; testId: string }) {
  const translate = useTranslate();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(code.trim());
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={submit} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 1 }}>
      <TextField
        size="small"
        label={translate('app.totp.code')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="one-time-code"
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 20, 'data-testid': testId } }}
      />
      <Button type="submit" variant="contained" disabled={busy || code.trim().length < 6}>
        {translate(submitLabel)}
      </Button>
    </Box>
  );
}
