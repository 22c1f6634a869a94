import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_ADMINS } from '../../lib/admin/demo-admins';
import { consentTo, signInAdminAs, signInDoctor } from '../support';

/*
 * Every page, route handler and server action the production build contains — read from the build's own
 * manifests, so a new one is tested the day it is added — refuses a caller without a session, a caller of
 * the wrong kind, and a doctor holding another doctor's access id. What anyone may open is named here with
 * the same list as lib/entry/entry-points.test.ts.
 */
const dist = path.resolve(import.meta.dirname, '../..', process.env.NEXT_DIST_DIR ?? '.next', 'server');
const appPaths = Object.keys(JSON.parse(readFileSync(path.join(dist, 'app-paths-manifest.json'), 'utf8')) as Record<string, string>);
const actionManifest = JSON.parse(readFileSync(path.join(dist, 'server-reference-manifest.json'), 'utf8')) as {
  node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
};

const PUBLIC_PAGES = ['/', '/login', '/admin/login', '/signout', '/no-access', '/admin/setup/[token]', '/_not-found', '/_global-error'];
const PUBLIC_ROUTES = ['/api/health', '/api/ready', '/api/auth/[...nextauth]', '/api/csp-report'];
const PUBLIC_ACTIONS = ['app/preferences-actions.ts', 'app/admin/setup/[token]/actions.ts'];

const FOREIGN_ACCESS = '00000000-0000-4000-8000-000000000000';
const SAMPLE: Record<string, string> = {
  accessId: FOREIGN_ACCESS,
  id: '00000000-0000-4000-8000-000000000001',
  hcode: '11535',
  // Both [type] routes (a document, the original record) check their type before the guard runs: one they read.
  type: 'DocumentReference',
  cid: '3100400123456',
  token: 'x'.repeat(43),
  '...nextauth': 'session',
};
const fill = (route: string, values = SAMPLE) => route.replace(/\[([^\]]+)\]/g, (_, name: string) => values[name] ?? 'x');

const pages = appPaths.filter((p) => p.endsWith('/page')).map((p) => p.slice(0, -'/page'.length) || '/');
const routes = appPaths.filter((p) => p.endsWith('/route')).map((p) => p.slice(0, -'/route'.length));
const adminArea = (p: string) => p === '/admin' || p.startsWith('/admin/');
const actions = Object.entries(actionManifest.node).map(([id, a]) => ({
  id,
  file: a.filename,
  name: a.exportedName,
  page:
    Object.keys(a.workers)[0]!
      .replace(/^app/, '')
      .replace(/\/page$/, '') || '/',
}));

/** Calls a server action the way a hand-made POST would: its id, one argument, no page around it. */
async function callAction(
  request: APIRequestContext,
  action: (typeof actions)[number],
  arg: unknown,
): Promise<{ status: number; location: string; body: string }> {
  const res = await request.post(fill(action.page), {
    headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify([arg]),
    maxRedirects: 0,
  });
  return {
    status: res.status(),
    location: `${res.headers()['x-action-redirect'] ?? ''}${res.headers().location ?? ''}`,
    body: await res.text(),
  };
}

/**
 * A refusal of an action: a redirect to a sign-in page, or the signed-out value (the Result failure
 * `{ ok: false, reason: 'signed-out' }`, as the action's JSON response carries it) — never the action's effect.
 */
function expectActionRefused(result: { status: number; location: string; body: string }, signIn: RegExp, what: string): void {
  const refused = signIn.test(result.location) || result.body.includes('"ok":false,"reason":"signed-out"') || result.status === 404;
  expect(refused, `${what} answered ${result.status} ${result.location} ${result.body.slice(0, 200)}`).toBe(true);
}

test('the build has the entry points this test expects to walk', () => {
  expect(pages.length).toBeGreaterThanOrEqual(17);
  expect(routes.length).toBeGreaterThanOrEqual(12);
  expect(actions.length).toBeGreaterThanOrEqual(12);
});

test('without a session, every page sends to sign-in, every route refuses and every action is refused', async ({ request }) => {
  for (const p of pages.filter((p) => !PUBLIC_PAGES.includes(p))) {
    const res = await request.get(fill(p), { maxRedirects: 0 });
    expect([303, 307], `${p} answered ${res.status()}`).toContain(res.status());
    expect(res.headers().location, p).toMatch(adminArea(p) ? /^\/admin\/login/ : /^\/login/);
  }
  for (const r of routes.filter((r) => !PUBLIC_ROUTES.includes(r))) {
    for (const method of ['GET', 'POST'] as const) {
      const res = await request.fetch(fill(r), { method, data: method === 'POST' ? {} : undefined, maxRedirects: 0 });
      expect([401, 403, 404, 405], `${method} ${r} answered ${res.status()}`).toContain(res.status());
    }
  }
  for (const a of actions.filter((a) => !PUBLIC_ACTIONS.includes(a.file))) {
    expectActionRefused(await callAction(request, a, { accessId: FOREIGN_ACCESS }), /\/(admin\/)?login/, `${a.file}#${a.name}`);
  }
});

test('a doctor is refused everything of the admin console, and an admin everything of a doctor', async ({ page, browser }) => {
  await signInDoctor(page, 'ว.12345', '246810');
  await page.waitForURL(/\/patients$/);
  for (const p of pages.filter((p) => adminArea(p) && !PUBLIC_PAGES.includes(p))) {
    const res = await page.request.get(fill(p), { maxRedirects: 0 });
    expect(res.headers().location, p).toMatch(/^\/admin\/login/);
  }
  for (const r of routes.filter((r) => adminArea(r) && !r.includes('testing')))
    expect((await page.request.get(fill(r))).status(), r).toBe(401);
  for (const a of actions.filter((a) => a.file.startsWith('app/admin/') && !PUBLIC_ACTIONS.includes(a.file))) {
    expectActionRefused(await callAction(page.request, a, {}), /\/admin\/login/, `${a.file}#${a.name}`);
  }

  const admin = await (await browser.newContext()).newPage();
  await signInAdminAs(admin, DEMO_ADMINS[0]);
  for (const p of ['/patients', '/emergency', '/select-hospital', '/terms', fill('/patient/[accessId]')]) {
    const res = await admin.request.get(p, { maxRedirects: 0 });
    expect(res.headers().location, p).toMatch(/^\/login/);
  }
  for (const r of routes.filter((r) => r.startsWith('/api/access/') || r.startsWith('/emergency/') || r.startsWith('/patient/'))) {
    const res = await admin.request.fetch(fill(r), {
      method: r.startsWith('/emergency/') ? 'POST' : 'GET',
      data: r.startsWith('/emergency/') ? {} : undefined,
    });
    expect(res.status(), r).toBe(401);
  }
});

test("a doctor holding another doctor's access id sees nothing of that patient", async ({ page, browser }) => {
  // Dr Siriporn (Klang Ratchaburi 11539) opens Boonchai's record with his consent.
  await signInDoctor(page, 'ว.24680', '404040');
  await page.waitForURL(/\/patients$/);
  await consentTo(page, '3100400234568', '0823456789');
  const theirs = /\/patient\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  const ids = { ...SAMPLE, accessId: theirs, hcode: '13781' };
  expect((await page.request.get(fill('/api/access/[accessId]/hospitals/[hcode]', ids))).status()).toBe(200);

  // Dr Thanakorn (Rajavithi) tries the same id everywhere it can be used.
  const other: Page = await (await browser.newContext()).newPage();
  await signInDoctor(other, 'ว.13579', '303030');
  await other.waitForURL(/\/patients$/);
  for (const p of pages.filter((p) => p.includes('[accessId]'))) {
    const res = await other.request.get(fill(p, ids), { maxRedirects: 0 });
    expect(res.status(), p).toBe(404);
    expect(await res.text(), p).not.toContain('บุญชัย');
  }
  for (const r of routes.filter((r) => r.includes('[accessId]'))) {
    const res = await other.request.get(`${fill(r, ids)}?h=13781`);
    expect(res.status(), r).toBe(403);
    expect(await res.text(), r).not.toContain('บุญชัย');
  }
  for (const a of actions.filter((a) => a.page.includes('[accessId]'))) {
    const result = await callAction(
      other.request,
      { ...a, page: fill(a.page, ids) },
      { accessId: theirs, factId: '13781/Condition/x', reason: 'ตรวจสอบการเข้าถึงข้ามแพทย์' },
    );
    expect(result.body, `${a.file}#${a.name}`).not.toContain('"ok":true');
  }
  // The record is still open for its own doctor.
  expect((await page.request.get(fill('/api/access/[accessId]/hospitals/[hcode]', ids))).status()).toBe(200);
});

test('a server action from another site, too large, too deeply nested or undecodable is refused with 4xx before it runs, and counted', async ({
  request,
}) => {
  const action = actions.find((a) => a.name === 'lookupPatientAction')!;
  const post = (headers: Record<string, string>, body = '[{}]') =>
    request.post(action.page, {
      headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
      data: body,
      maxRedirects: 0,
    });
  expect((await post({ Origin: 'https://evil.example' })).status()).toBe(403);
  expect((await post({ Origin: 'null' })).status()).toBe(403);
  expect((await post({}, `[${'x'.repeat(1024 * 1024 + 10)}]`)).status()).toBe(413);
  expect((await post({}, `${'['.repeat(5000)}${']'.repeat(5000)}`)).status()).toBe(400);
  expect((await post({}, '[{"citizenId":')).status()).toBe(400);
  const metrics = await (await request.get('/api/metrics', { headers: { Authorization: 'Bearer demo-metrics-token-0123456789' } })).text();
  expect(metrics).toMatch(/hl_refused_requests_total\{reason="foreign-origin"\} [2-9]/);
  expect(metrics).toMatch(/hl_refused_requests_total\{reason="body-too-large"\} [1-9]/);
  expect(metrics).toMatch(/hl_refused_requests_total\{reason="too-deeply-nested"\} [1-9]/);
  expect(metrics).toMatch(/hl_refused_requests_total\{reason="undecodable-body"\} [1-9]/);
});
