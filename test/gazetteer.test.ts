import { describe, expect, it } from 'vitest';
import { canonicalAgency, findAgencies, foldName } from '../src/gazetteer.ts';
import { readRoles } from '../src/roles.ts';

describe('gazetteer', () => {
  it.each([
    ['Bộ KHCN', 'Bộ Khoa học và Công nghệ'],
    ['Bộ KH-CN', 'Bộ Khoa học và Công nghệ'],
    ['Bộ Khoa học và công nghệ', 'Bộ Khoa học và Công nghệ'],
    ['VPTW Đảng', 'Văn phòng Trung ương Đảng'],
    ['Cơ quan Thường trực Ban Chỉ đạo', 'Văn phòng Trung ương Đảng'],
    ['BHXH Việt Nam', 'Bảo hiểm xã hội Việt Nam'],
    ['Bộ GDĐT', 'Bộ Giáo dục và Đào tạo'],
    ['Bộ NNMT', 'Bộ Nông nghiệp và Môi trường'],
    ['Bộ VHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch'],
    ['Đồng chí Thủ tướng Chính phủ', 'Thủ tướng Chính phủ'],
    ['Đảng uỷ Chính phủ', 'Đảng ủy Chính phủ'],
  ])('%s is %s', (alias, name) => {
    expect(canonicalAgency(alias)).toBe(name);
  });

  it('folds both tone placements', () => {
    expect(foldName('Đảng uỷ Văn hoá')).toBe(foldName('Đảng ủy Văn hóa'));
    expect(foldName('uỷ ban').length).toBe('uỷ ban'.length);
  });

  it('expands "Các Bộ: …" into full ministry names', () => {
    const names = findAgencies('Bộ Khoa học và Công nghệ chủ trì, phối hợp với các Bộ: Nội vụ, Giáo dục và Đào tạo, Ngoại giao tiếp tục rà soát').map((m) => m.name);
    expect(names).toEqual(['Bộ Khoa học và Công nghệ', 'Bộ Nội vụ', 'Bộ Giáo dục và Đào tạo', 'Bộ Ngoại giao']);
  });
});

describe('roles', () => {
  it('reads lead and coordinators', () => {
    expect(readRoles('Bộ Tài chính chủ trì, phối hợp với Bộ KHCN và các cơ quan liên quan rà soát các quy định pháp luật')).toMatchObject({
      responsible: ['Bộ Tài chính'],
      coordinating: ['Bộ Khoa học và Công nghệ', 'các cơ quan liên quan'],
      directing: [],
    });
  });

  it('reads "X chỉ đạo Y chủ trì" as Y responsible, X directing', () => {
    expect(readRoles('Bộ Quốc phòng chỉ đạo Ban Cơ yếu Chính phủ chủ trì, phối hợp với các cơ quan liên quan đưa vào vận hành chính thức Mạng mật')).toMatchObject({
      responsible: ['Ban Cơ yếu Chính phủ'],
      directing: ['Bộ Quốc phòng'],
      coordinating: ['các cơ quan liên quan'],
    });
  });

  it('keeps a collective addressee as written up to its verb', () => {
    expect(readRoles('Các bộ, cơ quan chủ quản các nền tảng số khẩn trương ban hành kế hoạch').responsible).toEqual(['Các bộ, cơ quan chủ quản các nền tảng số']);
  });

  it('reads people with their titles in apposition', () => {
    expect(readRoles('Đồng chí Nguyễn Duy Ngọc, Phó Trưởng Ban Chỉ đạo, đồng chí Lê Hoài Trung, Phó Trưởng Ban Thường trực và đồng chí Phạm Gia Túc, Ủy viên Thường trực Ban Chỉ đạo tiếp tục tăng cường làm việc').responsible).toEqual([
      'Nguyễn Duy Ngọc',
      'Lê Hoài Trung',
      'Phạm Gia Túc',
    ]);
  });
});
