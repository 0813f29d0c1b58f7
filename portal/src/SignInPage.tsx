import { useEffect } from 'react';
import { navigate } from './router';
import { useSession } from './session';
import { SignIn } from './SignIn';

/** The header's «Đăng nhập»: once signed in, the citizen lands on their dossiers. */
export function SignInPage() {
  const session = useSession();
  useEffect(() => {
    if (session) navigate('/ho-so-cua-toi');
  }, [session]);
  return <SignIn why="Đăng nhập bằng tài khoản đã dùng để nộp hồ sơ: xem hồ sơ của tôi, nộp phí, bổ sung giấy tờ, tải kết quả." />;
}
