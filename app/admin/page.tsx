import { AddDoctorForm } from '@/components/admin/add-doctor-form';
import { DoctorTable } from '@/components/admin/doctor-table';
import { listHospitalDoctors } from '@/lib/admin/doctor-access';
import { thaiDateOf } from '@/lib/admin/grant-rules';
import { grantStatusFilterSchema } from '@/lib/admin/schemas';
import { requireAdminPage } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { getLocale } from '@/lib/i18n/server';
import { addDoctorAction, lookupDoctorAction } from './actions';

export default async function AdminDoctorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage();
  const { t } = await getLocale();
  const filter = grantStatusFilterSchema.parse((await searchParams).status);
  const rows = await listHospitalDoctors(await db(), admin.hospitalCode, filter);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('admin.doctors.title')}</h1>
      <AddDoctorForm lookup={lookupDoctorAction} add={addDoctorAction} today={thaiDateOf(new Date())} />
      <DoctorTable rows={rows} filter={filter} />
    </div>
  );
}
