import type { DossierState } from '../domain/lifecycle/state';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * What the inspect and consult stages recorded, as the API shows them (api/openapi-responses.ts):
 * the site visits with the minutes, so the applicant sees when and where on the portal; who was
 * asked for an opinion, by when, and what each answered (the trail has the same, event by event).
 */
export function inspectionView(st: DossierState) {
  const i = st.inspection;
  if (!i) return null;
  return {
    visits: i.visits.map((v) => ({ at: iso(v.at), place: v.place, scheduledAt: iso(v.scheduledAt) })),
    minutes: i.minutes ? { document: i.minutes.document, outcome: i.minutes.outcome, note: i.minutes.note ?? null, at: iso(i.minutes.at) } : null,
  };
}

export function consultationView(st: DossierState) {
  const c = st.consultation;
  if (!c) return null;
  return {
    asks: c.asks.map((a) => ({
      agencyCode: a.agencyCode,
      question: a.question,
      askedAt: iso(a.askedAt),
      dueAt: iso(a.dueAt),
      answer: a.answer
        ? a.answer.opinion === 'no-answer'
          ? { opinion: a.answer.opinion, deemedAgreed: a.answer.deemedAgreed, note: null, document: null, at: iso(a.answer.at) }
          : { opinion: a.answer.opinion, deemedAgreed: false, note: a.answer.note ?? null, document: a.answer.document ?? null, at: iso(a.answer.at) }
        : null,
    })),
  };
}
