/**
 * The local identity provider's own pages (runtime/oidc-provider.ts): sign-in, consent and errors,
 * in Vietnamese, plain HTML with no script. They say plainly that this is a development stand-in,
 * not the national identity service.
 */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>
body{font:18px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem}label{display:block;margin-top:1rem;font-weight:600}
input{font:inherit;width:100%;padding:.5rem;box-sizing:border-box}
button{font:inherit;margin-top:1.25rem;margin-right:.5rem;padding:.6rem 1.2rem;background:#a50e0e;color:#fff;border:0;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:#a50e0e;border:2px solid #a50e0e}.note{color:#555;font-size:.9rem}.error{color:#a50e0e;font-weight:600}
</style></head><body><main><p class="note">Máy chủ định danh thử nghiệm của motcua — chỉ dùng khi phát triển và kiểm thử, không phải dịch vụ định danh quốc gia.</p>${body}</main></body></html>`;
}

export function loginPage(uid: string, clientName: string, error?: string): string {
  return page(
    'Đăng nhập bằng định danh điện tử',
    `<h1>Đăng nhập bằng định danh điện tử</h1>
<p>Ứng dụng <strong>${esc(clientName)}</strong> đề nghị Ông/Bà đăng nhập.</p>
${error ? `<p role="alert" class="error">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login" autocomplete="off">
<label for="personalId">Số định danh cá nhân (12 chữ số)</label>
<input id="personalId" name="personalId" inputmode="numeric" pattern="[0-9]{12}" maxlength="12" required autofocus>
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" required>
<button type="submit">Đăng nhập</button>
</form>
<form method="post" action="/interaction/${esc(uid)}/abort"><button type="submit" class="secondary">Hủy</button></form>`,
  );
}

export function consentPage(uid: string, clientName: string, name: string): string {
  return page(
    'Đồng ý chia sẻ thông tin',
    `<h1>Đồng ý chia sẻ thông tin</h1>
<p>Xin chào <strong>${esc(name)}</strong>. Ứng dụng <strong>${esc(clientName)}</strong> đề nghị được biết họ tên và số định danh cá nhân của Ông/Bà để mở hồ sơ dịch vụ công.</p>
<form method="post" action="/interaction/${esc(uid)}/confirm"><button type="submit">Đồng ý</button></form>
<form method="post" action="/interaction/${esc(uid)}/abort"><button type="submit" class="secondary">Từ chối</button></form>`,
  );
}

export function errorPage(message: string): string {
  return page('Có lỗi khi đăng nhập', `<h1>Có lỗi khi đăng nhập</h1><p>${esc(message)}</p>`);
}

/**
 * The provider's question before ending its session (RP-initiated logout). `form` is the
 * provider's own hidden form (id `op.logoutForm`, its CSRF field); the buttons submit it.
 */
/**
 * The question before signing out here. `unattended`: a kiosk's idle reset sent the browser (the
 * visitor has left, nobody can answer), so the form answers «Đăng xuất» itself at once.
 */
export function logoutPage(form: string, unattended = false): string {
  if (unattended) {
    return page(
      'Đăng xuất',
      `<h1>Đang đăng xuất…</h1>
<p>Máy tra cứu đã được đặt lại: phiên đăng nhập định danh điện tử trên máy này đang được kết thúc.</p>
${form}
<input type="hidden" name="logout" value="yes" form="op.logoutForm">
<script>document.getElementById('op.logoutForm').submit()</script>`,
    );
  }
  return page(
    'Đăng xuất',
    `<h1>Đăng xuất khỏi định danh điện tử?</h1>
<p>Ông/Bà đã đăng xuất khỏi Cổng dịch vụ công. Đăng xuất cả ở đây để lần sau phải nhập lại số định danh và mật khẩu (nên làm trên máy dùng chung).</p>
${form}
<button autofocus type="submit" form="op.logoutForm" name="logout" value="yes">Đăng xuất</button>
<button type="submit" form="op.logoutForm" class="secondary">Giữ đăng nhập</button>`,
  );
}

export function loggedOutPage(): string {
  return page('Đã đăng xuất', '<h1>Đã đăng xuất</h1><p>Ông/Bà đã đăng xuất khỏi định danh điện tử.</p>');
}
