/** Prints the current TOTP code of a demo admin, so the demo works without a phone. Refused in production. */
import { parseEnv } from '../env';
import { totpAt, totpStep } from '../auth/totp';
import { DEMO_ADMINS } from './demo-seed';

const username = process.argv[2];
const appEnv = parseEnv(process.env);
if (process.env.APP_ENV === 'production' || (appEnv.ok && appEnv.env.APP_ENV === 'production')) {
  console.error('admin:totp is for the sandbox demo only and is refused when APP_ENV=production.');
  process.exit(1);
}
const admin = DEMO_ADMINS.find((a) => a.username === username);
if (!admin) {
  console.error(`Usage: npm run admin:totp -- <${DEMO_ADMINS.map((a) => a.username).join('|')}>`);
  process.exit(1);
}
const step = totpStep(new Date());
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(`${totpAt(admin.totpSecret, step)}   (valid for ${secondsLeft} s more)`);
