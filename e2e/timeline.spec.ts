import { expect, test, type Page } from '@playwright/test';
import { consentTo, expectAccessible, sandboxControl, signInAt } from './support';

// Dr Kamonwan (three hospitals) so that the consent spec's resend limits for ว.12345 never interfere.
async function signInAtKlang(page: Page): Promise<void> {
  await signInAt(page, 'ว.34567', '112233', '11535');
}

/**
 * The record page's own read requests: `timeline` (all hospitals, streamed) or `hospitals/<hcode>` (one
 * hospital, a retry). The first load makes none: the answers come in the page's own response.
 */
function recordReads(page: Page): string[] {
  const reads: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/access\/[0-9a-f-]{36}\/(timeline|hospitals\/\d{5})/.exec(r.url());
    if (m) reads.push(m[1]!);
  });
  return reads;
}

/**
 * Content-Encoding and X-Accel-Buffering of each response of the record page (the document or its React
 * payload), which carries the hospitals' answers as they come: compressed, never buffered by a proxy.
 */
function recordPageEncodings(page: Page): string[] {
  const encodings: string[] = [];
  page.on('response', (r) => {
    if (/\/patient\/[0-9a-f-]{36}(\?|$)/.test(r.url()) && r.status() === 200)
      encodings.push(`${r.headers()['content-encoding'] ?? 'none'} ${r.headers()['x-accel-buffering'] ?? ''}`);
  });
  return encodings;
}

/** Pairs of rendered timeline rows whose boxes overlap (a row drawn over the next one hides it). */
async function overlappingRows(page: Page): Promise<string[]> {
  const boxes = await page.getByTestId('timeline-entry').evaluateAll((els) =>
    els
      .map((e) => ({
        top: e.getBoundingClientRect().top,
        bottom: e.getBoundingClientRect().bottom,
        text: (e.textContent ?? '').slice(0, 40),
      }))
      .sort((a, b) => a.top - b.top),
  );
  const overlaps: string[] = [];
  for (let i = 1; i < boxes.length; i++)
    if (boxes[i - 1]!.bottom > boxes[i]!.top + 1) overlaps.push(`${boxes[i - 1]!.text} / ${boxes[i]!.text}`);
  return overlaps;
}

test.afterEach(async () => {
  await sandboxControl('/_sandbox/faults', { '13781': null, '10661': null });
});

test('the timeline fills hospital by hospital, shows conflicts and cross-checks, and charts labs', async ({ page }) => {
  // Siriraj answers slowly: the other hospitals' entries must be on screen before it answers. Rajavithi
  // answers last, and its entries are the newest: they go in above rows already drawn and measured.
  await sandboxControl('/_sandbox/faults', { '13781': { latencyMs: 4000 }, '10661': { latencyMs: 6000 } });
  const reads = recordReads(page);
  const encodings = recordPageEncodings(page);
  await page.setViewportSize({ width: 820, height: 1180 }); // a tablet: long entries wrap onto two lines
  await signInAtKlang(page);
  await consentTo(page, '3100400123456', '0812345678');

  await expect(page.getByTestId('patient-banner')).toContainText('สมศรี มีสุข');
  const siriraj = page.locator('[data-hospital="13781"]');
  await expect(page.locator('[data-hospital="11535"]')).toHaveAttribute('data-status', 'answered');
  await expect(page.getByTestId('timeline-entry').first()).toBeVisible();
  await expect(siriraj).toHaveAttribute('data-status', 'waiting');
  await expect(siriraj).toHaveAttribute('data-status', 'answered', { timeout: 20_000 });
  // Every hospital was asked with the page request and answered in the page's own response, each as soon as
  // it answered (Siriraj after the others were on screen), compressed: no read request of the browser's own.
  expect(reads).toEqual([]);
  expect(encodings.length).toBeGreaterThan(0);
  expect(new Set(encodings)).toEqual(new Set(['gzip no']));
  await expect(page.locator('[data-hospital="10661"]')).toHaveAttribute('data-status', 'answered', { timeout: 20_000 });
  // The late entries were merged in above and among the others: no row is drawn over another.
  await page.getByTestId('timeline-scroll').scrollIntoViewIfNeeded();
  await expect.poll(() => overlappingRows(page)).toEqual([]);

  // Allergy recorded at two hospitals, a "no known allergies" elsewhere, and an active penicillin drug.
  const allergies = page.getByTestId('allergy-panel');
  await expect(allergies.getByTestId('allergy-row').first()).toBeVisible();
  await expect(allergies).toContainText(/เพนิซิลลิน|Penicillin/i);
  await expect(page.getByTestId('cross-check').first()).toBeVisible();
  await expect(page.getByTestId('med-conflict').first()).toBeVisible();
  await expectAccessible(page);

  // Filters: only medications, then a text search.
  await page.getByLabel('ประเภท').selectOption('medication');
  const kinds = await page.getByTestId('timeline-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(['medication']));

  // The detail drawer: every field as text, the status in Thai (not the FHIR code), closed with Escape.
  await page.getByTestId('timeline-entry').filter({ hasNotText: '🔒' }).first().getByRole('button').click();
  const detail = page.getByRole('dialog');
  await expect(detail).toContainText('ทรัพยากรต้นทาง');
  await expect(detail.locator('dd').nth(2)).toHaveText(/^(ใช้อยู่|เสร็จสิ้น|หยุดแล้ว|พักไว้)$/);
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await page.getByRole('tab', { name: /ผลแล็บ/ }).click();
  await expect(page.getByTestId('trend-chart')).toBeVisible();
  await expect(page.getByTestId('trend-chart').locator('.recharts-line').first()).toBeVisible();
  await expect(page.getByTestId('lab-table')).toBeVisible();
  await expectAccessible(page);

  // The print view carries who printed it and every hospital's status.
  const url = page.url();
  await page.goto(`${url}/print`);
  await expect(page.getByTestId('print-summary')).toContainText('พิมพ์โดย');
  await expect(page.getByTestId('print-summary')).toContainText('ว.34567');
  await expectAccessible(page);
});

test('a failing hospital is flagged and retried without hiding the others', async ({ page }) => {
  await sandboxControl('/_sandbox/faults', { '10661': { errorRate: 1 } });
  const reads = recordReads(page);
  await signInAtKlang(page);
  await consentTo(page, '3100400890121', '0889012345');
  const rajavithi = page.locator('[data-hospital="10661"]');
  await expect(rajavithi).toHaveAttribute('data-status', 'error');
  await expect(page.locator('[data-hospital="11535"]')).toHaveAttribute('data-status', 'answered');
  await sandboxControl('/_sandbox/faults', { '10661': null });
  await rajavithi.getByRole('button', { name: /ลองใหม่/ }).click();
  await expect(rajavithi).toHaveAttribute('data-status', 'answered');
  // The retry asks that one hospital again, not all of them (the first answers came in the page's response).
  expect(reads).toEqual(['hospitals/10661']);
});

test('a sealed record opens only with a reason', async ({ page }) => {
  await signInAtKlang(page);
  await consentTo(page, '3100400234568', '0823456789');
  await expect(page.locator('[data-hospital="13781"]')).toHaveAttribute('data-status', 'answered');
  // Siriraj's psychiatric diagnosis arrives as a sealed stub: no name, no code.
  await page.getByLabel('ประเภท').selectOption('condition');
  await page.getByLabel('โรงพยาบาล', { exact: true }).selectOption('13781');
  await expect(page.getByTestId('timeline')).not.toContainText('ซึมเศร้า');
  await page
    .getByRole('button', { name: /บันทึกที่ปิดผนึก/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/เหตุผลทางคลินิก/).fill('สั้น');
  await dialog.getByRole('button', { name: 'เปิดดูและบันทึกเหตุผล' }).click();
  await expect(dialog.getByRole('alert')).toContainText('อย่างน้อย 10 ตัวอักษร');
  await expectAccessible(page);
  await dialog.getByLabel(/เหตุผลทางคลินิก/).fill('ประเมินยาที่ใช้ร่วมก่อนสั่งยาใหม่');
  await dialog.getByRole('button', { name: 'เปิดดูและบันทึกเหตุผล' }).click();
  await expect(page.getByTestId('timeline')).toContainText('ซึมเศร้า');
  // Opened for this access, it stays open when the whole record is read again (the page's own request).
  await page.reload();
  await expect(page.locator('[data-hospital="13781"]')).toHaveAttribute('data-status', 'answered');
  await page.getByLabel('ประเภท').selectOption('condition');
  await page.getByLabel('โรงพยาบาล', { exact: true }).selectOption('13781');
  await expect(page.getByTestId('timeline')).toContainText('ซึมเศร้า');
});

test('a large hospital answer arrives in parts that add up to the whole answer, all of that hospital', async ({ page }) => {
  await signInAtKlang(page);
  await consentTo(page, '3100400678903', '0867890123'); // ~1,900 records at each of 12 hospitals
  const accessId = /\/patient\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  await page.goto('/patients'); // the record page's own load is not what this test reads

  const res = await page.request.get(`/api/access/${accessId}/timeline?h=11535`);
  expect(res.status()).toBe(200);
  const lines = (await res.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { hcode: string; facts?: { id: string }[]; view?: { records: number; facts: { id: string }[] } });
  const parts = lines.slice(0, -1);
  const last = lines.at(-1)!;
  expect(parts.length).toBeGreaterThanOrEqual(3);
  expect(parts.every((l) => l.hcode === '11535' && l.facts?.length === 500)).toBe(true);
  expect(last.hcode).toBe('11535');
  const ids = [...parts.flatMap((l) => l.facts!), ...last.view!.facts].map((f) => f.id);
  expect(ids.length).toBe(last.view!.records);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.every((id) => id.startsWith('11535/'))).toBe(true);
});
