import { Box, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/**
 * react-admin's sign-in page inside a `main` landmark and under a level-one heading naming the
 * application, so a screen reader can tell where it is and jump to the form (axe's `region`,
 * `landmark-one-main` and `page-has-heading-one`).
 */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Box component="main">
      <Login>
        <Typography component="h1" variant="h6" align="center" sx={{ mt: 1 }}>
          {translate('app.title')}
        </Typography>
        <LoginForm />
      </Login>
    </Box>
  );
}
