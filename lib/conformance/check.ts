/**
 * Checks one expected source item against what the viewer made of it: the fact from toClinicalFacts and
 * the merged model from mergeTimeline. Returns the reasons it is not shown as the source said (none = shown).
 */
import type { ClinicalFact, EmergencySummary, TimelineModel } from '../clinical/types';
import type { ExpectedItem } from './expected';

/** FHIR status codes the model states in other words (everything else must arrive as written). */
const STATUS_WORDS: Record<string, string> = {
  recurrence: 'active',
  relapse: 'active',
  remission: 'inactive',
  corrected: 'amended',
  appended: 'amended',
  partial: 'preliminary',
  registered: 'preliminary',
  draft: 'intended',
  declined: 'cancelled',
};

const NOT_A_LABEL = /^(unknown|ไม่ทราบ)$/i;

function labelProblem(label: string | undefined, lang: string): string | undefined {
  if (label === undefined || label.trim() === '') return `blank ${lang} label`;
  if (NOT_A_LABEL.test(label.trim())) return `${lang} label is "${label}"`;
  return undefined;
}

/** Why the section that should list this fact does not (undefined when it does). */
function sectionProblem(fact: ClinicalFact, entryId: string, model: TimelineModel): string | undefined {
  switch (fact.kind) {
    case 'allergy':
      if (fact.noKnownAllergy)
        return model.allergyCoverage.some((c) => c.hospitalCode === fact.hospitalCode && c.state !== 'nothing-recorded')
          ? undefined
          : 'no-known-allergy not in allergy coverage';
      return model.allergies.some((a) => a.statements.some((s) => s.factId === fact.id)) ? undefined : 'not in the allergy list';
    case 'medication':
      // "No known medications" is its hospital's statement beside the list, never a row of it.
      if (fact.noneKnown === true)
        return model.medicationStatements.some((s) => s.hospitalCode === fact.hospitalCode)
          ? undefined
          : 'no-known-medications not among the medication statements';
      return model.medications.some((m) => m.key === fact.conceptKey) ? undefined : 'not in the medication list';
    case 'condition':
      if (fact.noneKnown === true)
        return model.problemStatements.some((s) => s.hospitalCode === fact.hospitalCode)
          ? undefined
          : 'no-current-problems not among the problem statements';
      return [...model.problems, ...model.resolvedProblems].some((p) => p.conceptKey === fact.conceptKey)
        ? undefined
        : 'not in the problem list';
    case 'immunization':
      return model.immunizations.some((i) => i.entryId === entryId) ? undefined : 'not in the immunization list';
    case 'procedure':
      return model.procedures.some((p) => p.entryId === entryId) ? undefined : 'not in the procedure list';
    case 'lab':
    case 'vital':
      if (fact.value !== undefined)
        return [...model.labs, ...model.vitals].some((s) => s.points.some((p) => p.factId === fact.id))
          ? undefined
          : 'value not in any result series';
      if (fact.valueText !== undefined)
        return model.codedResults.some((e) => e.id === entryId) ? undefined : 'coded value not in the coded results';
      return undefined; // no value (a grouping panel, a result not performed): the timeline entry is its place
    case 'lab-report':
    case 'imaging':
    case 'encounter':
    case 'document':
      return model.documents.some((d) => d.factId === fact.id) ? undefined : 'not in the documents list';
    case 'flag':
      return undefined;
  }
}

/** The reasons `item` is not shown as the source wrote it; an empty list means it is. */
export function checkItem(item: ExpectedItem, factId: string, facts: readonly ClinicalFact[], model: TimelineModel): string[] {
  const fact = facts.find((f) => f.id === factId);
  if (fact === undefined) return ['no fact was made from it'];
  const problems: string[] = [];
  // The route seals labelled records until a reason is given; nothing in this corpus is labelled.
  if (fact.sealed !== undefined) problems.push(`sealed (${fact.sealed.labels.join(', ')})`);
  if (item.codes.length > 0) {
    if (!fact.codes.some((c) => item.codes.some((s) => s.system === c.system && s.code === c.code)))
      problems.push('none of its codings is on the fact');
  } else if (item.words.length > 0 && !item.words.includes(fact.display)) {
    problems.push(`uncoded, and its text is not the display ("${fact.display}")`);
  }
  if (item.status !== undefined) {
    const want = STATUS_WORDS[item.status] ?? item.status;
    if (fact.status !== want) problems.push(`status ${fact.status}, source says ${item.status}`);
  }
  if (item.dates.length > 0) {
    const day = fact.date?.slice(0, 10);
    if (day === undefined || !item.dates.some((d) => d.slice(0, 10) === day))
      problems.push(`date ${String(fact.date)}, source says ${item.dates.join(' / ')}`);
  } else if (fact.date !== null) {
    problems.push(`date ${fact.date} where the source gives none`);
  }
  for (const p of [labelProblem(fact.nameEn ?? fact.display, 'English'), labelProblem(fact.nameTh ?? fact.display, 'Thai')])
    if (p !== undefined) problems.push(p);
  // A code our tables do not know is shown with the source's own words.
  if (fact.nameEn === undefined && item.words.length > 0 && !item.words.includes(fact.display))
    problems.push(`display "${fact.display}" is not the source's own`);
  const entry = model.entries.find((e) => e.sources.some((s) => s.id === factId));
  if (entry === undefined) problems.push('not on the merged timeline');
  else {
    const missing = sectionProblem(fact, entry.id, model);
    if (missing !== undefined) problems.push(missing);
  }
  return problems;
}

/** Labels in the emergency summary (allergies, current medicines, active problems) that are blank or "unknown". */
export function emergencyLabelProblems(summary: EmergencySummary): string[] {
  const rows: { section: string; display: string; nameTh?: string }[] = [
    ...summary.allergies.map((a) => ({ section: 'allergy', ...a })),
    ...summary.medications.map((m) => ({ section: 'medication', ...m })),
    ...summary.problems.map((p) => ({ section: 'problem', ...p })),
  ];
  const out: string[] = [];
  for (const r of rows) {
    for (const p of [labelProblem(r.display, 'English'), labelProblem(r.nameTh ?? r.display, 'Thai')])
      if (p !== undefined) out.push(`emergency ${r.section}: ${p}`);
  }
  return out;
}
