import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isKiosk, watchIdle } from './kiosk';
import './styles.css';

if (isKiosk()) document.documentElement.classList.add('kiosk');
watchIdle();
createRoot(document.getElementById('root')!).render(<App />);
