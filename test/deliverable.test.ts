/**
 * Deliverables on sentences of the corpus, one general rule per case
 * (golden/README.md, "Deliverables: one convention"). Every sentence is
 * checked to be in the corpus as written.
 */
import { describe, expect, it } from 'vitest';
import { findDeliverable } from '../src/stages/extract/deliverable.ts';
import { CLEAN_CORPUS, CORRECTED_20TB, corpusText, extracted } from './helpers.ts';

const flat = (s: string) => s.replace(/[*]/g, '').replace(/\s+/g, ' ').normalize('NFC');
const corpus = [...CLEAN_CORPUS, CORRECTED_20TB].map((p) => flat(corpusText(p)));
/** A sentence of the corpus, as the extractor sees a task's words after its subject. */
const real = (s: string) => {
  expect(corpus.some((text) => text.includes(flat(s)))).toBe(true);
  return s;
};
const of = (s: string, listed = false) => findDeliverable(real(s), { listed });

describe('findDeliverable: what counts as the output', () => {
  it('takes the document a chain of verbs drafts and submits, with objects listed across a semicolon', () => {
    expect(of('Tập trung xây dựng, trình Chính phủ để trình Quốc hội ban hành: Luật sửa đổi, bổ sung một số điều của Luật Đo lường; Luật Bưu chính (sửa đổi) theo tiến độ đã được Chính phủ giao;')).toBe(
      'Luật sửa đổi, bổ sung một số điều của Luật Đo lường; Luật Bưu chính',
    );
  });

  it('takes a system that is put into operation, but not one only used or deployed "hiệu quả"', () => {
    expect(of('triển khai đưa Trung tâm dữ liệu quốc gia vào vận hành, khai thác hiệu quả theo lộ trình.')).toBe('Trung tâm dữ liệu quốc gia');
    expect(of('đưa vào vận hành chính thức Mạng mật liên thông các cơ quan trong hệ thống chính trị từ ngày 01/5/2026.')).toBe('Mạng mật liên thông các cơ quan trong hệ thống chính trị');
    expect(of('Rà soát, đánh giá cụ thể nhu cầu về bảo mật, triển khai hiệu quả Mạng mật liên thông các cơ quan trong hệ thống chính trị bảo đảm tránh lãng phí và an toàn, bảo mật thông tin.')).toBeNull();
  });

  it('reads implementing an existing plan or programme as making nothing', () => {
    expect(of('Triển khai thực hiện Kế hoạch hành động triển khai công tác ngoại giao khoa học công nghệ đến năm 2030 và thúc đẩy triển khai các nhiệm vụ của Chiến lược hợp tác quốc tế về các công nghệ chiến lược.')).toBeNull();
  });

  it('takes units set up, unless only "if needed"', () => {
    expect(of('Thành lập các tổ công tác chuyên trách để giải quyết từng nhóm vấn đề trọng tâm về dữ liệu, nền tảng dùng chung, hạ tầng, trang thiết bị, nguồn nhân lực và cơ chế tài chính, bảo đảm hiệu quả, khả thi.')).toBe('tổ công tác chuyên trách');
    expect(of('Trường hợp cần thiết, thành lập các Tổ công tác để đôn đốc, tham mưu giải quyết dứt điểm, kiên quyết không để tình trạng chỉ đạo chung chung, không rõ người, không rõ việc.')).toBeNull();
  });

  it('stops an issued item before the ones it is issued to', () => {
    expect(of('Phối hợp với Ban Cơ yếu Chính phủ cấp đầy đủ chứng thư số cho lãnh đạo và cán bộ chuyên môn của 4 khối cơ quan Đảng, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc.', true)).toBe('chứng thư số');
  });

  it('names a regulation but not a policy: a policy is content, not an artefact', () => {
    expect(of('Có quy định về tỉ lệ nội địa hóa để các tập đoàn FDI lớn chuyển giao công nghệ.', true)).toBe('quy định về tỉ lệ nội địa hóa');
    expect(of('Có chính sách vượt trội để thu hút nhân lực chất lượng cao trong nước và quốc tế làm việc trong các ngành công nghệ chiến lược.', true)).toBeNull();
    expect(of('khẩn trương hoàn thiện, trình Chính phủ ban hành Nghị định quy định về chính sách hợp tác công tư để phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.')).toBe('Nghị định quy định về chính sách hợp tác công tư');
  });

  it('reads "có X" after another verb as "with X", not as making X', () => {
    expect(of('chuẩn bị kỹ lưỡng, có chiến lược rõ ràng về nguồn nhân lực phục vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số')).toBeNull();
  });
});

describe('findDeliverable: where in the task', () => {
  it('finds the product of a later sentence when the first names none', () => {
    expect(
      of('triển khai các chương trình đào tạo nhân lực trình độ từ đại học trở lên phục vụ phát triển ngành công nghiệp bán dẫn và các lĩnh vực công nghệ ưu tiên. Trước mắt, cần tập trung hoàn thành mục tiêu cụ thể đào tạo ít nhất 50.000 nhân lực chất lượng cao phục vụ ngành công nghiệp bán dẫn. Đồng thời, cần xây dựng lộ trình tổng thể phát triển nguồn nhân lực cho các ngành công nghệ trọng điểm khác, làm rõ chỉ tiêu theo từng ngành, trình độ đào tạo, địa điểm đào tạo (trong nước và nước ngoài), xác định rõ các cơ sở đào tạo trọng điểm được giao nhiệm vụ thực hiện. Hàng tháng có báo cáo kết quả thực hiện, gửi Cơ quan Thường trực Ban Chỉ đạo.'),
    ).toBe('lộ trình tổng thể phát triển nguồn nhân lực cho các ngành công nghệ trọng điểm khác');
  });

  it('skips products named in a purpose clause, but not the action after "phối hợp với … để"', () => {
    expect(of('Trong đó, rà soát tổng thể các CSDL để xây dựng lộ trình triển khai, phân loại rõ CSDL phục vụ nghiệp vụ chuyên ngành')).toBeNull();
    expect(of('Chủ động rà soát quy trình, hạ tầng, hệ thống, dữ liệu, nhân lực, tài chính, nhất là đối với cấp xã để có phương án bảo đảm kịp thời các nguồn lực nêu trên, đáp ứng yêu cầu thực tiễn.')).toBeNull();
    expect(of('phối hợp chặt chẽ với Ủy ban Pháp luật và Tư pháp, Ủy ban Khoa học, Công nghệ và Môi trường, Ủy ban Kinh tế và Tài chính của Quốc hội để tiếp thu, hoàn thiện các dự án luật đang trình Quốc hội xem xét, thông qua tại Kỳ họp thứ 9, Quốc hội khoá XV: Luật Khoa học')).toMatch(/^dự án luật đang trình Quốc hội/u);
  });

  it('skips the making that a task only monitors or proposes', () => {
    expect(of('chủ trì theo dõi, đôn đốc sát sao, kiểm tra việc xây dựng, công bố các CSDL, bảo đảm kết nối, khai thác, sử dụng theo đúng quy định')).toBeNull();
    expect(of('Rà soát các thành phần hồ sơ giấy, nghiên cứu đề xuất cấp có thẩm quyền việc phát triển, hoàn thiện các trường thông tin trên các CSDL hiện có hoặc xây dựng, bổ sung các CSDL thực sự cần thiết')).toBeNull();
  });

  it('reads "rà soát, sửa đổi, bổ sung các quy định" as naming no document, but a named plan revised as one', () => {
    expect(of('chỉ đạo các bộ ngành có liên quan rà soát, sửa đổi, bổ sung ngay các quy định pháp luật, văn bản hướng dẫn để tháo gỡ những vướng mắc về thủ tục hành chính')).toBeNull();
    expect(of('Chủ trì, phối hợp với các cơ quan liên quan tiếp tục rà soát, chuẩn hoá các nội dung trong kế hoạch của cơ quan, địa phương mình theo hướng: Xác định rõ mục tiêu')).toBe('kế hoạch của cơ quan, địa phương mình');
  });

  it('lists the steps after "Trong đó" only when the task names no other output', () => {
    expect(of('đẩy nhanh tiến độ xây dựng CSDL quốc gia, chuyên ngành để tạo lập, kết nối chia sẻ dữ liệu phục vụ giải quyết TTHC, DVCTT và phát triển kinh tế - xã hội, hoàn thành dứt điểm trong năm 2026. Trong đó, xây dựng lộ trình triển khai, phân loại rõ các CSDL phục vụ nghiệp vụ chuyên ngành')).toBe('CSDL quốc gia, chuyên ngành');
  });

  it('skips sentences about the manner of the work', () => {
    expect(of('Việc triển khai phải có lộ trình rõ ràng và dự kiến nguồn lực đầu tư.')).toBeNull();
  });

  it('does not take a verb that names a document for a new action', () => {
    expect(of('chủ trì hướng dẫn Bộ Ngoại giao về lộ trình, kế hoạch cấp tài khoản định danh điện tử mức độ 2 cho các tổ chức, cá nhân nước ngoài')).toBeNull();
  });
});

describe('findDeliverable: reports', () => {
  it('treats recurring and progress reports as duties, not products', () => {
    expect(of('Tổ chức triển khai các chương trình đào tạo đại học, sau đại học đối với các ngành khoa học cơ bản và công nghệ then chốt nhằm phục vụ phát triển công nghệ chiến lược quốc gia. Hàng tháng có báo cáo kết quả thực hiện, gửi Cơ quan Thường trực Ban Chỉ đạo.')).toBeNull();
  });

  it('takes the report of the task’s own review', () => {
    expect(of('Bộ Khoa học và Công nghệ rà soát lĩnh vực tiêu chuẩn, đo lường, chất lượng để nghiên cứu đề xuất cấp có thẩm quyền phương án bảo đảm: (1) Phát triển đồng bộ lĩnh vực tiêu chuẩn, đo lường, chất lượng quốc gia theo thông lệ quốc tế')).toBeNull();
    expect(of('Đầu tư có trọng tâm cho các năng lực cốt lõi về đo lường, tiêu chuẩn và công nhận, tạo nền tảng thúc đẩy sự thừa nhận lẫn nhau và nâng cao mức độ chấp nhận quốc tế của các chứng chỉ chất lượng Việt Nam. Báo cáo Ban Chỉ đạo kết quả rà soát trong quý I/2026.')).toBe('báo cáo kết quả rà soát');
  });

  it('takes the report of the review written after the last sub-item for all of them', async () => {
    const doc = await extracted('corpus/17-TB-CQTTBCD-phu-luc.txt');
    const items = doc.tasks!.filter((t) => t.clause.startsWith('PL.6.i.'));
    expect(items.map((t) => t.deliverable)).toEqual(['báo cáo kết quả rà soát', 'báo cáo kết quả rà soát']);
    const progress = (await extracted('corpus/04-TB-BCDTW.txt')).tasks!.filter((t) => /Hàng tháng có báo cáo/u.test(t.text));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.filter((t) => /báo cáo/u.test(t.deliverable ?? ''))).toEqual([]);
  });
});

describe('findDeliverable: where the phrase ends', () => {
  it('keeps modifiers joined by commas to one head', () => {
    expect(of('Hệ thống giám sát, đánh giá việc triển khai thực hiện Nghị quyết số 57-NQ/TW.', true)).toBe('Hệ thống giám sát, đánh giá việc triển khai thực hiện Nghị quyết số 57-NQ/TW');
    expect(of('xây dựng lộ trình làm chủ, thương mại hoá công nghệ, gắn với nhu cầu thị trường và phát triển kinh tế - xã hội, bảo đảm nguồn lực và kỷ luật thực thi.')).toBe('lộ trình làm chủ, thương mại hoá công nghệ');
  });

  it('ends before a predicate about the artefact, but not inside "coi X là Y"', () => {
    expect(of('Triển khai ứng dụng VNeID trở thành nền tảng số quốc gia, là trung tâm kết nối giữa người dân với Nhà nước', true)).toBe('ứng dụng VNeID');
    expect(of('Đồng thời, nghiên cứu bổ sung quy định coi việc cung cấp dịch vụ công trực tuyến hiệu quả là mục tiêu khi xây dựng các cơ sở dữ liệu.')).toBe(
      'quy định coi việc cung cấp dịch vụ công trực tuyến hiệu quả là mục tiêu khi xây dựng các cơ sở dữ liệu',
    );
  });

  it('keeps a count that is part of the name and ends before the scope', () => {
    expect(of('Triển khai ngay 4 thủ tục trực tuyến trong Đảng trên phạm vi toàn quốc.', true)).toBe('4 thủ tục trực tuyến trong Đảng');
  });

  it('lets a bare head noun run on through what says which one it is', () => {
    expect(of('khẩn trương ban hành kế hoạch và triển khai thực hiện các nền tảng số theo nhiệm vụ được giao tại Quyết định số 2618/QĐ-BKHCN')).toBe('kế hoạch và triển khai thực hiện các nền tảng số');
    expect(of('Đẩy nhanh việc ban hành hoặc trình cấp có thẩm quyền ban hành văn bản quy phạm pháp luật để cắt giảm, đơn giản hoá TTHC dựa trên dữ liệu theo danh mục văn bản quy phạm pháp luật')).toBe('văn bản quy phạm pháp luật để cắt giảm, đơn giản hoá TTHC dựa trên dữ liệu');
    expect(of('Rà soát, chuẩn hoá nội dung kế hoạch năm 2026 và thực hiện quyết liệt các nhiệm vụ trong quý I/2026')).toBe('kế hoạch năm 2026');
  });
});
