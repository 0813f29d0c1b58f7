import { createRoot } from 'react-dom/client';
import { adoptSessionFromAddress, logOut } from './api';
import { App } from './App';
import { isKiosk, watchIdle } from './kiosk';
import './styles.css';

if (isKiosk()) document.documentElement.classList.add('kiosk');
adoptSessionFromAddress();
watchIdle(logOut);
createRoot(document.getElementById('root')!).render(<App />);
