/**
 * People who share a name, so that search by name has something to narrow: seven more women called
 * สมศรี มีสุข / Somsri Meesuk beside the demo Somsri (one born the same year, 1964 = 2507 BE, on another
 * day), and twelve men called สมชาย ใจดี / Somchai Jaidee all born in 1975 (2518 BE), more than a birth
 * year can narrow to ten. Each has a phone and a short history at one to three hospitals they share with.
 * Fixed names and birth dates (the tests name them); CIDs, phones and hospitals come from the seed.
 */
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { CID_NOT_IN_EXCHANGE, DEMO_PATIENTS, HOSPITALS } from './demo-catalog';
import type { IndexPatient } from './model';
import { Rng, deriveSeed } from './rng';
import { chartFor, type Ctx } from './story-kit';

type Namesake = Pick<IndexPatient, 'prefixTh' | 'givenTh' | 'familyTh' | 'givenEn' | 'familyEn' | 'gender' | 'birthDate'>;

const DEMO_SOMSRI = DEMO_PATIENTS.find((p) => p.story === 'somsri')!;
/** Another woman with the demo Somsri's name (same prefix, names and sex), born on another day. */
const somsri = (birthDate: string): Namesake => {
  const { prefixTh, givenTh, familyTh, givenEn, familyEn, gender } = DEMO_SOMSRI;
  return { prefixTh, givenTh, familyTh, givenEn, familyEn, gender, birthDate };
};
const somchai = (birthDate: string): Namesake => ({
  prefixTh: 'นาย',
  givenTh: 'สมชาย',
  familyTh: 'ใจดี',
  givenEn: 'Somchai',
  familyEn: 'Jaidee',
  gender: 'male',
  birthDate,
});

/** The namesakes, in a fixed order (documented in docs/sandbox.md). */
export const NAMESAKES: readonly Namesake[] = [
  ...['1951-07-02', '1958-11-20', '1964-09-30', '1972-01-15', '1980-05-05', '1988-12-24', '1995-08-08'].map(somsri),
  ...Array.from({ length: 12 }, (_, i) => somchai(`1975-${String(i + 1).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`)),
];

/** Adds the namesakes to `patients` (after the demo patients and the crowd, whose CIDs it must not reuse). */
export function generateNamesakes(ctx: Ctx, seed: number, patients: IndexPatient[]): void {
  const rng = new Rng(deriveSeed(seed, 'namesakes'));
  const taken = new Set<string>([...patients.map((p) => p.cid), CID_NOT_IN_EXCHANGE]);
  const treatable = HOSPITALS.filter((h) => h.kind !== 'pharmacy');
  for (const n of NAMESAKES) {
    let cid: string;
    do {
      cid = withCitizenIdCheckDigit(`${rng.pick(['1', '3', '5'])}${String(rng.int(0, 99_999_999_999)).padStart(11, '0')}`);
    } while (taken.has(cid));
    taken.add(cid);
    const p: IndexPatient = { ...n, cid, language: 'th', sharesWith: [], localIds: {} };
    p.phone = `08${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    const hospitals = rng.sample(treatable, rng.int(1, 3));
    for (const h of hospitals) {
      const chart = chartFor(ctx, p, h.hcode);
      chart.encounter({ daysAgo: rng.int(10, 900), kind: 'AMB', reason: 'ตรวจสุขภาพ / Check-up' });
    }
    p.sharesWith = hospitals.map((h) => h.hcode);
    patients.push(p);
  }
}
