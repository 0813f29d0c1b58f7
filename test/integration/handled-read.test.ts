import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { signedInStack } from '../support/system';

const applicant = { fullName: 'Hà Thị Ngọc', idNumber: '010190334455', phone: '0987654333' };

describe('an agency keeps reading a dossier it handled', () => {
  const stack = signedInStack(['batxat.desk', 'snnmt.leader', 'snnmt.specialist', 'stp.leader', 'laocai.desk']);
  const as = stack.as;

  it('a department that returned a dossier still opens it (read only); other agencies still get 404', async () => {
    const http = () => request(stack.system.server);
    const example = (await http().get('/api/procedures/1.013831')).body.example;
    const created = await http().post('/api/dossiers').set(as('batxat.desk')).send({ procedureCode: '1.013831', agencyCode: '02683', channel: 'counter', applicant, form: example });
    expect(created.status).toBe(201);
    const code = created.body.code as string;
    const act = async (user: string, action: string, body: object = {}) => {
      const res = await http().post(`/api/dossiers/${code}/actions/${action}`).set(as(user)).send(body);
      expect(res.status, `${user} ${action}: ${JSON.stringify(res.body)}`).toBe(200);
      return res.body;
    };
    await act('batxat.desk', 'forward', { agencyCode: 'H38.SNNMT' });
    await act('snnmt.leader', 'assign', { assigneeId: 'u-snnmt.specialist' });
    await act('snnmt.specialist', 'verify');
    // The transfer's financial obligations (the tax stage, since version 2): settled by an exemption.
    await act('snnmt.specialist', 'send-to-tax', { slipNo: 'PCTT-1' });
    await act('snnmt.specialist', 'record-tax-payment', { exemption: 'miễn lệ phí trước bạ: thừa kế giữa cha mẹ và con' });
    await act('snnmt.leader', 'approve');
    // The answer to the return itself is the dossier as the department may now see it, not a 404.
    const returned = await act('snnmt.leader', 'return');
    expect(returned.agencyCode).toBe('02683');
    expect(returned.allowedActions).toEqual([]);

    const page = await http().get(`/api/dossiers/${code}`).set(as('snnmt.leader'));
    expect(page.status).toBe(200);
    expect(page.body.status).toBe('RESULT_READY');
    expect((await http().get(`/api/dossiers/${code}/events`).set(as('snnmt.specialist'))).status).toBe(200);
    // Reading is not acting: the department cannot deliver what it handed back.
    expect((await http().post(`/api/dossiers/${code}/actions/deliver`).set(as('snnmt.leader')).send({ method: 'desk' })).status).toBe(403);
    // Agencies it never passed through learn nothing.
    expect((await http().get(`/api/dossiers/${code}`).set(as('stp.leader'))).status).toBe(404);
    expect((await http().get(`/api/dossiers/${code}`).set(as('laocai.desk'))).status).toBe(404);
    // The receiving commune lists it, at its desk again.
    const list = await http().get('/api/dossiers').query({ filter: JSON.stringify({ receivingAgencyCode: '02683', open: true }) }).set(as('batxat.desk'));
    expect(list.body.map((d: { code: string }) => d.code)).toContain(code);
  });
});
