import { describe, expect, it } from 'vitest';
import { actionOf, foreignOf } from './facets';

describe('the facets the advisor reads from official names', () => {
  it('reads the kind of request from the head of the name', () => {
    expect(actionOf('Thủ tục đăng ký khai sinh')).toBe('first');
    expect(actionOf('Thủ tục đăng ký lại kết hôn')).toBe('again');
    expect(actionOf('Cấp lại thẻ căn cước')).toBe('lost');
    expect(actionOf('Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất')).toBe('lost');
    expect(actionOf('Cấp đổi thẻ căn cước')).toBe('change');
    expect(actionOf('Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc')).toBe('change');
    expect(actionOf('Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay đổi chủ xe (đăng ký sang tên xe)')).toBe('change');
    expect(actionOf('Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh')).toBe('end');
    expect(actionOf('Xóa đăng ký thường trú')).toBe('end');
    // A copy is a first request, and «đối với» is no «đổi».
    expect(actionOf('Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh')).toBe('first');
    expect(actionOf('Giao đất ở có thu tiền sử dụng đất đối với cá nhân')).toBe('first');
    // Words far down a long name describe its cases, not the request.
    expect(actionOf('Đăng ký mua, thuê mua, thuê nhà ở xã hội, vay vốn để hộ gia đình, cá nhân tự xây dựng hoặc cải tạo, sửa chữa nhà ở')).toBe('first');
  });

  it('reads a citizen’s whole words when asked to', () => {
    const said = 'giấy đăng ký kết hôn mất rồi, sổ gốc ở xã cũng mất, xin đăng ký lại kết hôn';
    expect(actionOf(said)).toBe('first');
    expect(actionOf(said, true)).toBe('again');
  });

  it('tells the border area from any foreign element', () => {
    expect(foreignOf('Thủ tục đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới')).toBe('border');
    expect(foreignOf('Cấp giấy xác nhận công dân Việt Nam thường trú ở khu vực biên giới đủ điều kiện nhận trẻ em của nước láng giềng')).toBe('border');
    expect(foreignOf('Thủ tục đăng ký kết hôn có yếu tố nước ngoài')).toBe('foreign');
    expect(foreignOf('Thủ tục đăng ký kết hôn')).toBe('none');
    expect(foreignOf('lấy chồng người nước ngoài')).toBe('foreign');
  });
});
