import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Every way into the app goes through lib/entry: a page, a route handler or a server action written any
 * other way fails here, so a new one cannot forget its check. What may be opened without signing in is
 * listed below by name, each with its reason; adding one is a reviewed change to this list.
 */
const root = path.resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const appFiles = filesUnder('app');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

const PUBLIC: Record<string, string> = {
  'app/page.tsx': 'sends whoever arrives to sign-in or to their start page',
  'app/login/page.tsx': 'the sign-in form',
  'app/admin/login/page.tsx': 'the admin sign-in form',
  'app/signout/page.tsx': 'signing out needs no valid session',
  'app/no-access/page.tsx': 'tells a doctor without any grant whom to ask; no personal data',
  'app/admin/setup/[token]/page.tsx': 'the one-time setup link: its token is the authorisation, checked by the use case',
  'app/admin/setup/[token]/actions.ts': 'the same one-time setup token, checked again by the use case',
  'app/preferences-actions.ts': 'language and calendar cookies, nothing personal',
  'app/api/health/route.ts': 'liveness for the load balancer, no personal data',
  'app/api/ready/route.ts': 'readiness for the load balancer, no personal data',
  'app/api/csp-report/route.ts': 'browsers report policy violations without credentials; only counts are kept',
  'app/api/auth/[...nextauth]/route.ts': "next-auth's own sign-in endpoints, which check the credentials",
};

describe('every entry point goes through lib/entry', () => {
  it('finds the app files', () => {
    expect(appFiles.filter((f) => f.endsWith('/page.tsx')).length).toBeGreaterThanOrEqual(15);
    expect(appFiles.filter((f) => f.endsWith('/route.ts')).length).toBeGreaterThanOrEqual(12);
  });

  it.each(appFiles.filter((f) => /(^|\/)page\.tsx$/.test(f)))('page %s is built by an entry constructor', (file) => {
    const source = read(file);
    const m = /export default (doctorPage|doctorSessionPage|doctorPasskeyPage|termsPage|patientPage|adminPage|publicPage)\(/.exec(source);
    expect(m, `${file} must export default doctorPage(…) / patientPage(…) / adminPage(…) / publicPage(…)`).not.toBeNull();
    expect(m![1] === 'publicPage', `${file}: public pages are listed in PUBLIC with a reason`).toBe(file in PUBLIC);
  });

  it.each(appFiles.filter((f) => /(^|\/)route\.ts$/.test(f)))('route %s is built by an entry constructor', (file) => {
    const source = read(file);
    expect(source, `${file} must not declare a bare handler`).not.toMatch(
      /export (async )?function (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/,
    );
    const kinds = [...source.matchAll(/= (doctorRoute|patientRoute|adminRoute|serviceRoute|publicRoute)\(/g)].map((m) => m[1]);
    expect(kinds.length, `${file} must build its handlers with an entry constructor`).toBeGreaterThan(0);
    expect(kinds.includes('publicRoute'), `${file}: public routes are listed in PUBLIC with a reason`).toBe(file in PUBLIC);
  });

  it.each(appFiles.filter((f) => /^['"]use server['"]/.test(read(f))))('server actions in %s are built by an entry constructor', (file) => {
    const source = read(file);
    const exported = [...source.matchAll(/^export (async function|function|const|let|var|type|interface) (\w+)(.*)$/gm)];
    expect(exported.length).toBeGreaterThan(0);
    for (const [line, kind, name, rest] of exported) {
      if (kind === 'type' || kind === 'interface') continue;
      expect(kind, `${file}: ${name} must be \`export const ${name} = …Action(…)\``).toBe('const');
      expect(rest, `${file}: ${line}`).toMatch(
        /^ = (formAction\(\s*)?(doctorAction|doctorSessionAction|doctorPasskeyAction|termsAction|patientAction|adminAction|publicAction)\(|^ = formAction\($/,
      );
    }
    expect(/publicAction\(/.test(source), `${file}: public actions are listed in PUBLIC with a reason`).toBe(file in PUBLIC);
  });

  it('app/ reaches the database, the adapters and the guards only through lib/entry', () => {
    const offenders = appFiles.filter((f) => /from '@\/lib\/(db|services)'|requireDoctor|requireAdmin|requirePatientAccess/.test(read(f)));
    expect(offenders).toEqual([]);
  });
});
