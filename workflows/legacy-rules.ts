import type { ProcedureRules } from '../domain/procedure-rules';

/**
 * The rules of the 12 coded procedures at version 1, frozen as data. Dossiers started before the
 * workflow input carried its rules snapshot (`DossierWorkflowInput.rules`) have no snapshot of
 * their own: they keep running, and replaying, on exactly these rules. Never edit an entry; a
 * change to a procedure is a new version, which new dossiers receive in their input
 * (docs/procedures.md). procedures/legacy-rules.test.ts checks they match the v1 definitions.
 */
export const LEGACY_RULES: Readonly<Record<string, ProcedureRules>> = {
  '1.001193': {"code": "1.001193", "version": 1, "level": "commune", "fee": {"counter": 0}, "deadline": {"workingDays": 1}, "stages": [{"name": "receive"}, {"name": "review", "supplementLimitDays": 15}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 30}]},
  '1.000894': {"code": "1.000894", "version": 1, "level": "commune", "fee": {"counter": 0}, "deadline": {"workingDays": 1}, "stages": [{"name": "receive"}, {"name": "review", "supplementLimitDays": 15}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 30}]},
  '1.000656': {"code": "1.000656", "version": 1, "level": "commune", "fee": {"counter": 0}, "deadline": {"workingDays": 1}, "stages": [{"name": "receive"}, {"name": "review", "supplementLimitDays": 15}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 30}]},
  '2.000815': {"code": "2.000815", "version": 1, "level": "commune", "fee": {"counter": 2000}, "deadline": {"workingDays": 1}, "stages": [{"name": "receive"}, {"name": "pay", "limitDays": 1}, {"name": "review", "supplementLimitDays": 1}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 7}]},
  '1.004222': {"code": "1.004222", "version": 1, "level": "commune", "fee": {"counter": 20000, "online": 10000}, "deadline": {"workingDays": 7}, "stages": [{"name": "receive"}, {"name": "review", "supplementLimitDays": 15}, {"name": "pay", "limitDays": 5}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 30}]},
  '1.014027': {"code": "1.014027", "version": 1, "level": "commune", "fee": {"counter": 0}, "deadline": {"workingDays": 10}, "stages": [{"name": "receive"}, {"name": "review", "supplementLimitDays": 15}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 30}]},
  '1.001612': {"code": "1.001612", "version": 1, "level": "commune", "fee": {"counter": 50000, "online": 150000}, "deadline": {"workingDays": 3}, "stages": [{"name": "receive"}, {"name": "pay", "limitDays": 5}, {"name": "review", "supplementLimitDays": 15}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 30}]},
  '1.013978': {"code": "1.013978", "version": 1, "level": "commune", "fee": {"counter": 0}, "deadline": {"workingDays": 17}, "stages": [{"name": "receive"}, {"name": "review", "supplementLimitDays": 15}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 30}]},
  '1.013225': {"code": "1.013225", "version": 1, "level": "commune", "fee": {"counter": 0}, "deadline": {"workingDays": 15}, "stages": [{"name": "receive"}, {"name": "review", "supplementLimitDays": 15}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 30}]},
  '1.004873': {"code": "1.004873", "version": 1, "level": "commune", "fee": {"counter": 0}, "deadline": {"workingDays": 3}, "stages": [{"name": "receive"}, {"name": "review", "supplementLimitDays": 15}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 30}]},
  '1.013831': {"code": "1.013831", "version": 1, "level": "province", "fee": {"counter": 0}, "deadline": {"workingDays": 18}, "stages": [{"name": "receive"}, {"name": "review", "supplementLimitDays": 15}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 30}], "handoff": {"departmentCode": "H38.SNNMT", "shareWorkingDays": 17}},
  '1.012786': {"code": "1.012786", "version": 1, "level": "province", "fee": {"counter": 0}, "deadline": {"workingDays": 20}, "stages": [{"name": "receive"}, {"name": "review", "supplementLimitDays": 15}, {"name": "approve"}, {"name": "deliver", "ratingWindowDays": 30}], "handoff": {"departmentCode": "H38.SNNMT", "shareWorkingDays": 19}},
};
