/**
 * Records the histories the replay test (workflows/replay.test.ts) runs the workflow code
 * against: a few representative dossiers on the time-skipping test server with fake activities.
 * Run after a DELIBERATE change of the workflow's behaviour: `npm run record:histories`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nonRetryableIfDataError } from '../activities/data-errors';
import type { ProcedureDefinition } from '../domain/procedure';
import { getProcedure } from '../procedures';
import { repairUpdate } from '../workflows/messages';
import { COMMUNE, DAY, HOUR, MINUTE, citizen, officer } from '../test/support/workflows/constants';
import type { DossierDriver } from '../test/support/workflows/dossier-driver';
import { historyToObject } from '../test/support/workflows/history-codec';
import { createWorkflowTestEnv, type WorkflowTestEnv } from '../test/support/workflows/workflow-test-env';

const outDir = fileURLToPath(new URL('../test/histories/', import.meta.url));
const procedure = (code: string) => getProcedure(code) as ProcedureDefinition;
const desk = officer('desk-officer', COMMUNE);

const SCENARIOS: Record<string, (t: WorkflowTestEnv) => Promise<DossierDriver>> = {
  /** Commune procedure with a fee after review, delivered, closed by the rating window. */
  'commune-fee-delivered': async (t) => {
    const d = await t.start(procedure('1.004222'), { legacy: true });
    const s = await d.happyPath();
    await d.sleepUntil(s.finishedAt! + 30 * DAY + HOUR);
    return d;
  },
  /** Province procedure: forwarded to the department, returned, delivered by the commune, rated. */
  'province-handoff': async (t) => {
    const d = await t.start(procedure('1.013831'), { legacy: true });
    await d.happyPath();
    await d.act(citizen, { action: 'rate', body: { score: 4 } });
    return d;
  },
  /** A supplement requested and never sent: cancelled at the limit. */
  'supplement-cancelled': async (t) => {
    const d = await t.start(procedure('1.001193'), { by: 'counter', legacy: true });
    await d.act(desk, { action: 'assign', body: { assigneeId: 'specialist-1' } });
    const s = await d.act(officer('specialist', COMMUNE), { action: 'request-supplement', body: { missing: ['birth certificate from the hospital'] } });
    await d.sleepUntil(s.supplementDueAt! + MINUTE);
    return d;
  },
  /**
   * Fee paid up front, extended by the leader (an apology comes at least a working day ahead,
   * docs/decision-766.md), overdue against the new appointment (reminders, escalation), then
   * delivered and rated.
   */
  'overdue-extended': async (t) => {
    const d = await t.start(procedure('1.001612'), { legacy: true });
    await d.receive();
    let s = await d.act(desk, { action: 'assign', body: { assigneeId: 'specialist-1' } });
    s = await d.act(officer('leader', COMMUNE), { action: 'extend', body: { newDueAt: new Date(s.dueAt! + 3 * DAY).toISOString(), reason: 'site visit needed' } });
    await d.sleepUntil(s.dueAt! + MINUTE);
    await d.act(officer('specialist', COMMUNE), { action: 'verify', body: {} });
    await d.act(officer('leader', COMMUNE), { action: 'approve', body: {} });
    await d.act(desk, { action: 'deliver', body: { method: 'desk' } });
    await d.act(citizen, { action: 'rate', body: { score: 3, comment: 'trễ hẹn' } });
    return d;
  },
  /** Submitted at the counter and recorded by the API (workflow started from that state), with a supplement loop and a fee. */
  'api-recorded-supplement-paid': async (t) => {
    const d = await t.start(procedure('1.004222'), { by: 'counter' });
    await d.act(desk, { action: 'assign', body: { assigneeId: 'specialist-1' } });
    await d.act(officer('specialist', COMMUNE), { action: 'request-supplement', body: { missing: ['household registration extract'] } });
    await d.act(citizen, { action: 'supplement', body: { form: { note: 'đã bổ sung' } } });
    await d.act(officer('specialist', COMMUNE), { action: 'verify', body: {} });
    await d.pay('tx-history-1');
    await d.act(officer('leader', COMMUNE), { action: 'approve', body: {} });
    await d.act(desk, { action: 'deliver', body: { method: 'desk' } });
    await d.act(citizen, { action: 'rate', body: { score: 5 } });
    return d;
  },
  /** A change PostgreSQL refuses (data error): recorded as record-failed, retried by an administrator after the fix, then delivered. */
  'record-failed-repaired': async (t) => {
    const record = t.activities.recordEvent.bind(t.activities);
    let poisoned = true;
    t.activities.recordEvent = async (input) => {
      if (poisoned && JSON.stringify(input.event.data).includes('POISON')) {
        throw nonRetryableIfDataError(Object.assign(new Error('invalid input syntax for type json'), { code: '22P02' }));
      }
      return record(input);
    };
    try {
      const d = await t.start(procedure('1.001193'), { by: 'counter' });
      await d.refused(desk, { action: 'assign', body: { assigneeId: 'POISON-specialist' } });
      poisoned = false;
      const admin = { id: 'u-admin', role: 'admin' as const, agencyCode: 'H38' };
      await d.handle.executeUpdate(repairUpdate, { args: [{ actor: admin, mode: 'retry', reason: 'fixed the column type' }] });
      await d.act(officer('specialist', COMMUNE), { action: 'verify', body: {} });
      await d.act(officer('leader', COMMUNE), { action: 'approve', body: {} });
      await d.act(desk, { action: 'deliver', body: { method: 'desk' } });
      await d.act(citizen, { action: 'rate', body: { score: 4 } });
      return d;
    } finally {
      t.activities.recordEvent = record;
    }
  },
};

async function main() {
  mkdirSync(outDir, { recursive: true });
  const t = await createWorkflowTestEnv();
  try {
    for (const [name, run] of Object.entries(SCENARIOS)) {
      const file = path.join(outDir, `${name}.json`);
      // A history recorded by older workflow code is what guards the dossiers it left running.
      if (existsSync(file) && !process.argv.includes('--force')) {
        console.log(`${name}: kept (recorded earlier; --force to re-record)`);
        continue;
      }
      const d = await run(t);
      const final = await d.handle.result();
      const history = await d.handle.fetchHistory();
      writeFileSync(file, JSON.stringify(historyToObject(history), null, 1) + '\n');
      console.log(`${name}: ${final.status}, ${history.events?.length} history events → ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await t.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
