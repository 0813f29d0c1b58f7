// The codec of the committed histories in test/histories/ (written by
// scripts/record-histories.ts, replayed by workflows/replay.test.ts).
import proto from '@temporalio/proto';

/**
 * A history as plain JSON-able data, and back. The SDK's `historyToJSON`/`historyFromJSON`
 * (@temporalio/common/lib/proto-utils) throw "type must be a Type" in this install (common
 * nests protobufjs 8 while @temporalio/proto is built with 7), so the files use protobufjs'
 * own object form: enum names, longs and bytes as strings. `historyFromObject` returns a real
 * History message (Long event ids) that `Worker.runReplayHistory` takes as is.
 */
const HistoryMessage = proto.temporal.api.history.v1.History;
export type History = proto.temporal.api.history.v1.IHistory;
export function historyToObject(history: History): Record<string, unknown> {
  return HistoryMessage.toObject(HistoryMessage.fromObject(history), { longs: String, enums: String, bytes: String });
}
export function historyFromObject(json: unknown): proto.temporal.api.history.v1.History {
  return HistoryMessage.fromObject(json as Record<string, unknown>);
}
