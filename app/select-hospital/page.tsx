import { redirect } from 'next/navigation';
import { listGrantsInForce } from '@/lib/auth/grants';
import { doctorSessionPage } from '@/lib/entry/pages';
import { hospitalDirectory, hospitalLabel } from '@/lib/hospitals';
import { getLocale } from '@/lib/i18n/server';
import { chooseHospital } from './actions';

export default doctorSessionPage(async function SelectHospitalPage({ session, deps }) {
  const { lang } = await getLocale();
  const grants = await listGrantsInForce(deps.db, session.licence);
  if (grants.length === 0) redirect('/no-access');
  const directory = await hospitalDirectory();
  const th = lang === 'th';
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{th ? 'เลือกโรงพยาบาลที่ปฏิบัติงานขณะนี้' : 'Choose the hospital you are working at now'}</h1>
      <p className="text-muted">
        {th ? 'ทุกการเข้าดูข้อมูลจะถูกบันทึกในนามโรงพยาบาลที่เลือก' : 'Every access will be recorded on behalf of the hospital you choose.'}
      </p>
      <ul className="space-y-3">
        {grants.map((g) => (
          <li key={g.id}>
            <form action={chooseHospital}>
              <input type="hidden" name="hospitalCode" value={g.hospitalCode} />
              <button type="submit" className="card flex w-full items-center justify-between text-left hover:border-brand" aria-current={g.hospitalCode === session.hospitalCode ? 'true' : undefined}>
                <span className="font-semibold">{hospitalLabel(directory, g.hospitalCode, lang)}</span>
                <span className="rounded bg-info-bg px-2 py-1 text-sm text-info">
                  {g.role === 'ed' ? (th ? 'แพทย์ห้องฉุกเฉิน' : 'Emergency physician') : th ? 'แพทย์' : 'Physician'}
                  {g.hospitalCode === session.hospitalCode ? (th ? ' · ปัจจุบัน' : ' · current') : ''}
                </span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
});
