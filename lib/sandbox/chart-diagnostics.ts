/** Results: observations (lab and vital signs), lab panels and imaging reports. */
import type { DiagnosticReport, Encounter, Observation, Reference } from '@medplum/fhirtypes';
import { IMAGING_STUDIES, SYSTEMS } from '../clinical/terminology';
import { ANALYTE_PROFILE } from './analyte-profiles';
import { CATEGORY_SYSTEMS, MODALITY_EXTENSION, analyte, cc, escapeXml, findByKey, qty, round, type Sensitivity } from './chart-coding';
import type { ChartCore } from './chart-core';
import { dateTimeDaysAgo } from './chart-dates';

export interface ObservationOptions {
  daysAgo: number;
  value: number;
  encounter?: Reference<Encounter>;
  sensitivity?: Sensitivity;
  /** Overrides the hospital's unit for this analyte. */
  unit?: string;
  minute?: number;
}

export function writeObservation(chart: ChartCore, key: string, opts: ObservationOptions): Observation {
  const a = analyte(key);
  const profile = ANALYTE_PROFILE[key];
  if (!profile) throw new Error(`no profile for ${key}`);
  const unit = opts.unit ?? chart.style.units[key] ?? a.unit;
  const conversion = a.conversions.find((c) => c.unit === unit);
  const toUnit = (canonical: number): number => (conversion ? (canonical - (conversion.offset ?? 0)) / conversion.factor : canonical);
  const decimals = conversion ? Math.max(profile.decimals, unit === 'mmol/L' ? 1 : 0) : profile.decimals;
  const value = round(toUnit(opts.value), decimals);
  const effective = dateTimeDaysAgo(opts.daysAgo, opts.minute ?? 8 * 60 + 10);
  const obs: Observation = {
    resourceType: 'Observation',
    id: chart.newId('Observation'),
    meta: chart.meta(dateTimeDaysAgo(opts.daysAgo, (opts.minute ?? 8 * 60 + 10) + 120), opts.sensitivity),
    status: 'final',
    category: [
      {
        coding: [
          { system: CATEGORY_SYSTEMS.observation, code: a.category, display: a.category === 'laboratory' ? 'Laboratory' : 'Vital Signs' },
        ],
      },
    ],
    code: chart.labCode(a),
    subject: chart.patientRef,
    effectiveDateTime: effective,
    issued: dateTimeDaysAgo(opts.daysAgo, (opts.minute ?? 8 * 60 + 10) + 90).replace('+07:00', '.000+07:00'),
    performer: [chart.orgRef()],
    valueQuantity: qty(value, unit),
  };
  if (opts.encounter) obs.encounter = opts.encounter;
  if (profile.high > 0) {
    const low = round(toUnit(profile.low * (key === 'egfr' || profile.low === 0 ? 1 : chart.style.rangeSkew)), decimals);
    const high = round(toUnit(profile.high * (2 - chart.style.rangeSkew)), decimals);
    obs.referenceRange = [{ low: qty(low, unit), high: qty(high, unit), text: `${low}–${high} ${unit}` }];
    const flag = value > high * 1.5 ? 'HH' : value > high ? 'H' : value < low * 0.6 ? 'LL' : value < low ? 'L' : 'N';
    const display = { HH: 'Critical high', H: 'High', LL: 'Critical low', L: 'Low', N: 'Normal' }[flag];
    obs.interpretation = [{ coding: [{ system: CATEGORY_SYSTEMS.interpretation, code: flag, display }] }];
  }
  return chart.push(obs);
}

export function writeBloodGroup(chart: ChartCore, daysAgo: number, text: string, snomed: string): Observation {
  return chart.push<Observation>({
    resourceType: 'Observation',
    id: chart.newId('Observation'),
    meta: chart.meta(dateTimeDaysAgo(daysAgo, 10 * 60)),
    status: 'final',
    category: [{ coding: [{ system: CATEGORY_SYSTEMS.observation, code: 'laboratory', display: 'Laboratory' }] }],
    code: cc([{ system: SYSTEMS.loinc, code: '882-1', display: 'ABO and Rh group [Type] in Blood' }], 'Blood group'),
    subject: chart.patientRef,
    effectiveDateTime: dateTimeDaysAgo(daysAgo, 9 * 60),
    performer: [chart.orgRef()],
    valueCodeableConcept: cc([{ system: SYSTEMS.snomed, code: snomed, display: text }], text),
  });
}

export function writeLabReport(
  chart: ChartCore,
  title: string,
  results: Observation[],
  daysAgo: number,
  conclusion: string,
  sensitivity?: Sensitivity,
): DiagnosticReport {
  return chart.push<DiagnosticReport>({
    resourceType: 'DiagnosticReport',
    id: chart.newId('DiagnosticReport'),
    meta: chart.meta(dateTimeDaysAgo(daysAgo, 11 * 60), sensitivity),
    status: 'final',
    category: [
      {
        coding: [
          { system: CATEGORY_SYSTEMS.v20074, code: 'LAB', display: 'Laboratory' },
          { system: CATEGORY_SYSTEMS.observation, code: 'laboratory', display: 'Laboratory' },
        ],
      },
    ],
    code: { text: title },
    subject: chart.patientRef,
    effectiveDateTime: dateTimeDaysAgo(daysAgo, 8 * 60 + 10),
    issued: dateTimeDaysAgo(daysAgo, 10 * 60 + 30).replace('+07:00', '.000+07:00'),
    performer: [chart.orgRef()],
    result: results.map((r) => chart.ref(r)),
    conclusion,
  });
}

export function writeImagingReport(
  chart: ChartCore,
  studyKey: string,
  daysAgo: number,
  findings: string,
  conclusion: string,
  conclusionSnomed?: { code: string; display: string },
  encounter?: Reference<Encounter>,
): DiagnosticReport {
  const s = findByKey(IMAGING_STUDIES, studyKey, 'imaging study');
  const reportText = `${s.en} (${s.th})\nFindings: ${findings}\nImpression: ${conclusion}`;
  const report: DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id: chart.newId('DiagnosticReport'),
    meta: chart.meta(dateTimeDaysAgo(daysAgo, 15 * 60)),
    status: 'final',
    extension: [{ url: MODALITY_EXTENSION, valueCoding: { system: SYSTEMS.dicomModality, code: s.modality } }],
    category: [
      {
        coding: [
          { system: CATEGORY_SYSTEMS.v20074, code: 'RAD', display: 'Radiology' },
          { system: CATEGORY_SYSTEMS.observation, code: 'imaging', display: 'Imaging' },
        ],
      },
    ],
    code: cc(
      [
        { system: SYSTEMS.loinc, code: s.loinc, display: s.en },
        { system: SYSTEMS.dicomModality, code: s.modality },
      ],
      s.en,
    ),
    subject: chart.patientRef,
    effectiveDateTime: dateTimeDaysAgo(daysAgo, 13 * 60),
    issued: dateTimeDaysAgo(daysAgo, 15 * 60).replace('+07:00', '.000+07:00'),
    performer: [chart.orgRef()],
    conclusion,
    presentedForm: [
      { contentType: 'text/plain; charset=utf-8', language: 'en', title: s.en, data: Buffer.from(reportText, 'utf8').toString('base64') },
    ],
    text: {
      status: 'generated',
      div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(findings)}</p><p><b>Impression:</b> ${escapeXml(conclusion)}</p></div>`,
    },
  };
  if (conclusionSnomed) report.conclusionCode = [cc([{ system: SYSTEMS.snomed, ...conclusionSnomed }], conclusionSnomed.display)];
  if (encounter) report.encounter = encounter;
  return chart.push(report);
}
