import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { AppContext } from './context';
import { authenticate } from './middleware/auth';
import { errorHandler, notFoundHandler } from './middleware/errors';
import { openapiRoutes } from './openapi';
import { advisorRoutes } from './routes/advisor.routes';
import { agencyRoutes } from './routes/agencies.routes';
import { applicantRoutes } from './routes/applicants.routes';
import { attachmentRoutes } from './routes/attachments.routes';
import { authRoutes } from './routes/auth.routes';
import { calendarRoutes } from './routes/calendar.routes';
import { dossierRoutes } from './routes/dossiers.routes';
import { guideAudioRoutes } from './routes/guide-audio.routes';
import { documentRoutes } from './routes/documents.routes';
import { healthRoutes } from './routes/health.routes';
import { consentRoutes } from './routes/consent.routes';
import { communeCategoryRoutes } from './routes/commune-categories.routes';
import { holidayRoutes } from './routes/holidays.routes';
import { metricsRoutes } from './routes/metrics.routes';
import { myDocumentRoutes } from './routes/my-documents.routes';
import { oidcRoutes } from './routes/oidc.routes';
import { outboxRoutes } from './routes/outbox.routes';
import { paymentRoutes } from './routes/payments.routes';
import { procedureRoutes, procedureVersionRoutes } from './routes/procedures.routes';
import { smsInboundRoutes } from './routes/sms-inbound.routes';
import { statsRoutes } from './routes/stats.routes';
import { registerRoutes } from './routes/registers.routes';
import { stuckRoutes } from './routes/stuck.routes';
import { publicRoutes } from './routes/public.routes';
import { publicStatsRoutes } from './routes/public-stats.routes';
import { statusAudioRoutes } from './routes/status-audio.routes';
import { totpRoutes } from './routes/totp.routes';
import { userRoutes } from './routes/users.routes';
import { checkTextInput } from './middleware/text-input';
import { securityHeaders } from './middleware/security-headers';

/** The HTTP app: JSON under /api, the back office build under /admin when it has been built. */
export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // CSP, nosniff, no framing, no referrer: the API and both UIs (docs/security.md).
  app.use(securityHeaders);
  // Only the hops we run are believed: a client's own X-Forwarded-For must not pick its address (sign-in limits).
  app.set('trust proxy', ctx.env.TRUST_PROXY_HOPS);
  // Prometheus scrapes /metrics (the conventional path); /api/metrics stays for existing scrapers.
  const metrics = metricsRoutes(ctx);
  app.get('/metrics', metrics.expose);
  const api = express.Router();
  api.use((_req, res, next) => {
    res.set('Access-Control-Expose-Headers', 'Content-Range, Location, Retry-After');
    next();
  });
  // The raw bytes are kept for signed webhooks (payment callback HMAC).
  api.use(metrics.router);
  api.use(express.json({ limit: '1mb', verify: (req, _res, buf) => void ((req as { rawBody?: Buffer }).rawBody = buf) }));
  // One text rule for every body and query string (domain/text-rule.ts): refused naming the
  // field, or normalized to NFC, before anything runs.
  api.use(checkTextInput);
  api.use(healthRoutes(ctx));
  api.use(procedureRoutes(ctx));
  api.use(guideAudioRoutes(ctx));
  api.use(advisorRoutes(ctx));
  api.use(calendarRoutes(ctx));
  api.use(publicStatsRoutes(ctx));
  // Signed by the SMS gateway, not by a user's session.
  api.use(smsInboundRoutes(ctx));
  api.use(authenticate(ctx));
  api.use(authRoutes(ctx));
  api.use(totpRoutes(ctx));
  api.use(oidcRoutes(ctx));
  api.use(procedureVersionRoutes(ctx));
  // Before the dossier routes: `/dossiers/stuck` would otherwise be read as a dossier code.
  api.use(stuckRoutes(ctx));
  api.use(dossierRoutes(ctx));
  api.use(consentRoutes(ctx));
  api.use(applicantRoutes(ctx));
  api.use(statsRoutes(ctx));
  api.use(paymentRoutes(ctx));
  api.use(documentRoutes(ctx));
  api.use(registerRoutes(ctx));
  api.use(attachmentRoutes(ctx));
  api.use(myDocumentRoutes(ctx));
  api.use(publicRoutes(ctx));
  api.use(statusAudioRoutes(ctx));
  api.use(agencyRoutes(ctx));
  api.use(userRoutes(ctx));
  api.use(holidayRoutes(ctx));
  api.use(communeCategoryRoutes(ctx));
  api.use(openapiRoutes());
  api.use(outboxRoutes(ctx));
  api.use(notFoundHandler);
  app.use('/api', api);

  const adminDist = path.resolve('admin-ui/dist');
  if (existsSync(adminDist)) {
    app.use('/admin', express.static(adminDist));
    app.get(/^\/admin(\/.*)?$/, (_req, res) => res.sendFile(path.join(adminDist, 'index.html')));
  }
  // The citizen portal and kiosk (issue 6) at /, when built: hashed assets cached for a year,
  // every other non-API, non-back-office path answers its index.html (client-side routes).
  const portalDist = path.resolve('portal/dist');
  if (existsSync(portalDist)) {
    app.use('/assets', express.static(path.join(portalDist, 'assets'), { immutable: true, maxAge: '365d' }));
    app.use(express.static(portalDist, { index: false }));
    app.get(/^\/(?!api(\/|$)|admin(\/|$)).*/, (_req, res) => res.set('Cache-Control', 'no-cache').sendFile(path.join(portalDist, 'index.html')));
  }
  app.use(errorHandler(ctx.log));
  return app;
}
