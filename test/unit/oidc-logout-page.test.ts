import { describe, expect, it } from 'vitest';
import { logoutPage } from '../../runtime/oidc-pages';

const FORM = '<form id="op.logoutForm" method="post" action="/session/end/confirm"><input type="hidden" name="xsrf" value="x"/></form>';

describe('the local provider’s logout page', () => {
  it('asks the citizen at their own device', () => {
    const html = logoutPage(FORM);
    expect(html).toContain('Đăng xuất khỏi định danh điện tử?');
    expect(html).toContain('Giữ đăng nhập');
    expect(html).not.toContain('<script>');
  });

  it('answers «Đăng xuất» itself after a kiosk’s idle reset, nobody being left to', () => {
    const html = logoutPage(FORM, true);
    expect(html).toContain(FORM);
    expect(html).toContain('<input type="hidden" name="logout" value="yes" form="op.logoutForm">');
    expect(html).toContain("document.getElementById('op.logoutForm').submit()");
    expect(html).not.toContain('Giữ đăng nhập');
  });
});
