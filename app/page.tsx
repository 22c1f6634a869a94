import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth/guard';
import { appDeps } from '@/lib/entry/deps';
import { publicPage } from '@/lib/entry/pages';

/** Sends whoever arrives to where they belong: sign-in, the admin console, the hospital chooser or patient search. */
export default publicPage(async function Home() {
  const user = await currentUser(await appDeps());
  if (!user) redirect('/login');
  if (user.kind === 'admin') redirect('/admin');
  redirect(user.hospitalCode ? '/patients' : '/select-hospital');
});
