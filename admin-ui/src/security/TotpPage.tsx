import { Alert, Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { CodeForm } from './CodeForm';
import { totpApi, type TotpEnrolment, type TotpStatus } from './totp-api';

/**
 * «Xác thực hai lớp»: an officer turns on the code of an authenticator app for their password
 * sign-in (scan the QR, type the first code, keep the recovery codes), or turns it off with a code.
 * The secret is shown only during enrolment: the API never answers it again.
 */
export function TotpPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [status, setStatus] = useState<TotpStatus>();
  const [enrolment, setEnrolment] = useState<TotpEnrolment>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const reload = useCallback(() => totpApi.status().then(setStatus, (e: Error) => notify(e.message, { type: 'error' })), [notify]);
  useEffect(() => void reload(), [reload]);
  /** An API refusal (wrong code, too many tries) as a notification in the officer's language. */
  const guarded = (run: () => Promise<void>) => run().catch((e: Error) => notify(e.message, { type: 'error' }));

  const enrol = () => guarded(async () => setEnrolment(await totpApi.enrol()));
  const activate = (code: string) =>
    guarded(async () => {
      setRecoveryCodes((await totpApi.activate(code)).recoveryCodes);
      setEnrolment(undefined);
      notify('app.totp.activated', { type: 'success' });
      await reload();
    });
  const disable = (code: string) =>
    guarded(async () => {
      await totpApi.disable(code);
      notify('app.totp.disabled', { type: 'success' });
      await reload();
    });

  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title="app.totp.title" />
      <CardContent>
        {status && (
          <Typography variant="body1" data-testid="totp-status" sx={{ mb: 2 }}>
            {status.enabled ? translate('app.totp.on', { left: status.recoveryCodesLeft }) : translate('app.totp.off')}
          </Typography>
        )}
        {recoveryCodes && (
          <Alert severity="warning" sx={{ mb: 2 }} onClose={() => setRecoveryCodes(undefined)}>
            <Typography variant="body2">{translate('app.totp.recovery_intro')}</Typography>
            <Box component="ul" data-testid="totp-recovery-codes" sx={{ fontFamily: 'monospace', columns: 2, my: 1 }}>
              {recoveryCodes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </Box>
          </Alert>
        )}
        {status && !status.enabled && !enrolment && (
          <Button variant="contained" onClick={enrol} data-testid="totp-enrol">
            {translate('app.totp.enrol')}
          </Button>
        )}
        {enrolment && (
          <Box>
            <Typography variant="body2">{translate('app.totp.scan')}</Typography>
            <img src={enrolment.qrPng} width={240} height={240} alt={translate('app.totp.qr_alt')} />
            <Typography variant="body2">
              {translate('app.totp.manual')} <code data-testid="totp-secret">{enrolment.secret}</code>
            </Typography>
            <CodeForm submitLabel="app.totp.confirm" onSubmit={activate} testId="totp-activate-code" />
          </Box>
        )}
        {status?.enabled && (
          <Box>
            <Typography variant="body2">{translate('app.totp.disable_help')}</Typography>
            <CodeForm submitLabel="app.totp.disable" onSubmit={disable} testId="totp-disable-code" />
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
