import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// Lazy screens are separate chunks named by content hash: a tab opened before a redeploy asks for
// chunks that no longer exist. Reload once to pick up the new build (not in a loop if that fails).
window.addEventListener('vite:preloadError', (event) => {
  const key = 'motcua.chunk-reload';
  if (sessionStorage.getItem(key)) return;
  sessionStorage.setItem(key, '1');
  event.preventDefault();
  window.location.reload();
});
window.addEventListener('load', () => setTimeout(() => sessionStorage.removeItem('motcua.chunk-reload'), 10_000));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
