import { useState } from 'react';
import type { Payment } from './api';
import { bankName } from './banks';
import { useT } from './i18n';
import { money } from './text';

/** The QR PNG (a data: URL) as a file, for the share sheet to hand to a banking app. */
async function pngFile(dataUrl: string, name: string): Promise<File> {
  const blob = await (await fetch(dataUrl)).blob();
  return new File([blob], name, { type: 'image/png' });
}

/**
 * The fee's VietQR as the citizen needs it on a phone: the image, the bank by name, the account,
 * and ways to get the QR into a banking app on the same phone — save the PNG, share it (Web Share
 * API), or copy the account number and the VietQR text when sharing is not offered.
 */
export function PayQr({ code, pay }: { code: string; pay: Payment }) {
  const t = useT();
  const [note, setNote] = useState('');
  const description = pay.description ?? code;
  const file = `${code}-vietqr.png`;
  const canShare = typeof navigator.share === 'function';

  async function share() {
    try {
      const f = await pngFile(pay.qrPng, file);
      const data: ShareData = navigator.canShare?.({ files: [f] }) ? { files: [f], title: t('pay.shareTitle', { code }) } : { title: t('pay.shareTitle', { code }), text: shareText() };
      await navigator.share(data);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') await copy(shareText(), t('pay.copiedTransfer'));
    }
  }
  const shareText = () =>
    [
      t('pay.shareBank', { value: bankName(pay.bankBin) }),
      pay.accountNumber && t('pay.shareAccount', { value: pay.accountNumber }),
      pay.accountName && t('pay.shareAccountName', { value: pay.accountName }),
      t('pay.shareAmount', { value: money(pay.amount) }),
      t('pay.shareDescription', { value: description }),
    ]
      .filter(Boolean)
      .join('\n');
  async function copy(text: string, done: string) {
    try {
      await navigator.clipboard.writeText(text);
      setNote(done);
    } catch {
      setNote(t('pay.copyFailed'));
    }
  }

  return (
    <div className="pay-qr">
      <p>
        {t('pay.amount')} <strong className="amount">{money(pay.amount)}</strong>
      </p>
      <img src={pay.qrPng} width={240} height={240} alt={t('pay.alt', { amount: money(pay.amount), description })} />
      <dl className="facts">
        {pay.bankBin && (
          <div>
            <dt>{t('pay.bank')}</dt>
            <dd data-testid="pay-bank">{bankName(pay.bankBin)}</dd>
          </div>
        )}
        {pay.accountNumber && (
          <div>
            <dt>{t('pay.account')}</dt>
            <dd data-testid="pay-account">{pay.accountNumber}</dd>
          </div>
        )}
        {pay.accountName && (
          <div>
            <dt>{t('pay.accountName')}</dt>
            <dd>{pay.accountName}</dd>
          </div>
        )}
        <div>
          <dt>{t('pay.description')}</dt>
          <dd className="code">{description}</dd>
        </div>
      </dl>
      <ol>
        <li>{t('pay.step1')}</li>
        <li>{t('pay.step2', { description })}</li>
        <li>{t('pay.step3')}</li>
      </ol>
      <p className="actions no-print">
        <a className="button secondary" href={pay.qrPng} download={file}>
          {t('pay.save')}
        </a>
        {canShare ? (
          <button type="button" className="secondary" onClick={() => void share()}>
            {t('pay.share')}
          </button>
        ) : (
          pay.accountNumber && (
            <button type="button" className="secondary" onClick={() => void copy(pay.accountNumber!, t('pay.copiedAccount', { account: pay.accountNumber! }))}>
              {t('pay.copyAccount')}
            </button>
          )
        )}
        {pay.vietqr && (
          <button type="button" className="secondary" onClick={() => void copy(pay.vietqr!, t('pay.copiedVietqr'))}>
            {t('pay.copyVietqr')}
          </button>
        )}
      </p>
      {note && (
        <p role="status" className="note" data-testid="pay-note">
          {note}
        </p>
      )}
    </div>
  );
}
