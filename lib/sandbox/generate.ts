/**
 * The deterministic data generator. Pure: the same seed gives byte-identical output, and every date is
 * counted back from an anchor day (the day the sandbox starts; fixed in tests) so current things stay current.
 */
import { setAnchorDate } from './chart';
import { ANCHOR_DATE, DEMO_PATIENTS } from './demo-catalog';
import { STORIES, fromDemo } from './demo-stories';
import { DOCUMENT_STORIES } from './document-stories';
import type { Dataset, IndexPatient } from './model';
import { generateNamesakes } from './namesakes';
import { generatePopulation } from './population';
import { Rng, deriveSeed } from './rng';
import { LocalIds, type Ctx } from './story-kit';

export { GENERATED_PATIENT_COUNT } from './population';

/**
 * Generates the whole exchange: the patient index, consents and every hospital's records. Deterministic
 * for a seed; the demo patients' stories are fixed, the crowd around them is seeded.
 */
export function generateDataset(seed: number, anchorDate: string = ANCHOR_DATE): Dataset {
  setAnchorDate(anchorDate);
  const ctx: Ctx = { out: [], ids: new LocalIds(), charts: new Map() };
  const patients: IndexPatient[] = [];
  for (const d of DEMO_PATIENTS) {
    const p = fromDemo(d);
    if (d.story === 'john') {
      // A foreigner's Thai ID ("0…") exists, but hospitals know him by passport too.
      p.language = 'en';
    }
    STORIES[d.story](ctx, p, new Rng(deriveSeed(seed, d.story)));
    DOCUMENT_STORIES[d.story]?.(ctx, p);
    patients.push(p);
  }
  generatePopulation(ctx, seed, patients);
  generateNamesakes(ctx, seed, patients);
  return { patients, resources: ctx.out };
}
