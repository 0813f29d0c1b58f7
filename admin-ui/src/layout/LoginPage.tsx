import { Box, Typography } from '@mui/material';
import { Login, LoginForm, PasswordInput, TextInput, required, useTranslate } from 'react-admin';
import { totpPrompt } from './totp-prompt';

/**
 * react-admin's sign-in page inside a `main` landmark and under a level-one heading naming the
 * application, so a screen reader can tell where it is and jump to the form (axe's `region`,
 * `landmark-one-main` and `page-has-heading-one`). An officer with two-step verification on is
 * then asked for the code of their authenticator app (or a recovery code) on the same form.
 */
export function LoginPage() {
  const translate = useTranslate();
  const askCode = totpPrompt.useAsked();
  return (
    <Box component="main">
      <Login>
        <Typography component="h1" variant="h6" align="center" sx={{ mt: 1 }}>
          {translate('app.title')}
        </Typography>
        <LoginForm>
          <TextInput autoFocus source="username" label={translate('ra.auth.username')} autoComplete="username" validate={required()} />
          <PasswordInput source="password" label={translate('ra.auth.password')} autoComplete="current-password" validate={required()} />
          {askCode && (
            <TextInput
              autoFocus
              source="code"
              label={translate('app.totp.code')}
              helperText={translate('app.totp.code_help')}
              autoComplete="one-time-code"
              validate={required()}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'totp-code' } }}
            />
          )}
        </LoginForm>
      </Login>
    </Box>
  );
}
