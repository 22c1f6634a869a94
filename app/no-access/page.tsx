import Link from 'next/link';
import { publicPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';

export default publicPage(async function NoAccessPage() {
  const { lang } = await getLocale();
  const th = lang === 'th';
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{th ? 'ยังไม่ได้รับสิทธิ์ใช้งาน' : 'You do not have access yet'}</h1>
      <div className="card space-y-2">
        <p>
          {th
            ? 'ใบอนุญาตของท่านถูกต้อง แต่ยังไม่มีโรงพยาบาลใดให้สิทธิ์ใช้ระบบดูข้อมูลข้ามโรงพยาบาล'
            : 'Your licence is valid, but no hospital has given you access to the viewer yet.'}
        </p>
        <p>
          {th
            ? 'กรุณาติดต่อผู้ดูแลระบบ Health Link ของโรงพยาบาลที่ท่านปฏิบัติงาน (มักอยู่ที่ฝ่ายเทคโนโลยีสารสนเทศหรือเวชระเบียน) เพื่อขอเพิ่มสิทธิ์โดยแจ้งเลข ว. ของท่าน'
            : 'Ask the Health Link admin of the hospital you work at (usually in IT or medical records) to add you, quoting your licence number.'}
        </p>
      </div>
      <Link href="/login" className="btn-secondary">
        {th ? 'กลับไปหน้าเข้าสู่ระบบ' : 'Back to sign-in'}
      </Link>
    </div>
  );
});
