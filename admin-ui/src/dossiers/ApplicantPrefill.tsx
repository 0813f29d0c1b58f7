import { Alert } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslate } from 'react-admin';
import { stripSeparators } from '../../../domain/text';
import { formatDateTime } from '../common/format';
import { API, httpClient } from '../http';

interface KnownApplicant {
  fullName: string;
  idNumber: string;
  phone: string;
  email: string | null;
  address: string | null;
  lastDossierCode: string;
  lastDossierAt: string;
}

/**
 * Once a whole ID number is typed, the desk's last dossier for it fills the applicant's empty
 * fields (GET /api/applicants/:idNumber, scoped to the desk and logged by the API), and the
 * declarant's ID number when the procedure's form asks for one. Nothing already typed is replaced.
 */
export function ApplicantPrefill() {
  const translate = useTranslate();
  const { getValues, setValue } = useFormContext();
  const typed = useWatch({ name: 'applicant.idNumber' }) as string | undefined;
  const [found, setFound] = useState<KnownApplicant | null>(null);
  const asked = useRef<string | null>(null);

  useEffect(() => {
    const id = stripSeparators(typed ?? '');
    if (!/^\d{12}$/.test(id) || asked.current === id) return;
    asked.current = id;
    const fillEmpty = (name: string, value: string | null) => {
      if (value && !getValues(name)) setValue(name, value, { shouldDirty: true, shouldValidate: true });
    };
    fillEmpty('form.declarantIdNumber', id);
    httpClient(`${API}/applicants/${id}`).then(
      ({ json }) => {
        const a = json as KnownApplicant;
        if (asked.current !== id) return;
        for (const k of ['fullName', 'phone', 'email', 'address'] as const) fillEmpty(`applicant.${k}`, a[k]);
        setFound(a);
      },
      // 404: a first visit at this desk; anything else only means no prefill.
      () => setFound(null),
    );
  }, [typed, getValues, setValue]);

  if (!found || found.idNumber !== stripSeparators(typed ?? '')) return null;
  return (
    <Alert severity="info" sx={{ mb: 1, width: '100%' }} data-testid="applicant-prefilled">
      {translate('app.reception.prefilled', { code: found.lastDossierCode, at: formatDateTime(found.lastDossierAt) })}
    </Alert>
  );
}
