import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth/guard';

export default async function Home() {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (user.kind === 'admin') redirect('/admin');
  redirect(user.hospitalCode ? '/patients' : '/select-hospital');
}
