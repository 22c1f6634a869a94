import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { consentTo, DEMO_SERVICE_TOKEN, signInAt } from './support';

// Boonchai shares with Taksin, Charoenkrung and Siriraj (lib/sandbox/demo-catalog.ts).
const BOONCHAI = { cid: '3100400234568', phone: '0823456789', hospitals: ['10702', '11536', '13781'] };

/** This access's clinical reads in the audit trail, counted per hospital (through the patient app's access log). */
async function readsPerHospital(request: APIRequestContext, accessId: string): Promise<Record<string, number>> {
  const res = await request.get(`/api/patients/${BOONCHAI.cid}/access-log`, { headers: { authorization: `Bearer ${DEMO_SERVICE_TOKEN}` } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { entries: { action: string; accessRef: string | null; what: { hospitals: string[] } }[] };
  const counts: Record<string, number> = {};
  for (const e of body.entries)
    if (e.action === 'clinical-read' && e.accessRef === accessId) for (const h of e.what.hospitals) counts[h] = (counts[h] ?? 0) + 1;
  return counts;
}

async function everyHospitalOnScreen(page: Page): Promise<void> {
  for (const h of BOONCHAI.hospitals) await expect(page.locator(`[data-hospital="${h}"]`)).toHaveAttribute('data-status', 'answered');
}

test('the hospitals asked with the page request are each read, and audited, exactly once per load of the record', async ({
  page,
  request,
}) => {
  await signInAt(page, 'ว.34567', '112233', '11535');
  await consentTo(page, BOONCHAI.cid, BOONCHAI.phone);
  const accessId = /\/patient\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  await everyHospitalOnScreen(page);
  const once = Object.fromEntries(BOONCHAI.hospitals.map((h) => [h, 1]));
  await expect.poll(() => readsPerHospital(request, accessId)).toEqual(once);

  // A full load of the page (the document this time, not a client navigation) reads each hospital once more.
  await page.reload();
  await everyHospitalOnScreen(page);
  await expect.poll(() => readsPerHospital(request, accessId)).toEqual(Object.fromEntries(BOONCHAI.hospitals.map((h) => [h, 2])));
});
