/**
 * The demo city, its three communes from the seeds, their units with the name
 * variants the seed documents use, and one person per role.
 */
import type { TCommuneKind, TRole, TUnitKind } from '../../contract';

export interface DemoUnit {
  name: string;
  shortName?: string;
  kind?: TUnitKind;
  isCoordinator?: boolean;
  aliases: string[];
}

export interface DemoCommune {
  name: string;
  kind: TCommuneKind;
  code: string;
  /** The gold extraction of the commune's plan in fixtures/gold. */
  plan: '000' | '002' | '004';
  units: DemoUnit[];
}

const vhxh: DemoUnit = {
  name: 'Phòng Văn hóa - Xã hội',
  shortName: 'VH-XH',
  isCoordinator: true,
  aliases: ['VH-XH', 'VHXH', 'Phòng VH-XH', 'Phòng VHXH', 'Phòng Văn hóa-Xã hội', 'Phòng Văn hoá – Xã hội'],
};
const vanPhong: DemoUnit = {
  name: 'Văn phòng HĐND và UBND',
  shortName: 'VP HĐND&UBND',
  aliases: ['Văn phòng HĐND&UBND', 'Văn phòng HĐND & UBND', 'VP HĐND và UBND', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân'],
};
const trungTamHcc: DemoUnit = {
  name: 'Trung tâm Phục vụ hành chính công',
  shortName: 'TT PVHCC',
  aliases: ['Trung tâm Phục vụ HCC', 'TT PVHCC', 'TT Phục vụ HCC', 'Bộ phận Một cửa'],
};
const congAn: DemoUnit = { name: 'Công an xã', aliases: ['Công an'] };
const tramYTe: DemoUnit = { name: 'Trạm Y tế', aliases: ['Trạm Y tế xã'] };
const matTran: DemoUnit = { name: 'Mặt trận Tổ quốc Việt Nam', kind: 'outside', aliases: ['Ủy ban Mặt trận Tổ quốc Việt Nam', 'Mặt trận Tổ quốc'] };
const catchAll: DemoUnit = {
  name: 'Các cơ quan, đơn vị liên quan',
  kind: 'catch_all',
  aliases: ['Các đơn vị liên quan', 'Các cơ quan, đơn vị thuộc, trực thuộc', 'Các phòng, đơn vị thuộc phường', 'Các phòng, đơn vị', 'Các phòng'],
};

export const DEMO_CITY = { name: 'Thành phố Hải Phòng', code: 'HP' };

export const DEMO_COMMUNES: DemoCommune[] = [
  {
    name: 'Tiên Lãng',
    kind: 'xa',
    code: 'tien-lang',
    plan: '004',
    units: [
      vhxh,
      vanPhong,
      { name: 'Phòng Kinh tế', shortName: 'KT', aliases: ['Phòng KT'] },
      trungTamHcc,
      { name: 'Trung tâm Dịch vụ sự nghiệp công', aliases: ['Trung tâm sự nghiệp công', 'TT DVSNC'] },
      congAn,
      tramYTe,
      matTran,
      catchAll,
    ],
  },
  {
    name: 'An Phong',
    kind: 'phuong',
    code: 'an-phong',
    plan: '002',
    units: [
      vhxh,
      vanPhong,
      { name: 'Phòng Kinh tế, Hạ tầng và Đô thị', shortName: 'KT,HT&ĐT', aliases: ['KT,HT&ĐT', 'Phòng KT,HT&ĐT', 'Phòng Kinh tế'] },
      trungTamHcc,
      { name: 'Trung tâm sự nghiệp công', aliases: ['Trung tâm Dịch vụ sự nghiệp công'] },
      { name: 'Công an phường', aliases: ['Công an'] },
      matTran,
      { name: 'Các đoàn thể chính trị - xã hội', kind: 'outside', aliases: ['các đoàn thể chính trị'] },
      catchAll,
    ],
  },
  {
    name: 'Cẩm Giàng',
    kind: 'xa',
    code: 'cam-giang',
    plan: '000',
    units: [
      vhxh,
      vanPhong,
      { name: 'Phòng Kinh tế, Hạ tầng và Đô thị', shortName: 'KT,HT&ĐT', aliases: ['KT,HT&ĐT', 'Phòng KT,HT&ĐT', 'Phòng KT'] },
      trungTamHcc,
      congAn,
      tramYTe,
      catchAll,
    ],
  },
];

// Passes the password policy (src/server/auth/password-policy.ts), though it is published: change it outside a demo.
export const DEMO_PASSWORD = 'CaiCach#HanhChinh2026';

export interface DemoUser {
  username: string;
  fullName: string;
  title: string;
  role: TRole;
  /** Commune code; absent for city-level users. */
  commune?: string;
  /** Unit name inside that commune. */
  unit?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', fullName: 'Nguyễn Văn Quản', title: 'Quản trị hệ thống thành phố', role: 'admin' },
  { username: 'sonoivu', fullName: 'Trần Thị Thẩm', title: 'Chuyên viên Sở Nội vụ', role: 'city_reviewer' },
  { username: 'chutich', fullName: 'Phạm Văn Lãnh', title: 'Chủ tịch UBND xã', role: 'leader', commune: 'tien-lang' },
  {
    username: 'daumoi',
    fullName: 'Lê Thị Cải',
    title: 'Công chức Phòng Văn hóa - Xã hội (đầu mối CCHC)',
    role: 'coordinator',
    commune: 'tien-lang',
    unit: 'Phòng Văn hóa - Xã hội',
  },
  { username: 'truongvp', fullName: 'Hoàng Văn Trưởng', title: 'Chánh Văn phòng HĐND và UBND', role: 'unit_head', commune: 'tien-lang', unit: 'Văn phòng HĐND và UBND' },
  { username: 'canbovp', fullName: 'Đỗ Thị Cán', title: 'Chuyên viên Văn phòng HĐND và UBND', role: 'unit_staff', commune: 'tien-lang', unit: 'Văn phòng HĐND và UBND' },
  {
    username: 'giamdochcc',
    fullName: 'Vũ Văn Công',
    title: 'Giám đốc Trung tâm Phục vụ hành chính công',
    role: 'unit_head',
    commune: 'tien-lang',
    unit: 'Trung tâm Phục vụ hành chính công',
  },
  { username: 'kiemtra', fullName: 'Bùi Văn Kiểm', title: 'Thành viên Đoàn kiểm tra CCHC', role: 'inspector', commune: 'tien-lang' },
  {
    username: 'daumoi.ap',
    fullName: 'Ngô Thị Phong',
    title: 'Công chức Phòng Văn hóa - Xã hội phường An Phong',
    role: 'coordinator',
    commune: 'an-phong',
    unit: 'Phòng Văn hóa - Xã hội',
  },
  { username: 'daumoi.cg', fullName: 'Đinh Văn Giàng', title: 'Công chức Phòng VH-XH xã Cẩm Giàng', role: 'coordinator', commune: 'cam-giang', unit: 'Phòng Văn hóa - Xã hội' },
];
