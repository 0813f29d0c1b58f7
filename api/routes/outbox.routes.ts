import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { dossierEvents, dossiers, notificationReads, outbox, procedures, type OutboxRow } from '../../db/schema';
import { rate } from '../../domain/stats';
import { configuredChannels } from '../../integrations';
import { CHANNELS } from '../../integrations/messages';
import type { AppContext } from '../context';
import { parseListParams, sendList } from '../list-params';
import { requireUser } from '../middleware/auth';
import { conflict, forbidden, notFound } from '../problem';
import { dossierLinkedScope, noticeScope } from '../scope';

const listFilter = z
  .object({
    status: z.enum(['pending', 'sent', 'dead']).optional(),
    channel: z.enum(CHANNELS).optional(),
    dossierCode: z.string().optional(),
    id: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();

const SORTABLE = {
  createdAt: outbox.createdAt,
  nextAttemptAt: outbox.nextAttemptAt,
  attempts: outbox.attempts,
  status: outbox.status,
  id: outbox.id,
} as const;
/** The list's `filter` and `sort` as the OpenAPI document describes them. */
export const outboxListParams = { filter: listFilter, sort: Object.keys(SORTABLE) };

/** A phone or address, all but the last 3 characters hidden: outbox lists are for operations, not personal data. */
const mask = (s: string) => (s.length <= 3 ? '***' : '*'.repeat(s.length - 3) + s.slice(-3));

function outboxView(o: OutboxRow, configured: readonly string[]) {
  const payload = { ...(o.payload as Record<string, unknown>) };
  if (typeof payload.to === 'string') payload.to = mask(payload.to);
  // A consent code is the citizen's to read out, nobody else's (docs/assisted-filing.md).
  if (payload.template === 'consent-code' && typeof payload.text === 'string') payload.text = payload.text.replace(/\d{6}/g, '******');
  return {
    id: o.id,
    dossierCode: o.dossierCode,
    eventSeq: o.eventSeq,
    channel: o.channel,
    status: o.status,
    attempts: o.attempts,
    nextAttemptAt: o.nextAttemptAt,
    lastError: o.lastError,
    createdAt: o.createdAt,
    sentAt: o.sentAt,
    /** False: no adapter is configured for the channel, so the message waits (never dropped). */
    channelConfigured: configured.includes(o.channel),
    payload,
  };
}

// A tax notice left unpaid is the office's to chase, like a reminder (domain/lifecycle/stages/tax.ts).
const NOTICE_TYPES = ['reminder', 'escalation', 'tax-unpaid'];

/**
 * Integrations (README "Integrations"): the outbox for supervisors and the administrator
 * (dead letters included, admin retry), officers' reminder/escalation notifications, and the
 * portal integration rate.
 */
export function outboxRoutes(ctx: AppContext): Router {
  const r = Router();
  const db = ctx.dbh.db;
  const configured = configuredChannels(ctx.env);

  /**
   * Dossiers the caller may see messages or figures of (domain/ability.ts: a supervisor's subtree,
   * every one for the administrator's outbox): undefined when all of them.
   */
  function linkedScope(req: Request, subject: 'Outbox' | 'IntegrationStats', refusal: string): SQL | undefined {
    const scope = dossierLinkedScope(req.ability!, subject);
    if (scope === null) throw forbidden(refusal);
    return scope;
  }
  const ofDossiers = (scope: SQL | undefined) =>
    scope === undefined ? undefined : inArray(outbox.dossierCode, db.select({ code: dossiers.code }).from(dossiers).where(scope));

  r.get('/outbox', requireUser, async (req, res) => {
    const scope = linkedScope(req, 'Outbox', 'the outbox is for supervisors and the administrator');
    const p = parseListParams(req, listFilter, Object.keys(SORTABLE), { field: 'createdAt', order: 'DESC' });
    const where: (SQL | undefined)[] = [
      p.filter.status ? eq(outbox.status, p.filter.status) : undefined,
      p.filter.channel ? eq(outbox.channel, p.filter.channel) : undefined,
      p.filter.dossierCode ? eq(outbox.dossierCode, p.filter.dossierCode) : undefined,
      p.filter.id !== undefined ? inArray(outbox.id, [p.filter.id].flat()) : undefined,
      ofDossiers(scope),
    ];
    const cond = and(...where);
    const order = p.sort.order === 'ASC' ? asc : desc;
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(outbox)
        .where(cond)
        .orderBy(order(SORTABLE[p.sort.field as keyof typeof SORTABLE]), asc(outbox.id))
        .limit(p.limit)
        .offset(p.offset),
      db.select({ n: count() }).from(outbox).where(cond),
    ]);
    sendList(res, 'outbox', p.offset, rows.map((o) => outboxView(o, configured)), total?.n ?? 0);
  });

  r.post('/outbox/:id/retry', requireUser, async (req, res) => {
    if (!req.ability!.can('retry', 'Outbox')) throw forbidden('only the administrator retries outgoing messages');
    const id = String(req.params.id);
    const [current] = await db.select().from(outbox).where(eq(outbox.id, id));
    if (!current) throw notFound(`message ${id}`);
    if (current.status === 'sent') throw conflict('already-sent', `message ${id} was delivered at ${current.sentAt?.toISOString()}`);
    const [row] = await db
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()`, lastError: null })
      .where(and(eq(outbox.id, id), inArray(outbox.status, ['pending', 'dead'])))
      .returning();
    if (!row) throw conflict('already-sent', `message ${id} was delivered meanwhile`);
    res.json(outboxView(row, configured));
  });

  /** The reminders and escalations the officer receives (domain/ability.ts): their agency's, a supervisor's whole subtree's. */
  function notices(req: Request): SQL {
    const scope = noticeScope(req.ability!);
    if (!scope) throw forbidden('notifications are for officers of an agency');
    return and(inArray(dossierEvents.type, NOTICE_TYPES), scope)!;
  }

  const noticeQuery = z.object({
    unread: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  });

  r.get('/notifications', requireUser, async (req, res) => {
    const mine = notices(req);
    const q = noticeQuery.safeParse(req.query);
    const { unread: onlyUnread, limit } = q.success ? q.data : { unread: undefined, limit: 50 };
    const userId = req.user!.id;
    const joined = () =>
      db
        .select({ event: dossierEvents, readAt: notificationReads.readAt })
        .from(dossierEvents)
        .leftJoin(notificationReads, and(eq(notificationReads.eventId, dossierEvents.id), eq(notificationReads.userId, userId)));
    const [items, [unread]] = await Promise.all([
      joined()
        .where(and(mine, onlyUnread === 'true' ? isNull(notificationReads.eventId) : undefined))
        .orderBy(desc(dossierEvents.at), desc(dossierEvents.id))
        .limit(limit),
      db
        .select({ n: count() })
        .from(dossierEvents)
        .leftJoin(notificationReads, and(eq(notificationReads.eventId, dossierEvents.id), eq(notificationReads.userId, userId)))
        .where(and(mine, isNull(notificationReads.eventId))),
    ]);
    res.json({
      unread: unread?.n ?? 0,
      items: items.map(({ event: e, readAt }) => ({
        id: e.id,
        type: e.type,
        dossierCode: e.dossierCode,
        agencyCode: e.agencyCode,
        at: e.at,
        kind: (e.data as { kind?: string }).kind ?? e.type,
        dueAt: (e.data as { dueAt?: number | null }).dueAt != null ? new Date((e.data as { dueAt: number }).dueAt).toISOString() : null,
        read: readAt !== null,
        readAt,
      })),
    });
  });

  r.post('/notifications/:id/read', requireUser, async (req, res) => {
    const mine = notices(req);
    const id = String(req.params.id);
    const [event] = await db
      .select({ id: dossierEvents.id })
      .from(dossierEvents)
      .where(and(eq(dossierEvents.id, id), mine));
    if (!event) throw notFound(`notification ${id}`);
    await db.insert(notificationReads).values({ userId: req.user!.id, eventId: id }).onConflictDoNothing();
    const [unread] = await db
      .select({ n: count() })
      .from(dossierEvents)
      .leftJoin(notificationReads, and(eq(notificationReads.eventId, dossierEvents.id), eq(notificationReads.userId, req.user!.id)))
      .where(and(mine, isNull(notificationReads.eventId)));
    res.json({ id, read: true, unread: unread?.n ?? 0 });
  });

  /**
   * Integration rate: procedures connected to the national portal over all procedures, and
   * dossiers whose latest status has reached the portal (a `sent` portal message for their
   * latest status change) over all dossiers in the caller's scope.
   */
  r.get('/stats/integration', requireUser, async (req, res) => {
    const scope = linkedScope(req, 'IntegrationStats', 'statistics are for supervisors');
    const synced = sql<boolean>`exists (
      select 1 from ${outbox} o
      where o.dossier_code = ${dossiers.code} and o.channel = 'portal' and o.status = 'sent'
        and o.event_seq = (select max(o2.event_seq) from ${outbox} o2 where o2.dossier_code = ${dossiers.code} and o2.channel = 'portal'))`;
    const [[svc], [dos], [box]] = await Promise.all([
      db
        .select({ total: sql<number>`count(*)::int`, integrated: sql<number>`count(*) filter (where ${procedures.portalIntegrated})::int` })
        .from(procedures),
      db
        .select({
          total: sql<number>`count(*)::int`,
          ofIntegrated: sql<number>`count(*) filter (where ${procedures.portalIntegrated})::int`,
          synced: sql<number>`count(*) filter (where ${synced})::int`,
        })
        .from(dossiers)
        .leftJoin(procedures, eq(procedures.code, dossiers.procedureCode))
        .where(scope),
      db
        .select({
          pending: sql<number>`count(*) filter (where ${outbox.status} = 'pending')::int`,
          dead: sql<number>`count(*) filter (where ${outbox.status} = 'dead')::int`,
          sent: sql<number>`count(*) filter (where ${outbox.status} = 'sent')::int`,
        })
        .from(outbox)
        .where(ofDossiers(scope)),
    ]);
    res.json({
      services: { integrated: svc!.integrated, total: svc!.total, rate: rate(svc!.integrated, svc!.total) },
      dossiers: {
        synced: dos!.synced,
        total: dos!.total,
        rate: rate(dos!.synced, dos!.total),
        ofIntegratedServices: dos!.ofIntegrated,
        integratedRate: rate(dos!.synced, dos!.ofIntegrated),
      },
      outbox: { ...box!, configuredChannels: configured },
    });
  });

  return r;
}
