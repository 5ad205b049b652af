import { describe, expect, it } from 'vitest';
import { createDoc, NOT_A_DIRECTIVE, notADirective } from '../src/doc/model.ts';
import { normalise } from '../src/stages/normalise.ts';
import { segment } from '../src/stages/segment.ts';
import { walk } from '../src/doc/clauses.ts';
import { readHeader } from '../src/stages/read-header.ts';
import { extract } from '../src/stages/extract/index.ts';
import { findAgencies } from '../src/lang/gazetteer.ts';
import { cellDeadline, chooseDeadline, countFrom, findDeadlines } from '../src/stages/extract/deadline.ts';

const normalised = (text: string) => normalise(createDoc('t.txt', text, 'text'));

describe('normalise, on the genre’s text states', () => {
  it.each([
    ['Bộ Tài_chính , Ngân_hàng Nhà_nước xây_dựng đề_án ( FTA ) .', 'Bộ Tài chính, Ngân hàng Nhà nước xây dựng đề án (FTA).'],
    ['a ) Vụ Xuất_nhập_khẩu chủ_trì , phối_hợp với các Vụ : Kế_hoạch .', 'a) Vụ Xuất nhập khẩu chủ trì, phối hợp với các Vụ: Kế hoạch.'],
  ])('joins a word-segmented copy: %s', (input, expected) => {
    const doc = normalised(input);
    expect(doc.text).toBe(expected);
    // Every letter still points at the same letter of the file.
    for (let i = 0; i < doc.text.length; i++) if (/\p{L}/u.test(doc.text[i])) expect(doc.source[doc.toSource[i]]).toBe(doc.text[i]);
  });

  it('keeps each Markdown bullet of a converted .docx on its own line', () => {
    expect(normalised('a) Tổ đảng ở Thường trực Ủy ban Pháp luật\n*   Chủ trì thẩm tra các dự án luật về dân sự và hành chính có liên quan đến chuyển đổi số quốc gia\n*   Thực hiện một số nội dung khác.\n').text.split('\n').filter((l) => l.startsWith('*'))).toHaveLength(2);
  });

  it('leaves ordinary text with an underscore alone', () => {
    const text = 'Sở Tài chính gửi kèm tệp bao_cao.docx tổng hợp kết quả thực hiện Kế hoạch trong năm 2025, đề nghị các sở, ban, ngành, Ủy ban nhân dân các xã, phường rà soát, bổ sung số liệu và gửi lại trước ngày 15/12/2025 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.';
    expect(normalised(text).text).toContain('bao_cao.docx');
  });

  it('reads a task table laid out one cell per line as one row per line, an empty cell kept', () => {
    const cells = ['|', 'STT', '|', 'Tên nhiệm vụ', '|', 'Cơ quan chủ trì', '|', 'Cơ quan phối hợp', '|', 'Thời gian', '|', '|', 'I. NHÓM GIẢI PHÁP', '|', '|', '1', '|', 'Xây dựng Bộ tiêu chí', 'đánh giá.', '|', 'Sở Tài chính', '|', '|', 'Quý IV/2025', '|', '|', '2', '|', 'Triển khai nền tảng.', '|', 'Sở Nội vụ', '|', 'Các sở, ban, ngành', '|', 'Năm 2026', '|', '|'];
    const doc = normalised(cells.join('\n'));
    const rows = doc.text.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toEqual([
      '| STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |',
      '| I. NHÓM GIẢI PHÁP |',
      '| 1 | Xây dựng Bộ tiêu chí đánh giá. | Sở Tài chính |  | Quý IV/2025 |',
      '| 2 | Triển khai nền tảng. | Sở Nội vụ | Các sở, ban, ngành | Năm 2026 |',
    ]);
  });

  it('drops a legal site’s banner before the issuing body', () => {
    const doc = normalised(['Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.', 'Đang tải văn bản...', '', 'BỘ XÂY DỰNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 96/CĐ-BXD'].join('\n'));
    // Only with the option a pipeline for such pages sets.
    expect(doc.text).toContain('Đang tải');
    const cut = normalise(createDoc('t.txt', ['Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.', 'Đang tải văn bản...', '', 'BỘ XÂY DỰNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 96/CĐ-BXD'].join('\n'), 'text'), { cutBeforeHeader: true });
    expect(cut.text.startsWith('BỘ XÂY DỰNG')).toBe(true);
    expect(cut.source.slice(cut.toSource[0], cut.toSource[0] + 2)).toBe('BỘ');
  });
});

describe('segment, task tables', () => {
  it('gives each row the path of its section, its group and its STT, and knows columns by their words', () => {
    const text = ['PHỤ LỤC', '| TT | Cơ quan phối hợp | Nội dung | Cơ quan chủ trì |', '|---|---|---|---|', '| I. | Nhóm thể chế |  |  |', '| 1. | Các bộ | Xây dựng Đề án | Bộ Nội vụ |', '| 2. |  | Ban hành Kế hoạch | Bộ Tư pháp |'].join('\n');
    const doc = segment(createDoc('t.txt', text, 'text'));
    const rows: { path: string; task: string; lead: string }[] = [];
    walk(doc.root!, (node) => {
      const lead = node.kind === 'row' ? node.cells?.responsible : undefined;
      const task = node.cells?.task;
      if (lead && task && lead.end > lead.start) rows.push({ path: node.path, task: text.slice(task.start, task.end), lead: text.slice(lead.start, lead.end) });
    });
    expect(rows).toEqual([
      { path: 'PL.I.1', task: 'Xây dựng Đề án', lead: 'Bộ Nội vụ' },
      { path: 'PL.I.2', task: 'Ban hành Kế hoạch', lead: 'Bộ Tư pháp' },
    ]);
  });

  it('reads no clause out of a table of figures', () => {
    const doc = segment(createDoc('t.txt', ['| STT | Bộ, cơ quan | Bãi bỏ TTHC |', '| 1 | Bộ Công an | 54 |'].join('\n'), 'text'));
    expect(doc.root!.children).toEqual([]);
  });
});

describe('deadlines of the genre', () => {
  it.each([
    ['Năm 2026', 'by', '2026-12-31'],
    ['Quí IV-2025', 'by', '2025-12-31'],
    ['01/2025', 'by', '2025-01-31'],
    ['Tháng 10/2025', 'by', '2025-10-31'],
    ['2026-2030', 'by', '2030-12-31'],
    ['Thường xuyên', 'ongoing', null],
    ['Hằng năm', 'recurring', null],
  ])('reads the time cell %s', (cell, kind, date) => {
    expect(cellDeadline(cell)).toMatchObject({ kind, date });
  });

  it('reads a deadline counted from the signing as relative, dated from the issue date', () => {
    const d = chooseDeadline(findDeadlines('Báo cáo kết quả trong vòng 30 ngày kể từ ngày ký.'))!;
    expect(d).toMatchObject({ kind: 'relative', counted: { count: 30, unit: 'day', fromSigning: true } });
    expect(countFrom('2025-11-18', d.counted!)).toBe('2025-12-18');
    expect(countFrom('2025-11-21', { count: 5, unit: 'working-day', fromSigning: true })).toBe('2025-11-28');
  });

  it('counts from another event without a date', () => {
    const d = chooseDeadline(findDeadlines('gửi hồ sơ trong thời hạn 07 ngày làm việc kể từ ngày nhận được văn bản'))!;
    expect(d).toMatchObject({ kind: 'relative', counted: { count: 7, unit: 'working-day', fromSigning: false } });
  });

  it.each([
    ['Thường xuyên nắm tình hình, định kỳ báo cáo Ủy ban Thường vụ Quốc hội.', 'ongoing'],
    ['Bảo đảm cập nhật dữ liệu. Thường xuyên kiểm tra, đôn đốc việc cập nhật.', 'ongoing'],
    ['Các hoạt động diễn ra thường xuyên trong năm học', null],
  ])('reads “thường xuyên” opening a sentence as ongoing: %s', (words, kind) => {
    expect(chooseDeadline(findDeadlines(words))?.kind ?? null).toBe(kind);
  });

  it('reads work from a month until an event as from the month’s first day, and a span between two dates by its end', () => {
    expect(chooseDeadline(findDeadlines('Thời gian thực hiện: Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê.'))).toMatchObject({ kind: 'from', date: '2025-11-01' });
    expect(chooseDeadline(findDeadlines('Thời gian: Tháng 11/2025.'))).toMatchObject({ kind: 'by', date: '2025-11-30' });
  });
});

describe('agencies by the genre’s grammar', () => {
  it.each([
    ['Sở Xây dựng tỉnh Gia Lai chủ trì', ['Sở Xây dựng tỉnh Gia Lai']],
    ['Giao Sở KH&CN phối hợp Sở Tài chính, Sở Nội vụ', ['Sở Khoa học và Công nghệ', 'Sở Tài chính', 'Sở Nội vụ']],
    ['Giám đốc Sở Giao thông vận tải kiểm tra', ['Giám đốc Sở Giao thông vận tải']],
    ['Ủy ban nhân dân các quận, huyện, thị xã thực hiện', ['Ủy ban nhân dân các quận, huyện, thị xã']],
    ['Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo', ['Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương']],
    ['Ủy ban nhân dân tỉnh Phú Thọ khẩn trương', ['Ủy ban nhân dân tỉnh Phú Thọ']],
    ['Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh', ['Công an tỉnh', 'Bộ Chỉ huy Quân sự tỉnh']],
    ['Thủ trưởng các sở, ban, ngành của Thành phố có trách nhiệm', ['Thủ trưởng các sở, ban, ngành của Thành phố']],
    ['Các cấp ủy, tổ chức đảng, các cơ quan, đơn vị', ['Các cấp ủy, tổ chức đảng', 'Các cơ quan, đơn vị']],
    ['Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương', ['Tỉnh Nghệ An', 'Tỉnh Quảng Ngãi', 'Tỉnh Cao Bằng']],
    ['các Sở: Tài chính, Nội vụ phối hợp', ['Sở Tài chính', 'Sở Nội vụ']],
    ['Các Cục: Đường bộ Việt Nam, Kinh tế - Quản lý đầu tư xây dựng;', ['Cục Đường bộ Việt Nam', 'Cục Kinh tế - Quản lý đầu tư xây dựng']],
    ['Vụ Công nghiệp nhẹ chủ trì, phối hợp với Vụ Kế hoạch', ['Vụ Công nghiệp nhẹ', 'Vụ Kế hoạch']],
    ['Ban Quản lý Dự án 85 khẩn trương', ['Ban Quản lý Dự án 85']],
    ['Chi cục Hải quan khu vực V thực hiện', ['Chi cục Hải quan khu vực V']],
    ['Tổ đảng ở Thường trực Hội đồng Dân tộc chủ trì', ['Tổ đảng ở Thường trực Hội đồng Dân tộc']],
    // A listed name is not read on into the verb after it.
    ['Văn phòng Chính phủ công bố Danh mục', ['Văn phòng Chính phủ']],
    ['Các Cục Thuế rà soát lại kế hoạch', ['Các Cục Thuế']],
    // An office holder over a kind of body; before a longer list it is not cut short.
    ['Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh', ['Bộ trưởng các Bộ', 'Thủ trưởng cơ quan ngang bộ', 'Chủ tịch Ủy ban nhân dân các tỉnh']],
    ['Người đứng đầu cấp ủy, chính quyền các bộ, ngành', ['Các bộ, ngành']],
    ['Sở Kế hoạch & Đầu tư và Sở Tài chính:', ['Sở Kế hoạch và Đầu tư', 'Sở Tài chính']],
    ['Uỷ ban nhân dân xã / phường / thị trấn:', ['Ủy ban nhân dân xã, phường, thị trấn']],
    // Office holders sharing one body.
    ['Giám đốc, Thủ trưởng các sở, ban ngành thực hiện', ['Giám đốc, Thủ trưởng các sở, ban ngành']],
    // A department's name may run on over a dash in lower case.
    ['Vụ Pháp luật dân sự - kinh tế chủ trì', ['Vụ Pháp luật dân sự - kinh tế']],
    // Places straight after a name are where the body is, not another body.
    ['Cục Thuế các tỉnh, thành phố trực thuộc Trung ương thực hiện', ['Cục Thuế các tỉnh, thành phố trực thuộc Trung ương']],
    ['Bộ Công an, các tỉnh biên giới', ['Bộ Công an', 'Các tỉnh']],
    // A lower-case `công an` is a force, not the Công an tỉnh.
    ['huy động lực lượng công an tỉnh hỗ trợ', []],
  ])('%s', (text, names) => {
    expect(findAgencies(text).map((m) => m.name)).toEqual(names);
  });
});

describe('the header as Nghị định 30/2020/NĐ-CP lays it out', () => {
  const header = (text: string) => readHeader(segment(normalised(text))).header!;

  it('reads a province’s Kế hoạch: number, kind from the kind word, issuer from the broken left column', () => {
    const h = header('ỦY BAN NHÂN\nDÂN\nTỈNH ĐỒNG THÁP\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 617/KH-UBND\nĐồng Tháp, ngày 01 tháng 12 năm 2025\nKẾ HOẠCH\nCHUYỂN ĐỔI SỐ CHO CÁC DOANH NGHIỆP\nI. MỤC ĐÍCH, YÊU CẦU\n');
    expect(h).toMatchObject({ number: '617/KH-UBND', kind: 'KẾ HOẠCH', issuer: 'Ủy ban nhân dân tỉnh Đồng Tháp', issuedAt: '2025-12-01' });
  });

  it.each([
    ['a cited document’s date in the title', 'Chỉ thị về việc thực hiện chỉ đạo tại văn bản số 2600/TTg-KTTH ngày 30 tháng 12 năm 2009 về đẩy mạnh xuất khẩu\n', null],
    ['the date a law was passed', 'Luật Trách nhiệm bồi thường của Nhà nước được Quốc hội thông qua ngày 18 tháng 6 năm 2009.\n', null],
    ['the issue date after a cited one', 'Số: 12/CT-UBND\nThực hiện văn bản số 2600/TTg-KTTH ngày 30 tháng 12 năm 2009\nLong An, ngày 05 tháng 01 năm 2010\n', '2010-01-05'],
    ['an appendix’s notice date', '(Kèm theo Thông báo số 17-TB/CQTTBCĐ ngày 29 tháng 12 năm 2025)\n', '2025-12-29'],
  ])('%s: the issue date is %s', (_, text, date) => {
    expect(header(text).issuedAt).toBe(date);
  });

  it('reads a Công văn: the number with the issuer’s unit, the kind from the V/v subject, the lower body of the left column, the addressees', () => {
    const h = header('BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 4800/TCT-TTr V/v tăng cường thanh tra\nHà Nội, ngày 17 tháng 10 năm 2016\nKính gửi:\n- Cục Thuế các tỉnh, thành phố trực thuộc Trung ương;\n- Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia.\n1. Tăng cường công tác thanh tra.\n');
    expect(h).toMatchObject({ number: '4800/TCT-TTr', kind: 'CÔNG VĂN', issuer: 'Tổng cục Thuế' });
    expect(h.addressees).toEqual(['Cục Thuế các tỉnh, thành phố trực thuộc Trung ương', 'Bộ trưởng Bộ Tài chính']);
  });

  it('takes the kind of a copy that lost its header from its title, and a Công điện’s addressees after “điện:”', () => {
    expect(header('Chỉ thị về tăng cường công tác quản lý\nGiao thông đường thủy là vấn đề quan trọng.\n').kind).toBe('CHỈ THỊ');
    const h = header('BỘ XÂY DỰNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 96/CĐ-BXD\nCÔNG ĐIỆN\nVỀ VIỆC ỨNG PHÓ MƯA LŨ\nBỘ XÂY DỰNG điện:\n- Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam;\n- Ban Quản lý Dự án 85;\n1. Quán triệt.\n');
    expect(h).toMatchObject({ number: '96/CĐ-BXD', kind: 'CÔNG ĐIỆN', issuer: 'Bộ Xây dựng' });
    expect(h.addressees).toEqual(['Cục Đường bộ Việt Nam', 'Cục Đường sắt Việt Nam', 'Ban Quản lý Dự án 85']);
  });
});

describe('extraction on the genre', () => {
  const tasksOf = (text: string) => extract(readHeader(segment(normalised(text)))).tasks!;

  it('gives a Công văn’s items its addressees when they name no doer, and an item’s own subject wins', () => {
    const tasks = tasksOf('VĂN PHÒNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 11414/VPCP-CN V/v đẩy nhanh cao tốc\nKính gửi: Ủy ban nhân dân tỉnh Đồng Nai.\nPhó Thủ tướng có ý kiến như sau:\n1. Khẩn trương hoàn thành giải phóng mặt bằng trong tháng 12 năm 2025.\n2. Bộ Xây dựng hướng dẫn, tháo gỡ vướng mắc.\n');
    expect(tasks.map((t) => [t.clause, t.responsible, t.deadline.date])).toEqual([
      ['1', ['Ủy ban nhân dân tỉnh Đồng Nai'], '2025-12-31'],
      ['2', ['Bộ Xây dựng'], null],
    ]);
  });

  it('reads a Công văn written in paragraphs: each paragraph that asks or names its doer is a task, what was asked before is not', () => {
    const tasks = tasksOf('BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 10989/BNV-TCBC V/v đề xuất biên chế\nKính gửi: Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ.\nThực hiện ý kiến của Ban Tổ chức Trung ương, Bộ Nội vụ đã có Văn bản số 8091/BNV-TCBC đề nghị các Bộ, ngành, địa phương báo cáo thực trạng biên chế.\nĐể việc đề xuất được thống nhất, đề nghị bộ, ngành, địa phương khẩn trương tổng hợp đề xuất biên chế và gửi về Bộ Nội vụ trước ngày 26/11/2025.\nTrên cơ sở Báo cáo số 1052/BC-CP của Chính phủ, Bộ Xây dựng làm việc với Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội để bổ sung các văn bản cần thiết.\n');
    expect(tasks.map((t) => [t.clause, t.responsible, t.deadline.date])).toEqual([
      ['p1', ['Bộ, ngành, địa phương'], '2025-11-26'],
      ['p2', ['Bộ Xây dựng'], null],
    ]);
  });

  it('refuses nothing it can read: a paragraph body with a task is a directive, prose is not', () => {
    const doc = (text: string) => extract(readHeader(segment(normalised(text))));
    expect(notADirective(doc('Số: 11306/VPCP-NN\nBộ Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Tư pháp nghiên cứu kiến nghị.\n'))).toBeNull();
    expect(notADirective(doc('Hôm nay trời đẹp. Chúng tôi đi dạo quanh hồ.\n'))).toBe(NOT_A_DIRECTIVE);
  });

  it('gives every clause of a sentence that names its own subject its doer, after a semicolon too', () => {
    const tasks = tasksOf('KẾ HOẠCH\nIV. TỔ CHỨC THỰC HIỆN\n7. Các sở, ban, ngành và địa phương\nTrên cơ sở Kế hoạch này, các sở, ban, ngành Tỉnh tổ chức thực hiện nhiệm vụ được giao; Ủy ban nhân dân các xã, phường căn cứ nhiệm vụ được giao, xây dựng kế hoạch cụ thể.\n');
    expect(tasks.map((t) => t.responsible)).toEqual([['Các sở, ban, ngành Tỉnh', 'Ủy ban nhân dân các xã, phường']]);
  });

  it('reads a decision’s attached plan after the signature, with or without its Kèm theo line', () => {
    const decision = 'QUYẾT ĐỊNH\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch xuất khẩu.\nĐiều 2. Giao Sở Công Thương chủ trì tổ chức thực hiện Kế hoạch.\nNơi nhận:\n- Như Điều 3;\nKT. CHỦ TỊCH\nNguyễn Văn A\n';
    const plan = 'XUẤT KHẨU SẢN PHẨM HÀNG HÓA GIAI ĐOẠN 2026 - 2030\n';
    const body = 'Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. NHIỆM VỤ\n1. Sở Nông nghiệp và Môi trường xây dựng vùng nguyên liệu.\n';
    for (const attached of [`**KẾ HOẠCH**\n${plan}${body}`, `KẾ HOẠCH\n${plan}(Kèm theo Quyết định số 2954/QĐ-UBND)\n${body}`]) {
      expect(tasksOf(decision + attached).map((t) => [t.clause, t.responsible])).toEqual([
        ['D2', ['Sở Công Thương']],
        ['I.1', ['Sở Nông nghiệp và Môi trường']],
      ]);
    }
  });

  it('reads the points a lead-in assigns inside an assessment part, the province named in lower case its doer', () => {
    const tasks = tasksOf('THÔNG BÁO\nI. ĐÁNH GIÁ CHUNG\nThành phố đã rất nỗ lực vượt qua khó khăn.\nĐể tiếp tục vận hành chính quyền địa phương 02 cấp hiệu quả, thành phố Đà Nẵng cần tập trung thực hiện một số nội dung sau:\n1. Tăng cường hiệu quả hoạt động của bộ máy chính quyền cấp xã.\n2. Thúc đẩy mạnh mẽ chuyển đổi số.\n');
    expect(tasks.map((t) => [t.clause, t.responsible])).toEqual([
      ['I.1', ['Thành phố Đà Nẵng']],
      ['I.2', ['Thành phố Đà Nẵng']],
    ]);
  });

  it('reads a point that ends by listing the letter’s enclosures as one task, the enclosures none', () => {
    const tasks = tasksOf('BỘ TÀI CHÍNH\nSố: 17986/BTC-CT V/v phổ biến Cẩm nang\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n1. Tổ chức phổ biến nội dung Cẩm nang đến Ủy ban nhân dân cấp xã.\n2. Chỉ đạo đầu mối phối hợp với Thuế tỉnh rà soát, cập nhật nội dung. Bộ Tài chính gửi kèm bộ Cẩm nang gồm:\n- Infographic Cẩm nang;\n- Slide đào tạo, tập huấn Cẩm nang.\n');
    expect(tasks.map((t) => [t.clause, t.text])).toEqual([
      ['1', 'Tổ chức phổ biến nội dung Cẩm nang đến Ủy ban nhân dân cấp xã.'],
      ['2', 'Chỉ đạo đầu mối phối hợp với Thuế tỉnh rà soát, cập nhật nội dung.'],
    ]);
  });

  it('gives a point whose own words only say who answers for the plan its one paragraph', () => {
    const tasks = tasksOf('KẾ HOẠCH\nIV. TỔ CHỨC THỰC HIỆN\n2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thực hiện Kế hoạch này.\nCăn cứ nội dung Kế hoạch này, các bộ, cơ quan ngang bộ xây dựng kế hoạch chi tiết triển khai thi hành Luật.\n');
    expect(tasks.map((t) => [t.clause, t.text.slice(0, 7)])).toEqual([['IV.2', 'Căn cứ ']]);
  });

  it('reads a task table’s rows by their cells, a group row’s doer flowing down', () => {
    const tasks = tasksOf('KẾ HOẠCH\nPHỤ LỤC\n| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |\n|---|---|---|---|---|---|\n| I | Nhóm nhiệm vụ về thể chế | Sở Tư pháp | | | |\n| 1 | Rà soát văn bản | | Sở Nội vụ, các sở, ban, ngành | Quý IV/2025 | Báo cáo rà soát |\n| 2 | Xây dựng cơ sở dữ liệu | Sở KH&CN | | Thường xuyên | |\n');
    expect(tasks.map((t) => [t.clause, t.responsible, t.coordinating, t.deadline.kind, t.deadline.date, t.deliverable])).toEqual([
      ['PL.I.1', ['Sở Tư pháp'], ['Sở Nội vụ', 'Các sở, ban, ngành'], 'by', '2025-12-31', 'Báo cáo rà soát'],
      ['PL.I.2', ['Sở Khoa học và Công nghệ'], [], 'ongoing', null, null],
    ]);
  });

  it('reads a plan item whose dash lines are fields as one task', () => {
    const tasks = tasksOf('KẾ HOẠCH\nII. NHIỆM VỤ\n1. Tổ chức tuyên truyền, phổ biến pháp luật về bảo vệ dữ liệu cá nhân\n- Cơ quan thực hiện: Bộ Công an, Bộ Tư pháp.\n- Cơ quan phối hợp: các bộ, cơ quan ngang bộ.\n- Thời gian thực hiện: năm 2025.\n');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ clause: 'II.1', text: 'Tổ chức tuyên truyền, phổ biến pháp luật về bảo vệ dữ liệu cá nhân', responsible: ['Bộ Công an', 'Bộ Tư pháp'], deadline: { kind: 'by', date: '2025-12-31' } });
  });

  it('reads lettered fields: the Nhiệm vụ field is the task, each dash under it one task, a Cơ quan thực hiện field read through its dashes', () => {
    const tasks = tasksOf('KẾ HOẠCH\nII. NHIỆM VỤ\n1. Về dữ liệu\n1.1. Xây dựng chiến lược:\na) Nhiệm vụ: Tham mưu rà soát Chiến lược dữ liệu.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n- Đơn vị phối hợp: Các sở, ban, ngành.\nc) Thời gian thực hiện: Hoàn thành trong năm 2025.\n1.2. Phát triển dữ liệu:\na) Nhiệm vụ:\n- Chuẩn hóa cơ sở dữ liệu.\n- Số hóa hồ sơ.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Nội vụ.\nc) Thời gian thực hiện: Thường xuyên.\n');
    expect(tasks.map((t) => [t.clause, t.text, t.responsible, t.coordinating, t.deadline.kind])).toEqual([
      ['II.1.1', 'Tham mưu rà soát Chiến lược dữ liệu.', ['Sở Khoa học và Công nghệ'], ['Các sở, ban, ngành'], 'by'],
      ['II.1.2.d1', 'Chuẩn hóa cơ sở dữ liệu.', ['Sở Nội vụ'], [], 'ongoing'],
      ['II.1.2.d2', 'Số hóa hồ sơ.', ['Sở Nội vụ'], [], 'ongoing'],
    ]);
  });

  it('keeps a Nội dung field as a cell, the heading naming the task, and dates a time field of steps by its last', () => {
    const tasks = tasksOf('KẾ HOẠCH\nII. NỘI DUNG\n4. Rà soát văn bản quy phạm pháp luật\n- Nội dung: rà soát các văn bản có liên quan.\n- Cơ quan thực hiện: Bộ Công an tiến hành rà soát; Thông tấn xã Việt Nam và các cơ quan báo chí, phát thanh, truyền hình khác.\n- Thời gian thực hiện:\n+ Các bộ gửi kết quả trước ngày 15 tháng 12 năm 2025.\n+ Bộ Công an báo cáo trước ngày 31 tháng 12 năm 2025.\n');
    expect(tasks.map((t) => [t.clause, t.text, t.responsible, t.deadline.date])).toEqual([
      ['II.4', 'Rà soát văn bản quy phạm pháp luật', ['Bộ Công an', 'Thông tấn xã Việt Nam', 'Các cơ quan báo chí, phát thanh, truyền hình khác'], '2025-12-31'],
    ]);
  });

  it('reads an older Công văn: points numbered 1/, a kind from its V/v under a number OCR destroyed, background dashes above the lead-in, who is asked rather than who asks', () => {
    const doc = readHeader(segment(normalised('BO TÀI CHÍNH\nSố: §Ø0 /TCT-TTr\nV/v tăng cường công tác thanh tra\nKính gửi: Cục Thuế các tỉnh, thành phố trực thuộc Trung ương.\nKết quả thanh tra 9 tháng cho thấy:\n- Một số Cục Thuế có tỷ lệ hoàn thành thấp.\nĐể hoàn thành nhiệm vụ, Tổng cục Thuế yêu cầu Cục Thuế các tỉnh, thành phố thực hiện một số giải pháp sau:\n1/ Các Cục Thuế rà soát lại kế hoạch thanh tra.\n2/ Tăng cường kiểm tra sau hoàn thuế.\n3/ Tổng cục Thuế đề nghị Cục Thuế các tỉnh, thành phố rà soát lại các khoản nợ.\n')));
    expect(doc.header!.kind).toBe('CÔNG VĂN');
    expect(extract(doc).tasks!.map((t) => [t.clause, t.responsible])).toEqual([
      ['1', ['Các Cục Thuế']],
      // The lead-in names whom it asks: that comes before the addressees.
      ['2', ['Cục Thuế các tỉnh, thành phố']],
      ['3', ['Cục Thuế các tỉnh, thành phố']],
    ]);
  });

  it('reads sections A., B. above the Roman parts', () => {
    const tasks = tasksOf('CHỈ THỊ\nA.\nNhững nội dung chủ yếu\nI.\nNhiệm vụ\n1. Sở Kế hoạch và Đầu tư hướng dẫn các ngành xây dựng kế hoạch.\nB.\nTổ chức thực hiện\nI.\nKinh phí\n1. Sở Tài chính bố trí kinh phí.\n');
    expect(tasks.map((t) => [t.clause, t.responsible])).toEqual([
      ['A.I.1', ['Sở Kế hoạch và Đầu tư']],
      ['B.I.1', ['Sở Tài chính']],
    ]);
  });

  it('reads a Nội dung field as the task under a bare label, and a doer field that says who leads and who joins', () => {
    const tasks = tasksOf('KẾ HOẠCH\nIII. NỘI DUNG HOẠT ĐỘNG\n1. Nâng cao nhận thức\na) Hoạt động 1\n- Nội dung: Triển khai Tháng hành động.\n- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp.\nb) Hoạt động 2\n- Nội dung: Tuyên truyền trên các phương tiện truyền thông.\n- Cơ quan thực hiện:\n+ Sở Văn hóa và Thể thao chủ trì, phối hợp với Sở Tư pháp.\n+ Sở Xây dựng đăng tải thông điệp.\n- Chỉ tiêu 1: Năm 2025 đạt 80%.\n');
    expect(tasks.map((t) => [t.clause, t.text, t.responsible, t.coordinating])).toEqual([
      ['III.1.a', 'Triển khai Tháng hành động.', ['Sở Nội vụ'], ['Sở Tư pháp']],
      ['III.1.b', 'Tuyên truyền trên các phương tiện truyền thông.', ['Sở Văn hóa và Thể thao', 'Sở Xây dựng'], ['Sở Tư pháp']],
    ]);
  });

  it('takes a province’s Ủy ban nhân dân Thành phố in its own plan for the issuer, and a Chỉ tiêu for a target, not a task', () => {
    const tasks = tasksOf('ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 174/KH-UBND\nKẾ HOẠCH\nII. MỤC TIÊU\n- Chỉ tiêu 1: Năm 2025 đạt 80% người được hỗ trợ.\nIV. GIẢI PHÁP\n1. Ủy ban nhân dân Thành phố bố trí ngân sách cho các hoạt động.\n');
    expect(tasks.map((t) => [t.clause, t.responsible])).toEqual([['IV.1', ['Ủy ban nhân dân thành phố Hồ Chí Minh']]]);
  });

  it('reads nothing assigned in the preamble’s issuing formula, and the doers after “Đề nghị:”', () => {
    const tasks = tasksOf('KẾ HOẠCH\nỦy ban nhân dân Tỉnh ban hành Kế hoạch chuyển đổi số với các nội dung như sau:\nIII. NHIỆM VỤ\n1. Tuyên truyền, phổ biến về chuyển đổi số.\nIV. TỔ CHỨC THỰC HIỆN\n6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh\na) Tuyên truyền, vận động hội viên tham gia.\n');
    expect(tasks.map((t) => [t.clause, t.responsible])).toEqual([
      ['III.1', []],
      ['IV.6.a', ['Hiệp hội Doanh nghiệp tỉnh', 'Hội Nông dân tỉnh']],
    ]);
  });

  it('takes a heading that only names a doer for the doer of the items under it, a second title after “ - ” for no other body', () => {
    const tasks = tasksOf('KẾ HOẠCH\nIV. NHIỆM VỤ CỤ THỂ\n1. Nhiệm vụ của thành viên Ban Chỉ đạo\n1.1. Trưởng Ban Chỉ đạo\n- Phụ trách chung, trực tiếp điều hành, chỉ đạo thực hiện tổng kiểm kê.\n1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo\n- Tham mưu triển khai thực hiện kế hoạch kiểm kê.\n1.5. Đối tượng thực hiện kiểm kê\n- Thành lập Tổ kiểm kê.\n');
    expect(tasks.map((t) => [t.clause, t.responsible])).toEqual([
      ['IV.1.1.d1', ['Trưởng Ban Chỉ đạo']],
      ['IV.1.2.d1', ['Sở Tài chính']],
      ['IV.1.5.d1', ['Đối tượng thực hiện kiểm kê']],
    ]);
  });

  it('gives a heading’s only paragraph the heading’s path', () => {
    const tasks = tasksOf('THÔNG BÁO\n2. Giao các Bộ:\nc) Bộ Nội vụ\nChủ trì, phối hợp với Bộ Tài chính ban hành văn bản hướng dẫn.\nd) Bộ Tài chính\n- Chủ trì giao dự toán bổ sung.\n- Hướng dẫn các địa phương.\n');
    expect(tasks.map((t) => [t.clause, t.responsible])).toEqual([
      ['2.c', ['Bộ Nội vụ']],
      ['2.d.d1', ['Bộ Tài chính']],
      ['2.d.d2', ['Bộ Tài chính']],
    ]);
  });

  it('reads a Công văn whose body lost its blank lines: it starts at Xét đề nghị, its actions are counted (i), (ii), and a site’s footer is not the document', () => {
    const text = 'Số: 11520/VPCP-CN\nV/v nhiên liệu sinh học\n\nKính gửi: Bộ trưởng\nBộ Công Thương\nXét đề nghị của Bộ Công Thương, Phó Thủ tướng có ý kiến như sau:\nBộ Công Thương chủ trì phối hợp với các Bộ, cơ quan liên quan làm rõ các nội dung, cụ thể: (i) Đánh giá khả năng cung ứng ethanol; (ii) Rà soát năng lực phối trộn; (iii) Xác định cơ quan thẩm định.\n\nNơi nhận:\n- Như trên;\nPhạm Mạnh Cường\n**Mã số thuế:**\nThưa Quý khách,\n- Có phải do Tài khoản của bạn bị lộ mật khẩu nên nhiều người khác vào dùng?\n';
    const tasks = tasksOf(text);
    expect(tasks.map((t) => [t.clause, t.responsible, t.coordinating])).toEqual([
      ['1', ['Bộ Công Thương'], ['các Bộ, cơ quan liên quan']],
      ['2', ['Bộ Công Thương'], ['các Bộ, cơ quan liên quan']],
      ['3', ['Bộ Công Thương'], ['các Bộ, cơ quan liên quan']],
    ]);
    expect(normalised(text).text).not.toContain('Quý khách');
  });

  it('does not split an enumeration of qualities counted (i), (ii)', () => {
    const tasks = tasksOf('CHỈ THỊ\n1. Các bộ xây dựng thể chế, bảo đảm ba yêu cầu: (i) Phù hợp với thể chế chính trị; (ii) Khả thi trong thực tiễn.\n');
    expect(tasks.map((t) => t.clause)).toEqual(['1']);
  });

  it('reads the partners an item opens with (Với các đơn vị của …) over those of its lead-in', () => {
    const tasks = tasksOf('CHỈ THỊ\na) Vụ Xuất nhập khẩu chủ trì, phối hợp với Vụ Kế hoạch triển khai các công việc sau:\n- Với các đơn vị của Bộ Tài chính, Ngân hàng Nhà nước Việt Nam xây dựng chính sách phát triển xuất khẩu.\n- Theo dõi tình hình xuất khẩu hằng tháng.\n');
    expect(tasks.map((t) => [t.clause, t.responsible, t.coordinating])).toEqual([
      ['a.d1', ['Vụ Xuất nhập khẩu'], ['Bộ Tài chính', 'Ngân hàng Nhà nước Việt Nam']],
      ['a.d2', ['Vụ Xuất nhập khẩu'], ['Vụ Kế hoạch']],
    ]);
  });

  it('hands the points to those the issuer asks in its fronted lead-in', () => {
    const tasks = tasksOf('CHỈ THỊ\nNhằm bảo vệ nguồn nước, Chủ tịch Ủy ban nhân dân thành phố Cần Thơ yêu cầu Giám đốc, Thủ trưởng các sở, ban ngành, Chủ tịch Ủy ban nhân dân xã, phường thực hiện các nhiệm vụ sau:\n1. Tăng cường công tác tuyên truyền về bảo vệ nước dưới đất.\n');
    expect(tasks.map((t) => [t.clause, t.responsible])).toEqual([['1', ['Giám đốc, Thủ trưởng các sở, ban ngành', 'Chủ tịch Ủy ban nhân dân xã, phường']]]);
  });

  it('reads X - second title - tập trung lãnh đạo, chỉ đạo Y as Y doing it, X directing', () => {
    const tasks = tasksOf('CÔNG VĂN\n3. Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường trực Ban Chỉ đạo 389 quốc gia tập trung lãnh đạo, chỉ đạo các đơn vị liên quan khẩn trương thực hiện một số nhiệm vụ sau:\n3.1. Xây dựng Kế hoạch cao điểm chống buôn lậu.\n');
    expect(tasks.map((t) => [t.clause, t.responsible, t.directing])).toEqual([['3.1', ['Các đơn vị liên quan'], ['Bộ trưởng Bộ Tài chính']]]);
  });

  it('reads an item headed by its addressee and a colon, X: chỉ đạo Y …, as Y doing it', () => {
    const tasks = tasksOf('CÔNG VĂN\n3. Bộ Xây dựng: chỉ đạo các nhà thầu đẩy nhanh tiến độ thi công.\n');
    expect(tasks.map((t) => [t.clause, t.responsible, t.directing])).toEqual([['3', ['Các nhà thầu'], ['Bộ Xây dựng']]]);
  });

  it('does not take a heading that names a section (Tổ chức thực hiện) for a doer', () => {
    const tasks = tasksOf('KẾ HOẠCH\nV. TỔ CHỨC THỰC HIỆN\n1. Tổ chức thực hiện\n- Triển khai, kiểm tra việc thực hiện kế hoạch.\n');
    expect(tasks.map((t) => [t.clause, t.responsible])).toEqual([['V.1.d1', []]]);
  });

  it('reads no task in a plan’s aims, and the attached plan after a decision’s signature', () => {
    const tasks = tasksOf('QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nNguyễn Văn A\nKẾ HOẠCH\nTRIỂN KHAI\n(Ban hành kèm theo Quyết định số 2853/QĐ-UBND)\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cộng đồng.\nII. NHIỆM VỤ\n1. Sở Nông nghiệp và Môi trường chủ trì tổ chức tập huấn.\n');
    expect(tasks.map((t) => [t.clause, t.responsible])).toEqual([['II.1', ['Sở Nông nghiệp và Môi trường']]]);
  });
});
