import { useEffect, useState } from 'react';
import { kioskQuery } from './kiosk';

/** A tiny History API router: paths are the portal's public addresses (QR codes point at them). */
export function navigate(path: string, query = '') {
  const q = [query, kioskQuery()].filter(Boolean).join('&');
  history.pushState(null, '', `${path}${q ? `?${q}` : ''}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function useLocation() {
  const [loc, setLoc] = useState(() => ({ path: location.pathname, query: new URLSearchParams(location.search) }));
  useEffect(() => {
    const on = () => setLoc({ path: location.pathname, query: new URLSearchParams(location.search) });
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return loc;
}

/** A link that navigates without reloading but stays a real link (new tab, keyboard). */
export function href(path: string, query = '') {
  const q = [query, kioskQuery()].filter(Boolean).join('&');
  return `${path}${q ? `?${q}` : ''}`;
}

export function onLinkClick(e: React.MouseEvent<HTMLAnchorElement>) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  const url = new URL(e.currentTarget.href);
  history.pushState(null, '', url.pathname + url.search);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}
