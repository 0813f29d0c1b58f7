import { describe, expect, it } from 'vitest';
import { render } from '../../integrations/templates';

describe('notice texts', () => {
  it('SMS are sent without diacritics while e-mail keeps them', () => {
    const m = render('received', { dossierCode: 'H38.01-261128-0001', procedureName: 'Đăng ký khai sinh', dueAt: null });
    expect(m.sms).toContain('Dang ky khai sinh');
    expect(m.sms).not.toMatch(/[\u0300-\u036fđĐà-ỹ]/);
    expect(m.text).toContain('Đăng ký khai sinh');
  });
});
