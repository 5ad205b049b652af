import { describe, expect, it } from 'vitest';
import { bodiesOf, canonicalAgency, findAgencies, foldName } from '../src/lang/gazetteer.ts';
import { readRoles } from '../src/stages/extract/roles.ts';

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
    ['VTV', 'Đài Truyền hình Việt Nam'],
    ['VOV', 'Đài Tiếng nói Việt Nam'],
  ])('%s is %s', (alias, name) => {
    expect(canonicalAgency(alias)).toBe(name);
  });

  it.each([
    // Fields listed with commas and closed by `và` are one name.
    ['Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam tổ chức tuyên truyền', ['Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam']],
    // `và` before a head noun joins two bodies.
    ['Cục Đường bộ Việt Nam, Cục Hàng hải và Cục Hàng không rà soát', ['Cục Đường bộ Việt Nam', 'Cục Hàng hải', 'Cục Hàng không']],
    // A unit noun before a capital heads the next name.
    ['báo cáo của Bộ, ngành, địa phương, Bộ Nội vụ đã xây dựng', ['Bộ, ngành, địa phương', 'Bộ Nội vụ']],
    // A province by its name, in lower case.
    ['Để tiếp tục, thành phố Đà Nẵng cần tập trung', ['Thành phố Đà Nẵng']],
    // A stretch of provinces belongs to the name.
    ['Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng khẩn trương', ['Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng']],
    // The ministers are a body of their own before the heads of other bodies.
    ['Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ chỉ đạo', ['Bộ trưởng', 'Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ']],
    // Each province named stands for each office in it, a centrally-run city under its own titles; a stray dash does not end the list.
    ['Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Gia Lai,\n- Đà Nẵng và Khánh Hòa;', ['Bí thư Tỉnh ủy Gia Lai', 'Chủ tịch Ủy ban nhân dân tỉnh Gia Lai', 'Bí thư Thành ủy Đà Nẵng', 'Chủ tịch Ủy ban nhân dân thành phố Đà Nẵng', 'Bí thư Tỉnh ủy Khánh Hòa', 'Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa']],
    // A province's other spelling in use is that province, named in its canonical spelling.
    ['Ủy ban nhân dân tỉnh Đăk Lăk, Sở Tài chính tỉnh Đăk Nông chủ trì', ['Ủy ban nhân dân tỉnh Đắk Lắk', 'Sở Tài chính tỉnh Đắk Nông']],
    ['Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đăk Lăk;', ['Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa', 'Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk']],
    // A name that holds a listed body's name runs to that name's end, commas included, and carries it canonical.
    ['Tổ đảng ở Thường trực Ủy ban Tài chính, Ngân sách chủ trì', ['Tổ đảng ở Thường trực Ủy ban Tài chính, Ngân sách']],
    ['Tổ đảng ở Thường trực Ủy ban KH,CN&MT chủ trì', ['Tổ đảng ở Thường trực Ủy ban Khoa học, Công nghệ và Môi trường']],
    // Every level's people's committee at once.
    ['Ủy ban nhân dân các cấp tổ chức thực hiện', ['Ủy ban nhân dân các cấp']],
    // A province's bodies abbreviated, or in another case, are named as listed.
    ['Bộ CHQS tỉnh, Văn phòng UBND tỉnh, Đoàn TNCS Hồ Chí Minh tỉnh, Hội nông dân tỉnh chủ trì', ['Bộ Chỉ huy Quân sự tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh', 'Hội Nông dân tỉnh']],
    // A province's bodies whose names hold a comma or a lower-case `và`.
    ['Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh tổ chức hội chợ', ['Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh']],
    ['Ban Quản lý các Khu chế xuất và công nghiệp Thành phố chủ trì', ['Ban Quản lý các Khu chế xuất và công nghiệp Thành phố']],
    // Abbreviations inside a proper name, written out.
    ['Trường THPT Cao Lãnh 2 chủ trì tổ chức', ['Trường Trung học phổ thông Cao Lãnh 2']],
    // A sector written without its comma and `và`.
    ['Sở Văn hoá Thể thao du lịch chủ trì', ['Sở Văn hóa, Thể thao và Du lịch']],
    // A listed department whose name ends in a sector that is also a verb (`xây dựng`).
    ['Cục Kết cấu hạ tầng xây dựng tham mưu việc chỉ đạo', ['Cục Kết cấu hạ tầng xây dựng']],
  ])('reads the names in %s', (text, names) => {
    expect(findAgencies(text).flatMap(bodiesOf)).toEqual(names);
  });

  it('drops the words of address before office holders', () => {
    expect(readRoles('Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ khẩn trương rà soát').responsible).toEqual(['Bộ trưởng', 'Thủ trưởng cơ quan ngang Bộ']);
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
  it.each([
    // A collective whose members follow it in parentheses stands for them.
    ['Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý các Khu công nghiệp tỉnh): tiếp nhận hồ sơ.', ['Sở Tài chính', 'Ban Quản lý các Khu công nghiệp tỉnh']],
    // A conclusion answers a proposal, however long, after its colon: the answer names who acts.
    ['Về đề nghị các bộ, ngành sớm rà soát, ban hành các văn bản hướng dẫn; hoàn thiện quy trình pháp lý về đất đai của địa phương: Ủy ban nhân dân thành phố Đà Nẵng cần tiếp tục rà soát các nội dung về phân cấp.', ['Ủy ban nhân dân Thành phố Đà Nẵng']],
    // Parentheses that do not list its members (`trừ`: except) leave the collective as it is.
    ['Các sở, ngành, địa phương (trừ Sở Tài chính) tiếp nhận hồ sơ.', ['Các sở, ngành, địa phương']],
  ])('%s → %j', (text, responsible) => {
    expect(readRoles(text).responsible).toEqual(responsible);
  });

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

  // Lines of the corrected 20-TB notice (golden/20-TB-CQTTBCD.corrected.txt) and the 19-BC report.
  it('reads the doer that opens a later sentence as a doer of its own', () => {
    const roles = readRoles(
      'Các bộ, ngành, địa phương tập trung chỉ đạo thúc đẩy ứng dụng khoa học, công nghệ và chuyển đổi số ngay trong từng ngành, từng lĩnh vực, từng doanh nghiệp. Việc triển khai phải có lộ trình rõ ràng và dự kiến nguồn lực đầu tư. Bộ Khoa học và Công nghệ rà soát các tiêu chuẩn chất lượng bảo đảm đáp ứng yêu cầu phát triển đất nước trong giai đoạn mới.',
    );
    expect(roles.responsible).toEqual(['Các bộ, ngành, địa phương']);
    expect(roles.sentenceDoers).toEqual(['Bộ Khoa học và Công nghệ']);
  });

  it('reads a collective whose unit noun holds a verb (đoàn kiểm tra) up to its own verb', () => {
    expect(
      readRoles('các nhiệm vụ tại Thông báo số 17-TB/CQTTBCĐ, ngày 29/12/2025. Các đoàn kiểm tra của Bộ Chính trị, Ban Bí thư cần chú ý nội dung này để bảo đảm').sentenceDoers,
    ).toEqual(['Các đoàn kiểm tra của Bộ Chính trị, Ban Bí thư']);
  });

  it('does not take a sentence subject without a directive verb for a doer', () => {
    expect(readRoles('Tăng cường kỷ luật thực thi. Bộ Công an là cơ quan thường trực.').sentenceDoers).toEqual([]);
  });

  it('reads a collective and the members named after "đặc biệt là" as one list, and an unlisted collective coordinator as written', () => {
    const roles = readRoles(
      'Triển khai mạnh mẽ hơn nữa các chương trình, kế hoạch phát triển công nghệ chiến lược. Các bộ quản lý ngành, đặc biệt là Bộ Khoa học và Công nghệ, Bộ Công Thương, Bộ Nông nghiệp và Môi trường phải phối hợp chặt chẽ với các tập đoàn, doanh nghiệp hàng đầu, viện nghiên cứu, trường đại học để hình thành chuỗi giá trị công nghệ chiến lược.',
    );
    expect(roles.sentenceDoers).toEqual(['Các bộ quản lý ngành', 'Bộ Khoa học và Công nghệ', 'Bộ Công Thương', 'Bộ Nông nghiệp và Môi trường']);
    expect(roles.coordinating).toEqual(['các tập đoàn, doanh nghiệp hàng đầu, viện nghiên cứu, trường đại học']);
    expect(readRoles('Giao nhiệm vụ cho các tập đoàn/doanh nghiệp hàng đầu phối hợp với trường/viện xây dựng lộ trình làm chủ').coordinating).toEqual(['trường/viện']);
  });

  it('names every body of an enumeration in brackets, whatever separates them', () => {
    expect(
      readRoles(
        'Các đảng ủy ở Trung ương (Đảng ủy Chính phủ; Đảng ủy Quốc hội; Đảng ủy các cơ quan Đảng Trung ương; Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương; Đảng ủy Công an Trung ương; Quân ủy Trung ương) tập trung lãnh đạo, chỉ đạo quyết liệt',
      ).responsible,
    ).toEqual(['Đảng ủy Chính phủ', 'Đảng ủy Quốc hội', 'Đảng ủy các cơ quan Đảng Trung ương', 'Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương', 'Đảng ủy Công an Trung ương', 'Quân ủy Trung ương']);
    expect(readRoles('Chủ trì, phối hợp với Bộ Tư pháp và 3 địa phương (Hà Nội, Đà Nẵng, Thành phố Hồ Chí Minh) nghiên cứu, lựa chọn thể chế').coordinating).toEqual([
      'Bộ Tư pháp',
      'Thành phố Hà Nội',
      'Thành phố Đà Nẵng',
      'Thành phố Hồ Chí Minh',
    ]);
  });

  it('ends a collective addressee before an adverbial such as "theo nhiệm vụ được giao"', () => {
    expect(readRoles('Các cơ quan Trung ương và địa phương theo nhiệm vụ được giao:').responsible).toEqual(['Các cơ quan Trung ương và địa phương']);
    expect(readRoles('Các bộ, ngành theo từng lĩnh vực công tác chủ động nghiên cứu kinh nghiệm xây dựng thể chế').responsible).toEqual(['Các bộ, ngành']);
  });

  it('reads the directed bodies of "X chỉ đạo Y" when Y is a list with collectives', () => {
    expect(
      readRoles('Đảng ủy Quốc hội, Đảng ủy Chính phủ chỉ đạo các Ủy ban của Quốc hội, Bộ Tư pháp và các bộ, cơ quan khẩn trương rà soát toàn diện hệ thống pháp luật'),
    ).toMatchObject({ responsible: ['Các Ủy ban của Quốc hội', 'Bộ Tư pháp', 'Các bộ, cơ quan'], directing: ['Đảng ủy Quốc hội', 'Đảng ủy Chính phủ'] });
  });

  it('starts a sentence at a capital "Các" whose full stop the scan lost', () => {
    // The closing paragraph of 20-TB as the repaired OCR reads it (no full stop after `quốc gia`).
    expect(
      readRoles('Chúng ta không chỉ dừng lại ở việc nhận diện vấn đề mà phải thực sự bắt tay vào tháo gỡ các điểm nghẽn, đóng góp trực tiếp vào tăng trưởng chung của quốc gia Các cơ quan, đơn vị, địa phương phải hành động quyết liệt, đồng bộ').sentenceDoers,
    ).toEqual(['Các cơ quan, đơn vị, địa phương']);
    // A lower-case `các` in running text starts nothing.
    expect(readRoles('tháo gỡ các điểm nghẽn của các cơ quan, đơn vị, địa phương phải hành động').sentenceDoers).toEqual([]);
  });
});
