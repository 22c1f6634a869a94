/**
 * The demo patients' clinical documents (docs/sandbox.md lists them): discharge summaries, referral
 * letters, visit summaries and full imaging reports, as Compositions with sections or DocumentReferences
 * with a PDF (built in code, tiny-pdf.ts) or plain-text attachment; plus, for Boonchai, one sealed letter
 * and four documents that cannot be opened (missing, oversized, wrong declared type, unreachable).
 */
import { inlineAttachment, type DocumentTypeCode } from './chart-documents';
import type { DemoPatient } from './demo-catalog';
import type { IndexPatient } from './model';
import { chartFor, type Ctx } from './story-kit';
import { tinyPdf } from './tiny-pdf';

const DISCHARGE: DocumentTypeCode = { loinc: '18842-5', display: 'Discharge summary', text: 'สรุปการจำหน่ายผู้ป่วย / Discharge summary' };
const VISIT: DocumentTypeCode = { loinc: '18842-5', display: 'Discharge summary', text: 'สรุปการรักษาผู้ป่วยนอก / Visit summary' };
const REFERRAL: DocumentTypeCode = { loinc: '57133-1', display: 'Referral note', text: 'ใบส่งตัว / Referral letter' };
const IMAGING: DocumentTypeCode = { loinc: '18748-4', display: 'Diagnostic imaging study', text: 'ผลอ่านภาพรังสี / Imaging report' };
const CONSULT: DocumentTypeCode = { loinc: '11488-4', display: 'Consult note', text: 'บันทึกการปรึกษา / Clinic letter' };

const p = (text: string): string => `<p>${text}</p>`;

function somsri(ctx: Ctx, pt: IndexPatient): void {
  const raj = chartFor(ctx, pt, '10661');
  raj.composition({
    daysAgo: 515,
    type: DISCHARGE,
    title: 'สรุปการจำหน่าย: ปอดอักเสบ / Discharge summary: community-acquired pneumonia',
    sections: [
      {
        title: 'เหตุที่รับไว้ / Reason for admission',
        loinc: '46241-6',
        div: p('Fever, productive cough and right-sided chest pain for 3 days. SpO2 91% on room air.'),
      },
      {
        title: 'การรักษาในโรงพยาบาล / Hospital course',
        loinc: '8648-8',
        div:
          p('Chest X-ray: right lower lobe consolidation. Ceftriaxone 2 g IV daily for 5 days; oxygen by cannula for 2 days.') +
          p('Creatinine 1.5 mg/dL on admission (baseline 1.3): metformin held.'),
      },
      {
        title: 'ยาเมื่อจำหน่าย / Discharge medications',
        loinc: '10183-2',
        div: '<ul><li>Amlodipine 10 mg once daily</li><li>Paracetamol 500 mg as needed</li></ul>',
      },
      {
        title: 'คำแนะนำ / Instructions',
        loinc: '8653-8',
        div: p('Follow up in 2 weeks with a repeat chest X-ray. Return if fever or breathlessness recurs.'),
      },
    ],
  });
  raj.document({
    daysAgo: 520,
    type: IMAGING,
    description: 'ผลอ่านเอกซเรย์ทรวงอกฉบับเต็ม / Chest X-ray full report',
    attachment: raj.binaryAttachment(
      'application/pdf',
      tinyPdf('Rajavithi Hospital - Chest X-ray report', [
        'Examination: Chest radiograph, PA and lateral.',
        'Findings: Patchy consolidation in the right lower zone. No effusion.',
        'Heart size normal. No pneumothorax.',
        'Impression: Right lower lobe pneumonia.',
        'Reported by: Radiology department',
      ]),
      520,
      'cxr-report.pdf',
    ),
  });

  const klang = chartFor(ctx, pt, '11535');
  klang.document({
    daysAgo: 200,
    type: REFERRAL,
    description: 'ส่งตัวปรึกษาอายุรแพทย์โรคไต ศิริราช / Referral to Siriraj nephrology',
    attachment: inlineAttachment(
      'text/plain; charset=utf-8',
      [
        'เรียน อายุรแพทย์โรคไต โรงพยาบาลศิริราช',
        '',
        'ผู้ป่วยเบาหวานชนิดที่ 2 และความดันโลหิตสูง eGFR ลดลงจาก 54 เป็น 40 ใน 2 ปี',
        'Dear nephrologist: type 2 diabetes and hypertension; eGFR has fallen from 54 to 40 over two years.',
        'Please advise on CKD management and metformin dosing.',
        '',
        'โรงพยาบาลกลาง / Klang Hospital',
      ].join('\n'),
      'referral.txt',
    ),
  });
  klang.composition({
    daysAgo: 30,
    type: VISIT,
    title: 'สรุปการตรวจคลินิกเบาหวาน / Diabetes clinic visit summary',
    sections: [
      { title: 'อาการสำคัญ / Chief complaint', loinc: '10154-3', div: p('Routine follow-up. No hypoglycaemia.') },
      {
        title: 'สัญญาณชีพ / Vital signs',
        loinc: '8716-3',
        div: '<table><tr><th>BP</th><td>146/88</td></tr><tr><th>Weight</th><td>68 kg</td></tr></table>',
      },
      { title: 'การประเมิน / Assessment', loinc: '51848-0', div: p('HbA1c above target; CKD stage 3b.') },
      { title: 'แผนการรักษา / Plan', loinc: '18776-5', div: p('Continue metformin at reduced dose; recheck creatinine in 3 months.') },
    ],
  });

  // A hospital letter in HTML with a script and an image: shown sanitised, never run.
  const sukjai = chartFor(ctx, pt, '24001');
  sukjai.document({
    daysAgo: 150,
    type: CONSULT,
    description: 'Gastroenterology clinic letter',
    attachment: sukjai.binaryAttachment(
      'text/html; charset=utf-8',
      '<html><head><style>p{color:red}</style><script>alert("x")</script></head><body>' +
        '<h1>Gastroenterology clinic</h1><p onclick="alert(1)">Epigastric pain for 2 weeks. <b>H. pylori</b> stool antigen negative.</p>' +
        '<img src="x" onerror="alert(2)"><p>Plan: omeprazole 20 mg daily for 4 weeks. <a href="javascript:alert(3)">details</a></p></body></html>',
      150,
      'gi-letter.html',
    ),
  });
}

function boonchai(ctx: Ctx, pt: IndexPatient): void {
  const pnk = chartFor(ctx, pt, '10702');
  pnk.document({
    daysAgo: 411,
    type: DISCHARGE,
    description: 'สรุปการจำหน่าย: โรคหลอดเลือดสมองตีบ / Discharge summary: ischaemic stroke',
    attachment: pnk.binaryAttachment(
      'application/pdf',
      tinyPdf('Phra Nang Klao Hospital - Discharge summary', [
        'Diagnosis: Acute right MCA territory ischaemic stroke.',
        'Course: no thrombolysis (INR 1.6). Swallow screen passed day 2.',
        'Physiotherapy from day 5; walking with a frame at discharge.',
        'Discharge medications: warfarin (INR target 2-3), atorvastatin 40 mg.',
        'Follow-up: anticoagulation clinic at Taksin Hospital in 1 week.',
      ]),
      411,
      'discharge-summary.pdf',
    ),
  });
  pnk.document({
    daysAgo: 420,
    type: IMAGING,
    description: 'ผลอ่าน CT สมองฉบับเต็ม / CT brain full report',
    attachment: inlineAttachment(
      'text/plain',
      'CT BRAIN WITHOUT CONTRAST\nFindings: hypodensity in the right MCA territory. No haemorrhage. No midline shift.\nImpression: acute right MCA infarct.',
      'ct-brain.txt',
    ),
  });

  const siriraj = chartFor(ctx, pt, '13781');
  siriraj.document({
    daysAgo: 300,
    type: CONSULT,
    description: 'จดหมายจากคลินิกจิตเวช / Psychiatry clinic letter',
    sensitivity: 'PSY',
    attachment: siriraj.binaryAttachment(
      'text/plain; charset=utf-8',
      'Psychiatry clinic: moderate depressive episode. Started sertraline 50 mg daily. Review in 4 weeks.',
      300,
      'psychiatry-letter.txt',
    ),
  });

  // Four documents that cannot be opened, each for its own reason; the rest of the record is unaffected.
  const taksin = chartFor(ctx, pt, '11536');
  taksin.document({
    daysAgo: 60,
    type: CONSULT,
    description: 'จดหมายคลินิกวาร์ฟาริน (ไม่มีไฟล์แนบ) / Anticoagulation clinic letter (missing attachment)',
    attachment: { contentType: 'application/pdf', title: 'inr-letter.pdf' },
  });
  taksin.document({
    daysAgo: 90,
    type: IMAGING,
    description: 'ผลตรวจคลื่นเสียงหัวใจพร้อมวิดีโอ (ไฟล์ใหญ่) / Echocardiogram with video (oversized)',
    attachment: { contentType: 'application/pdf', url: 'Binary/bin-echo-video', size: 48 * 1024 * 1024, title: 'echo.pdf' },
  });
  taksin.document({
    daysAgo: 120,
    type: REFERRAL,
    description: 'ใบส่งตัว (ชนิดไฟล์ไม่ตรง) / Referral letter (wrong declared type)',
    attachment: inlineAttachment('application/pdf', 'This is a plain-text letter declared as a PDF.', 'referral.pdf'),
  });
  taksin.document({
    daysAgo: 150,
    type: IMAGING,
    description: 'ผลตรวจ Holter (เก็บนอกระบบ) / Holter report (unreachable)',
    attachment: { contentType: 'application/pdf', url: 'https://pacs.taksin-hospital.example/reports/holter.pdf', title: 'holter.pdf' },
  });
}

function pimchanok(ctx: Ctx, pt: IndexPatient): void {
  const cgk = chartFor(ctx, pt, '11537');
  cgk.document({
    daysAgo: 60,
    type: IMAGING,
    description: 'ผลอัลตราซาวด์ครรภ์ฉบับเต็ม / Obstetric ultrasound full report',
    attachment: cgk.binaryAttachment(
      'application/pdf',
      tinyPdf('Charoenkrung Pracharak Hospital - Obstetric ultrasound', [
        'Single live intrauterine fetus. Biometry consistent with 22 weeks.',
        'Normal amniotic fluid. Placenta posterior, not low lying.',
      ]),
      60,
      'obstetric-us.pdf',
    ),
  });
  cgk.document({
    daysAgo: 28,
    type: VISIT,
    description: 'บันทึกฝากครรภ์ / Antenatal visit note',
    attachment: inlineAttachment(
      'text/plain; charset=utf-8',
      'ANC visit: BP 110/70, fundal height appropriate, fetal heart 148/min.',
      'anc.txt',
    ),
  });
}

function ekkachai(ctx: Ctx, pt: IndexPatient): void {
  const pnk = chartFor(ctx, pt, '10702');
  pnk.document({
    daysAgo: 2,
    type: VISIT,
    description: 'บันทึกห้องฉุกเฉิน / Emergency department note',
    attachment: inlineAttachment(
      'text/plain; charset=utf-8',
      'ED: found confused at home, glucose 62 mg/dL, potassium 5.8. IV dextrose given. Calcium gluconate, insulin-dextrose for hyperkalaemia.',
      'ed-note.txt',
    ),
  });
  const siriraj = chartFor(ctx, pt, '13781');
  siriraj.document({
    daysAgo: 40,
    type: CONSULT,
    description: 'จดหมายคลินิกปลูกถ่ายไต / Kidney transplant clinic letter',
    attachment: siriraj.binaryAttachment(
      'application/pdf',
      tinyPdf('Siriraj Hospital - Transplant clinic', ['Stable graft function. Tacrolimus trough 6.2 ng/mL.', 'Continue mycophenolate.']),
      40,
      'transplant-letter.pdf',
    ),
  });
}

function john(ctx: Ctx, pt: IndexPatient): void {
  const sukjai = chartFor(ctx, pt, '24001');
  sukjai.composition({
    daysAgo: 237,
    type: DISCHARGE,
    title: 'Discharge summary: dengue fever',
    sections: [
      { title: 'Reason for admission', loinc: '46241-6', div: p('High fever and myalgia for 3 days; platelets 88.') },
      { title: 'Hospital course', loinc: '8648-8', div: p('Platelet nadir 54 on day 2; no bleeding. Oral and IV fluids.') },
      { title: 'Instructions', loinc: '8653-8', div: p('Avoid NSAIDs for 2 weeks.') },
    ],
  });
}

/** Documents per demo story (stories without documents are absent). */
export const DOCUMENT_STORIES: Partial<Record<DemoPatient['story'], (ctx: Ctx, p: IndexPatient) => void>> = {
  somsri,
  boonchai,
  pimchanok,
  ekkachai,
  john,
};
