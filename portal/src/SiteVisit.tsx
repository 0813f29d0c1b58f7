import { day } from './text';

/**
 * The site visit the office scheduled with the applicant (the inspect stage): when and where to
 * be, the latest date only (a moved visit replaces the earlier one); the SMS/e-mail said the same.
 */
export function SiteVisit({ inspection }: { inspection: { visits: { at: string; place: string }[]; minutes: unknown } | null | undefined }) {
  const visit = inspection?.visits.at(-1);
  if (!visit || inspection?.minutes) return null;
  return (
    <section className="panel" aria-labelledby="visit-title" data-testid="site-visit">
      <h2 id="visit-title">Lịch kiểm tra thực địa</h2>
      <p>
        Cán bộ sẽ kiểm tra thực địa lúc <strong>{day(visit.at, true)}</strong> tại <strong>{visit.place}</strong>. Đề nghị Ông/Bà có mặt; nếu không thể
        có mặt, xin liên hệ Bộ phận Một cửa để hẹn lại.
      </p>
    </section>
  );
}
