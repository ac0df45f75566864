/**
 * The content of the unseen documents (see make-unseen-fixtures.ts) and their gold. Invented plans in
 * the shape of real provincial ones; the importer's rules were not tuned on them.
 */
import type { UnseenGoldTask } from '../src/importer/accuracy-unseen';

export interface UnseenGold {
  meta: { title: string; number: string; issuer: string; place: string; date: string; period: { start: string; end: string } };
  tasks: UnseenGoldTask[];
}

export interface UnseenDoc {
  id: string;
  textExt: 'md' | 'txt';
  header: { left: string[]; right: string[] };
  title: string[];
  body: string[];
  /** Table rows: a string is an area heading row, an array a task row (TT, content, lead, coordinators, time, product). */
  rows: Array<string | string[]>;
  /** How the markdown copy writes an area heading row. */
  textHeading: (heading: string) => string;
  gold: UnseenGold;
}

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const VP = 'Văn phòng HĐND và UBND phường';

function task(
  area: number | null,
  number: number,
  content: string,
  lead: string[],
  coordinators: string[],
  time: [string, string, string | null, string[]],
  product: string,
): UnseenGoldTask {
  const [text, kind, due, occurrences] = time;
  return { area, number, content, lead, coordinators, timeframe: { text, kind, due, occurrences }, product };
}

const TAN_AN_TASKS: UnseenGoldTask[] = [
  task(
    1,
    1,
    'Xây dựng và ban hành Kế hoạch cải cách hành chính năm 2027 của phường',
    ['Phòng Nội vụ'],
    [VP],
    ['Trước ngày 15/01/2027', 'date', '2027-01-15', ['2027-01-15']],
    'Kế hoạch',
  ),
  task(
    1,
    2,
    'Báo cáo tình hình thực hiện nhiệm vụ cải cách hành chính',
    ['Phòng Nội vụ'],
    ['Các phòng, đơn vị thuộc phường'],
    ['Hằng tháng (trước ngày 25)', 'recurring', '2027-01-25', MONTHS.map((m) => `2027-${m}-25`)],
    'Báo cáo',
  ),
  task(
    1,
    3,
    'Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị',
    ['Phòng Nội vụ'],
    [VP],
    ['Quý II và quý IV', 'recurring', '2027-06-30', ['2027-06-30', '2027-12-31']],
    'Thông báo kết luận kiểm tra',
  ),
  task(
    2,
    4,
    'Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND phường ban hành',
    [VP],
    ['Phòng Kinh tế'],
    ['Tháng 3 và tháng 9', 'recurring', '2027-03-31', ['2027-03-31', '2027-09-30']],
    'Báo cáo kết quả rà soát',
  ),
  task(
    2,
    5,
    'Tổ chức phổ biến, giáo dục pháp luật cho cán bộ, công chức',
    [VP],
    ['Phòng Văn hóa - Xã hội'],
    ['Trước ngày 15/11/2027', 'date', '2027-11-15', ['2027-11-15']],
    'Hội nghị',
  ),
  task(
    3,
    6,
    'Công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công',
    ['Trung tâm Phục vụ hành chính công'],
    [VP],
    ['Hàng quý (trước ngày 15 của tháng cuối quý)', 'recurring', '2027-03-15', ['2027-03-15', '2027-06-15', '2027-09-15', '2027-12-15']],
    'Báo cáo',
  ),
  task(
    3,
    7,
    'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    ['Trung tâm Phục vụ hành chính công'],
    [],
    ['Hằng tháng, trước ngày 20', 'recurring', '2027-01-20', MONTHS.map((m) => `2027-${m}-20`)],
    'Hồ sơ được số hóa',
  ),
  task(
    4,
    8,
    'Rà soát chức năng, nhiệm vụ của các phòng chuyên môn',
    ['Phòng Nội vụ'],
    ['Các phòng, đơn vị thuộc phường'],
    ['tháng 6, tháng 12', 'recurring', '2027-06-30', ['2027-06-30', '2027-12-31']],
    'Báo cáo',
  ),
  task(
    7,
    9,
    'Duy trì hệ thống quản lý văn bản và điều hành',
    ['Phòng Văn hóa - Xã hội'],
    [VP],
    ['Trước ngày 30/11/2027', 'date', '2027-11-30', ['2027-11-30']],
    'Hệ thống hoạt động ổn định',
  ),
];

function row(t: UnseenGoldTask, time = t.timeframe.text): string[] {
  return [String(t.number), t.content, t.lead.join(', '), t.coordinators.join(', '), time, t.product];
}

/** An annual plan with an appendix; its header broken as a provincial website publishes it. */
const TAN_AN: UnseenDoc = {
  id: 'tan-an-2027',
  textExt: 'md',
  header: {
    left: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG TÂN AN', 'Số:', '125/KH-UBND'],
    right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Buôn Ma Thuột, ngày 05 tháng 01', 'năm 2027'],
  },
  title: ['KẾ HOẠCH', 'CÔNG TÁC CẢI', 'CÁCH HÀNH CHÍNH CỦA PHƯỜNG TÂN AN NĂM 2027'],
  body: [
    'Căn cứ Kế hoạch của Ủy ban nhân dân tỉnh về cải cách hành chính năm 2027, Ủy ban nhân dân phường Tân An ban hành Kế hoạch cải cách hành chính năm 2027 như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    '- Nâng cao chất lượng phục vụ người dân, tổ chức và doanh nghiệp.',
    '2. Một số chỉ tiêu chủ yếu',
    'a) 100% nhiệm vụ cải cách hành chính được hoàn thành đúng hạn.',
    'b) Mức độ hài lòng của người dân đạt tối thiểu 90%.',
    'II. NHIỆM VỤ TRỌNG TÂM',
    'Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.',
    'III. TỔ CHỨC THỰC HIỆN',
    'Phòng Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này.',
  ],
  rows: [
    'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
    row(TAN_AN_TASKS[0]),
    row(TAN_AN_TASKS[1]),
    row(TAN_AN_TASKS[2]),
    'II. CẢI CÁCH THỂ CHẾ',
    row(TAN_AN_TASKS[3]),
    // As copied from a PDF whose time column wrapped inside the date.
    row(TAN_AN_TASKS[4], 'Trước ngày 15/11/20<br>27'),
    'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
    row(TAN_AN_TASKS[5]),
    row(TAN_AN_TASKS[6]),
    'IV. Cải cách tổ chức bộ máy hành chính',
    row(TAN_AN_TASKS[7]),
    'VII. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
    row(TAN_AN_TASKS[8]),
  ],
  // Each way markdown copies write a heading row: bold one-cell row, numeral + upper-case cells,
  // upper-case text alone, "IV." in the first cell with the others empty.
  textHeading: (h) => {
    if (h.startsWith('I.')) return `| **${h}** |`;
    if (h.startsWith('II.')) return `| **II** | **${h.slice(4)}** | | | | |`;
    if (h.startsWith('IV.')) return `| ${h} | | | | | |`;
    if (h.startsWith('VII.')) return `| | **${h}** | | | | |`;
    return `| | **${h}** | | | | |`;
  },
  gold: {
    meta: {
      title: 'CÔNG TÁC CẢI CÁCH HÀNH CHÍNH CỦA PHƯỜNG TÂN AN NĂM 2027',
      number: '125/KH-UBND',
      issuer: 'Ủy ban nhân dân phường Tân An',
      place: 'Buôn Ma Thuột',
      date: '2027-01-05',
      period: { start: '2027-01-01', end: '2027-12-31' },
    },
    tasks: TAN_AN_TASKS,
  },
};

const VPX = 'Văn phòng HĐND và UBND xã';
const VHXH = 'Phòng Văn hóa - Xã hội';
const EA_KAR_PARAGRAPHS = [
  'Ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2027; giao Văn phòng HĐND và UBND xã chủ trì, hoàn thành trước ngày 28/02/2027.',
  'Tổ chức tuyên truyền về cải cách hành chính trên hệ thống truyền thanh xã hằng quý (Trung tâm Văn hóa, Thể thao và Truyền thông xã chủ trì).',
  'Rà soát, đơn giản hóa thủ tục hành chính nội bộ; giao Văn phòng HĐND và UBND xã thực hiện trong quý III năm 2027.',
  'Niêm yết công khai, đầy đủ thủ tục hành chính tại Bộ phận Một cửa thường xuyên, kịp thời.',
  'Duy trì vận hành hệ thống quản lý văn bản và điều hành, hoàn thành trước ngày 30/6/2027 (Phòng Văn hóa - Xã hội chủ trì).',
  'Triển khai chữ ký số cho cán bộ, công chức xã; giao Phòng Văn hóa - Xã hội chủ trì.',
];
const QUARTER_ENDS = ['2027-03-31', '2027-06-30', '2027-09-30', '2027-12-31'];

/** A plan issued without an appendix: its tasks are the numbered paragraphs of "II. NHIỆM VỤ VÀ GIẢI PHÁP". */
const EA_KAR: UnseenDoc = {
  id: 'ea-kar-2027',
  textExt: 'txt',
  header: {
    left: ['ỦY BAN NHÂN DÂN', 'XÃ EA KAR', 'Số: 48/KH-UBND'],
    right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Ea Kar, ngày 12 tháng 01 năm 2027'],
  },
  title: ['KẾ HOẠCH', 'Cải cách hành chính nhà nước xã Ea Kar', 'năm 2027'],
  body: [
    'I. MỤC ĐÍCH, YÊU CẦU',
    '- Thực hiện đồng bộ các nhiệm vụ cải cách hành chính trên địa bàn xã.',
    'II. NHIỆM VỤ VÀ GIẢI PHÁP',
    '1. Công tác chỉ đạo, điều hành',
    `a) ${EA_KAR_PARAGRAPHS[0]}`,
    `b) ${EA_KAR_PARAGRAPHS[1]}`,
    '2. Cải cách thủ tục hành chính',
    `a) ${EA_KAR_PARAGRAPHS[2]}`,
    `b) ${EA_KAR_PARAGRAPHS[3]}`,
    '3. Xây dựng và phát triển chính quyền điện tử, chính quyền số',
    `- ${EA_KAR_PARAGRAPHS[4]}`,
    `- ${EA_KAR_PARAGRAPHS[5]}`,
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Phân công trách nhiệm cụ thể',
    'a) Văn phòng HĐND và UBND xã:',
    '- Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan thực hiện các nội dung về cải cách thủ tục hành chính.',
    'b) Phòng Văn hóa - Xã hội:',
    '- Chủ trì thực hiện các nội dung về chính quyền điện tử, chính quyền số.',
  ],
  rows: [],
  textHeading: (h) => h,
  gold: {
    meta: {
      title: 'Cải cách hành chính nhà nước xã Ea Kar năm 2027',
      number: '48/KH-UBND',
      issuer: 'Ủy ban nhân dân xã Ea Kar',
      place: 'Ea Kar',
      date: '2027-01-12',
      period: { start: '2027-01-01', end: '2027-12-31' },
    },
    tasks: [
      task(1, 1, EA_KAR_PARAGRAPHS[0], [VPX], [], ['trước ngày 28/02/2027', 'date', '2027-02-28', ['2027-02-28']], ''),
      task(1, 2, EA_KAR_PARAGRAPHS[1], ['Trung tâm Văn hóa, Thể thao và Truyền thông xã'], [], ['hằng quý', 'recurring', QUARTER_ENDS[0], QUARTER_ENDS], ''),
      task(3, 3, EA_KAR_PARAGRAPHS[2], [VPX], [], ['trong quý III năm 2027', 'quarter', '2027-09-30', ['2027-09-30']], ''),
      // No lead in the sentence: the body's "Phân công" gives area 3 to the Văn phòng.
      task(3, 4, EA_KAR_PARAGRAPHS[3], [VPX], [], ['thường xuyên', 'continuous', null, []], ''),
      task(7, 5, EA_KAR_PARAGRAPHS[4], [VHXH], [], ['trước ngày 30/6/2027', 'date', '2027-06-30', ['2027-06-30']], ''),
      task(7, 6, EA_KAR_PARAGRAPHS[5], [VHXH], [], ['', 'unspecified', null, []], ''),
    ],
  },
};

const VPT = 'Văn phòng HĐND và UBND thị trấn';
const CAM_DUC_TASKS: UnseenGoldTask[] = [
  task(
    1,
    1,
    'Tổng hợp, báo cáo kết quả cải cách hành chính',
    ['Phòng Nội vụ'],
    ['Các phòng, đơn vị thuộc thị trấn'],
    ['Định kỳ hằng quý (trước ngày 10 tháng cuối quý)', 'recurring', '2027-09-10', ['2027-09-10', '2027-12-10']],
    'Báo cáo',
  ),
  task(
    1,
    2,
    'Tự kiểm tra công tác cải cách hành chính',
    ['Phòng Nội vụ'],
    [VPT],
    ['Tháng 8 và tháng 11', 'recurring', '2027-08-31', ['2027-08-31', '2027-11-30']],
    'Báo cáo kết quả kiểm tra',
  ),
  task(
    3,
    3,
    'Cập nhật, công khai thủ tục hành chính trên Cổng dịch vụ công',
    [VPT],
    [],
    ['Hằng tháng (chậm nhất ngày 22)', 'recurring', '2027-07-22', ['2027-07-22', '2027-08-22', '2027-09-22', '2027-10-22', '2027-11-22', '2027-12-22']],
    'Thủ tục được công khai',
  ),
  task(3, 4, 'Đánh giá mức độ hài lòng của người dân', [VPT], ['Phòng Văn hóa - Xã hội'], ['Trước ngày 30/9/2027', 'date', '2027-09-30', ['2027-09-30']], 'Báo cáo'),
  task(5, 5, 'Đánh giá, xếp loại chất lượng cán bộ, công chức', ['Phòng Nội vụ'], [], ['Quý III và quý IV', 'quarter', '2027-12-31', ['2027-12-31']], 'Kết quả xếp loại'),
  task(6, 6, 'Công khai dự toán, quyết toán ngân sách', ['Phòng Kinh tế'], [], ['tháng 7, tháng 10', 'recurring', '2027-07-31', ['2027-07-31', '2027-10-31']], 'Văn bản công khai'),
];

/**
 * Written after the rules were done and measured without changing them (held out): a half-year
 * plan, "Số: 210 /KH-UBND" with a space, a date written d/m/yyyy, other wordings of the classes above.
 */
const CAM_DUC: UnseenDoc = {
  id: 'cam-duc-h2-2027',
  textExt: 'md',
  header: {
    left: ['ỦY BAN NHÂN DÂN', 'THỊ TRẤN CAM ĐỨC', 'Số: 210', '/KH-UBND'],
    right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Cam Lâm, ngày 20/6/', '2027'],
  },
  title: ['KẾ HOẠCH', 'CẢI CÁCH HÀNH CHÍNH 6 THÁNG', 'CUỐI NĂM 2027'],
  body: [
    'Thực hiện chỉ đạo của Ủy ban nhân dân huyện, Ủy ban nhân dân thị trấn Cam Đức xây dựng Kế hoạch như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '- Hoàn thành các nhiệm vụ cải cách hành chính 6 tháng cuối năm 2027.',
    'II. NHIỆM VỤ',
    'Chi tiết tại Phụ lục kèm theo.',
  ],
  rows: [
    'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
    row(CAM_DUC_TASKS[0]),
    row(CAM_DUC_TASKS[1]),
    'III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
    row(CAM_DUC_TASKS[2]),
    row(CAM_DUC_TASKS[3], 'Trước ngày 30/9/20<br>27'),
    'V. CẢI CÁCH CHẾ ĐỘ CÔNG VỤ',
    row(CAM_DUC_TASKS[4]),
    'VI. CẢI CÁCH TÀI CHÍNH CÔNG',
    row(CAM_DUC_TASKS[5]),
  ],
  textHeading: (h) => `| | **${h.replace(/^[IVX]+\. /, '')}** | | | | |`,
  gold: {
    meta: {
      title: 'CẢI CÁCH HÀNH CHÍNH 6 THÁNG CUỐI NĂM 2027',
      number: '210/KH-UBND',
      issuer: 'Ủy ban nhân dân thị trấn Cam Đức',
      place: 'Cam Lâm',
      date: '2027-06-20',
      period: { start: '2027-07-01', end: '2027-12-31' },
    },
    tasks: CAM_DUC_TASKS,
  },
};

export const UNSEEN_DOCS: readonly UnseenDoc[] = [TAN_AN, EA_KAR, CAM_DUC];
