import { useEffect } from 'react';
import { useT } from './i18n';
import { navigate } from './router';
import { useSession } from './session';
import { SignIn } from './SignIn';

/** The header's «Đăng nhập»: once signed in, the citizen lands on their dossiers. */
export function SignInPage() {
  const session = useSession();
  const t = useT();
  useEffect(() => {
    if (session) navigate('/ho-so-cua-toi');
  }, [session]);
  return <SignIn why={t('signin.pageWhy')} />;
}
