import { useEffect, useState } from 'react';
import { api, type Payment } from './api';
import { PayQr } from './PayQr';
import { useT } from './i18n';
import { money } from './text';

/** The fee as a VietQR image; asks again every few seconds until the gateway confirms payment. */
export function PayPanel({ code, onPaid }: { code: string; onPaid: () => void }) {
  const t = useT();
  const [pay, setPay] = useState<Payment | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let stop = false;
    let timer = 0;
    const poll = async () => {
      try {
        const p = await api.payment(code);
        if (stop) return;
        setPay(p);
        setError('');
        if (p.paid) return onPaid();
      } catch (e) {
        if (!stop) setError((e as Error).message);
      }
      if (!stop) timer = window.setTimeout(poll, 2000);
    };
    poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
    // One poll per dossier: a new onPaid from a re-render must not restart it.
  }, [code]);

  if (!pay) return error ? <p role="alert" className="error">{error}</p> : <p role="status">{t('pay.creating')}</p>;
  return (
    <section className="panel pay" aria-labelledby="pay-title">
      <h2 id="pay-title">{t('pay.title')}</h2>
      {pay.paid ? (
        <p className="ok" role="status">
          {t('pay.received', { amount: money(pay.amount) })}
        </p>
      ) : (
        <>
          <PayQr code={code} pay={pay} />
          <p role="status" className="waiting">
            {t('pay.waiting')}
          </p>
        </>
      )}
    </section>
  );
}
