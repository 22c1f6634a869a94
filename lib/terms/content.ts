/**
 * The viewer's terms of use, versioned. A doctor must accept the current version before anything else
 * (lib/auth/terms-guard.ts); changing a word here means a new TERMS_VERSION, so everyone is asked again.
 * Pure: no server imports.
 */
import type { Lang } from '../i18n/format';

/** The version a doctor accepts (a date: the day the text took effect). */
export const TERMS_VERSION = '2026-12-01';

export interface TermsText {
  title: string;
  intro: string;
  sections: readonly { heading: string; body: string }[];
}

const TERMS: Record<Lang, TermsText> = {
  th: {
    title: 'ข้อตกลงการใช้งานระบบดูข้อมูลสุขภาพ Health Link',
    intro: 'ก่อนเริ่มใช้งาน กรุณาอ่านและยอมรับข้อตกลงต่อไปนี้ ระบบจะบันทึกการยอมรับของท่านไว้ในบันทึกการตรวจสอบ',
    sections: [
      {
        heading: '1. ใช้เพื่อการรักษาเท่านั้น',
        body: 'ท่านจะเปิดดูข้อมูลของผู้ป่วยที่ท่านกำลังดูแลรักษาเท่านั้น โดยได้รับความยินยอมจากผู้ป่วย หรือในกรณีฉุกเฉินตามที่กฎหมายกำหนด',
      },
      {
        heading: '2. การค้นหาผู้ป่วย',
        body: 'การค้นหาด้วยเลขประจำตัวประชาชน หนังสือเดินทาง หรือชื่อ-นามสกุล ทุกครั้งถูกบันทึกพร้อมคำค้นหา ห้ามค้นหาบุคคลที่ท่านไม่ได้ดูแล',
      },
      {
        heading: '3. การรักษาความลับ',
        body: 'ข้อมูลที่เห็นเป็นข้อมูลส่วนบุคคลที่อ่อนไหวตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ห้ามคัดลอก ถ่ายภาพ หรือเปิดเผยแก่ผู้ไม่เกี่ยวข้อง',
      },
      {
        heading: '4. บัญชีของท่าน',
        body: 'ห้ามให้ผู้อื่นใช้บัญชีหรือรหัส PIN ของท่าน และออกจากระบบทุกครั้งเมื่อเลิกใช้งาน การเข้าถึงทุกครั้งตรวจสอบย้อนหลังได้',
      },
      {
        heading: '5. ข้อมูลอาจไม่ครบถ้วน',
        body: 'ระบบแสดงเฉพาะข้อมูลที่โรงพยาบาลซึ่งผู้ป่วยอนุญาตส่งมา การไม่พบข้อมูลไม่ได้หมายความว่าไม่มีข้อมูล ท่านยังต้องใช้วิจารณญาณทางคลินิกของท่านเอง',
      },
    ],
  },
  en: {
    title: 'Health Link viewer: terms of use',
    intro: 'Before you start, please read and accept these terms. Your acceptance is recorded in the audit trail.',
    sections: [
      {
        heading: '1. For treatment only',
        body: "You will open only the records of patients you are treating, with the patient's consent or in an emergency as the law allows.",
      },
      {
        heading: '2. Looking patients up',
        body: 'Every search by citizen ID, passport or name is recorded with what was searched. Do not look up anyone you are not caring for.',
      },
      {
        heading: '3. Confidentiality',
        body: 'What you see is sensitive personal data under the Personal Data Protection Act B.E. 2562 (2019). Do not copy, photograph or disclose it to anyone not involved.',
      },
      {
        heading: '4. Your account',
        body: 'Do not let anyone else use your account or PIN, and sign out when you finish. Every access can be traced.',
      },
      {
        heading: '5. Records may be incomplete',
        body: 'The viewer shows only what the hospitals the patient shares with send. Nothing returned does not mean nothing exists; your own clinical judgement remains yours.',
      },
    ],
  },
};

/** The terms in the reader's language. */
export function termsText(lang: Lang): TermsText {
  return TERMS[lang];
}
