import { useEffect, useState } from 'react';
import { getSession, onSession } from './api';

export function useSession() {
  const [s, set] = useState(getSession);
  useEffect(() => onSession(() => set(getSession())), []);
  return s;
}
