import { redirect } from 'next/navigation';
import { listGrantsInForce } from '@/lib/auth/grants';
import { doctorSessionPage } from '@/lib/entry/pages';
import { hospitalDirectory, hospitalLabel } from '@/lib/hospitals';
import { getLocale } from '@/lib/i18n/server';
import { chooseHospital } from './actions';

export default doctorSessionPage(async function SelectHospitalPage({ session, deps }) {
  const { lang, t } = await getLocale();
  const grants = await listGrantsInForce(deps.db, session.licence);
  if (grants.length === 0) redirect('/no-access');
  const directory = await hospitalDirectory(deps.exchange);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t('selectHospital.title')}</h1>
      <p className="text-muted">{t('selectHospital.intro')}</p>
      <ul className="space-y-3">
        {grants.map((g) => (
          <li key={g.id}>
            <form action={chooseHospital}>
              <input type="hidden" name="hospitalCode" value={g.hospitalCode} />
              <button
                type="submit"
                className="card flex w-full items-center justify-between text-left hover:border-brand"
                aria-current={g.hospitalCode === session.hospitalCode ? 'true' : undefined}
              >
                <span className="font-semibold">{hospitalLabel(directory, g.hospitalCode, lang)}</span>
                <span className="rounded bg-info-bg px-2 py-1 text-sm text-info">
                  {t(g.role === 'ed' ? 'selectHospital.role.ed' : 'selectHospital.role.doctor')}
                  {g.hospitalCode === session.hospitalCode ? ` · ${t('selectHospital.current')}` : ''}
                </span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
});
