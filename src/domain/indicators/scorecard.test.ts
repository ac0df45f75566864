import { describe, expect, it } from 'vitest';
import { judgeTarget, suggestIndicatorKey } from './scorecard';

describe('judgeTarget', () => {
  it('compares the actual with the threshold, and has no data without either', () => {
    expect(judgeTarget('>=', 95, 95)).toBe('met');
    expect(judgeTarget('>=', 95, 94.9)).toBe('not_met');
    expect(judgeTarget('=', 100, 100)).toBe('met');
    expect(judgeTarget('=', 100, 99.9)).toBe('not_met');
    expect(judgeTarget('<=', 5, 3.2)).toBe('met');
    expect(judgeTarget('>=', 90, null)).toBe('no_data');
    expect(judgeTarget(null, null, 80)).toBe('no_data');
  });
});

describe('suggestIndicatorKey on the seeds’ targets', () => {
  it('links dossier targets to their indicator', () => {
    expect(suggestIndicatorKey('Phấn đấu mức độ hài lòng của người dân và doanh nghiệp về giải quyết thủ tục hành chính đạt 90% trở lên.')).toBe('satisfaction_pct');
    expect(suggestIndicatorKey('Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 95% trở lên')).toBe('on_time_pct');
    expect(suggestIndicatorKey('Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến đạt tối thiểu 60%')).toBe('online_pct');
    expect(suggestIndicatorKey('Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch thanh toán đạt 80%')).toBe('online_payment_pct');
    expect(suggestIndicatorKey('100% kết quả giải quyết thủ tục hành chính được số hóa')).toBe('digitised_pct');
    expect(suggestIndicatorKey('Tỷ lệ hồ sơ nộp trực tuyến toàn trình đạt 30%')).toBe('full_online_pct');
  });

  it('leaves task, budget and inspection targets to a figure entered by hand', () => {
    expect(suggestIndicatorKey('Hoàn thành 100% nhiệm vụ được Ủy ban nhân dân thành phố giao đảm bảo tiến độ, chất lượng.')).toBeNull();
    expect(suggestIndicatorKey('Vượt chỉ tiêu thu ngân sách năm 2026 được thành phố giao.')).toBeNull();
    expect(suggestIndicatorKey('Thực hiện kiểm tra định kỳ và đột xuất tối thiểu 30% cơ quan chuyên môn thuộc Ủy ban nhân dân phường.')).toBeNull();
  });
});
