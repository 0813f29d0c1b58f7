import { describe, expect, it } from 'vitest';
import { genericDefinition } from './generic';
import { catalogueEntries } from './index';

const catalogue = [...catalogueEntries().values()];
const entry = (code: string) => catalogueEntries().get(code)!;

describe("a catalogue procedure's deadline per channel", () => {
  it('keeps the online and postal times the catalogue states apart from the counter’s, at version 2', () => {
    // 1.012753: "Trực tiếp 20 Ngày làm việc", "Trực tuyến 17 Ngày làm việc", "Dịch vụ bưu chính 30 Ngày làm việc".
    const p = genericDefinition(entry('1.012753'));
    expect(p.deadline).toEqual({ workingDays: 20, kind: 'working-days' });
    expect(p.deadlines).toEqual({ online: { workingDays: 17, kind: 'working-days' }, post: { workingDays: 30, kind: 'working-days' } });
    expect(p.version).toBe(2);
  });

  it('keeps only the channel that differs; a channel stating no time runs on the counter’s', () => {
    // 1.011042 states no time at the counter but 1 working day online.
    expect(genericDefinition(entry('1.011042')).deadlines).toEqual({ online: { workingDays: 1, kind: 'working-days' } });
  });

  it('stays at version 1, with one deadline, where every channel states the same time', () => {
    const same = catalogue.find((p) => {
      const c = JSON.stringify(p.channels.counter?.deadline);
      return p.channels.counter?.deadline.unit === 'working-days' && p.channels.online && JSON.stringify(p.channels.online.deadline) === c && (!p.channels.post || JSON.stringify(p.channels.post.deadline) === c);
    })!;
    const p = genericDefinition(same);
    expect(p.deadlines).toBeUndefined();
    expect(p.version).toBe(1);
  });
});
