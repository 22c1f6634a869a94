import { AddDoctorForm } from '@/components/admin/add-doctor-form';
import { DoctorTable } from '@/components/admin/doctor-table';
import { listHospitalDoctors } from '@/lib/admin/doctor-access';
import { thaiDateOf } from '@/lib/admin/grant-rules';
import { grantStatusFilterSchema } from '@/lib/admin/schemas';
import { adminPage } from '@/lib/entry/pages';
import { getLocale } from '@/lib/i18n/server';
import { addDoctorAction, lookupDoctorAction } from './actions';

export default adminPage(async function AdminDoctorsPage({ admin, searchParams, deps }) {
  const { t } = await getLocale();
  const filter = grantStatusFilterSchema.parse(searchParams.status);
  const rows = await listHospitalDoctors(deps.db, admin.hospitalCode, filter);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('admin.doctors.title')}</h1>
      <AddDoctorForm lookup={lookupDoctorAction} add={addDoctorAction} today={thaiDateOf(new Date())} />
      <DoctorTable rows={rows} filter={filter} />
    </div>
  );
});
