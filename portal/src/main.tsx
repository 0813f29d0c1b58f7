import { createRoot } from 'react-dom/client';
import { adoptSessionFromAddress, logOut } from './api';
import { App } from './App';
import { initDisplay } from './display';
import { initLang } from './i18n';
import { isKiosk, watchIdle } from './kiosk';
import './styles.css';

if (isKiosk()) document.documentElement.classList.add('kiosk');
initDisplay();
adoptSessionFromAddress();
watchIdle(logOut);
// A remembered language other than Vietnamese is loaded before the first paint (no flash of Vietnamese).
void initLang().then(() => createRoot(document.getElementById('root')!).render(<App />));
