import { Router } from 'express';
import { z } from 'zod';
import type { ProcedureDefinition } from '../../domain/procedure';
import { foldVietnamese } from '../../domain/text';
import { PROCEDURES, getProcedure } from '../../workflows/procedures';
import { notFound } from '../problem';

/** The Procedure of the API contract: metadata, stages, and the form as JSON Schema. */
export function procedureView(p: ProcedureDefinition) {
  return {
    code: p.code,
    version: p.version,
    name: p.name,
    field: p.field,
    level: p.level,
    fee: p.fee.counter,
    feeOnline: p.fee.online ?? p.fee.counter,
    deadline: p.deadline,
    handoff: p.handoff ?? null,
    stages: p.stages,
    requiredDocuments: p.requiredDocuments,
    fullProcessOnline: p.fullProcessOnline,
    portalIntegrated: p.portalIntegrated,
    formSchema: z.toJSONSchema(p.form, { unrepresentable: 'any' }),
    formLabels: p.formLabels,
    example: p.example,
    keywords: p.keywords,
    source: p.source,
  };
}

export function procedureRoutes(): Router {
  const r = Router();
  const views = PROCEDURES.map((p) => ({ view: procedureView(p as ProcedureDefinition), key: foldVietnamese([p.name.vi, p.name.en, p.field.vi, p.code, ...p.keywords].join(' ')) }));
  r.get('/procedures', (req, res) => {
    const q = typeof req.query.q === 'string' ? foldVietnamese(req.query.q) : '';
    const words = q.split(' ').filter(Boolean);
    const hits = views.filter((v) => words.every((w) => v.key.includes(w))).map((v) => v.view);
    res.set('Content-Range', `procedures 0-${Math.max(hits.length - 1, 0)}/${hits.length}`).json(hits);
  });
  r.get('/procedures/:code', (req, res) => {
    const p = getProcedure(String(req.params.code));
    if (!p) throw notFound(`procedure ${req.params.code}`);
    res.json(procedureView(p));
  });
  return r;
}
