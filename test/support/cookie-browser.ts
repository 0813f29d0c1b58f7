/**
 * Just enough of a browser for an OpenID Connect code flow over plain HTTP: keeps cookies (by
 * name, per host, as browsers do regardless of port), follows redirects by hand, submits forms.
 * Stops at the first address of `stopAt` (the portal's own pages), or at a page that answers 200.
 */
export interface Stop {
  /** Where the last redirect pointed (a portal page), when it stopped there. */
  location?: URL;
  /** The page it stopped on, when one answered. */
  status: number;
  html: string;
  url: URL;
}

export class CookieBrowser {
  private readonly jar = new Map<string, string>();
  constructor(public stopAt: (u: URL) => boolean) {}

  private cookieHeader(url: URL) {
    return [...this.jar].filter(([k]) => k.startsWith(`${url.hostname} `)).map(([k, v]) => `${k.split(' ')[1]}=${v}`).join('; ');
  }

  private keep(url: URL, res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair!.indexOf('=');
      const key = `${url.hostname} ${pair!.slice(0, i).trim()}`;
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (expired) this.jar.delete(key);
      else this.jar.set(key, pair!.slice(i + 1).trim());
    }
  }

  async open(start: string | URL, init: { method?: string; body?: string } = {}): Promise<Stop> {
    let url = new URL(start);
    let req: RequestInit = { method: init.method ?? 'GET', body: init.body, headers: init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {} };
    for (let hops = 0; hops < 20; hops++) {
      const res = await fetch(url, { ...req, redirect: 'manual', headers: { ...(req.headers as Record<string, string>), cookie: this.cookieHeader(url) } });
      this.keep(url, res);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, url);
        await res.arrayBuffer();
        if (this.stopAt(next)) return { location: next, status: res.status, html: '', url };
        url = next;
        req = { method: 'GET', headers: {} };
        continue;
      }
      return { status: res.status, html: await res.text(), url };
    }
    throw new Error(`too many redirects from ${start}`);
  }

  /** Submits the form whose action contains `action` on the page, with these fields. */
  submit(page: Stop, action: string, fields: Record<string, string> = {}): Promise<Stop> {
    const m = [...page.html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((x) => x[1]!).find((a) => a.includes(action));
    if (!m) throw new Error(`no form ${action} on ${page.url}: ${page.html.slice(0, 300)}`);
    return this.open(new URL(m.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))), page.url), { method: 'POST', body: new URLSearchParams(fields).toString() });
  }
}
