/**
 * The rules of Bundle-uv-ips and Composition-uv-ips that @medplum/core cannot apply (see ips-validator.ts),
 * read from the two StructureDefinitions themselves: required elements, fixed values and patterns, the
 * entry and section slices with their cardinalities, each section's code and the resource types its
 * entries may be, and the invariants bdl-ips-1 and ips-comp-1. Test support only.
 */
import type { ElementDefinition, StructureDefinition } from '@medplum/fhirtypes';

type Json = Record<string, unknown>;

export interface IpsIssue {
  /** Where: `Bundle`, `entry[3] AllergyIntolerance …` or `Composition.section[2]`, then the element path. */
  where: string;
  message: string;
}

function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function elementsOf(sd: StructureDefinition | undefined): ElementDefinition[] {
  return sd?.snapshot?.element ?? [];
}

/** Values at a dotted path below a node (arrays flattened). */
function valuesAt(node: unknown, pathParts: readonly string[]): unknown[] {
  let current: unknown[] = [node];
  for (const part of pathParts) {
    const next: unknown[] = [];
    for (const c of current) {
      if (!isJson(c)) continue;
      const v = c[part];
      if (Array.isArray(v)) next.push(...(v as unknown[]));
      else if (v !== undefined) next.push(v);
    }
    current = next;
  }
  return current;
}

/** True when `value` holds everything `pattern` says (FHIR pattern semantics: arrays match by inclusion). */
function includesPattern(value: unknown, pattern: unknown): boolean {
  if (Array.isArray(pattern)) return Array.isArray(value) && pattern.every((p) => value.some((v) => includesPattern(v, p)));
  if (isJson(pattern)) return isJson(value) && Object.entries(pattern).every(([k, p]) => includesPattern(value[k], p));
  return value === pattern;
}

/** The resource type a profile canonical constrains (profiles not in the folder are named Type-…). */
function typeOfProfile(url: string, profiles: ReadonlyMap<string, StructureDefinition>): string {
  const canonical = url.split('|')[0] ?? url;
  for (const sd of profiles.values()) if (sd.url === canonical) return sd.type ?? '';
  const last = canonical.split('/').pop() ?? '';
  return last.split('-')[0] ?? last;
}

/** Required children (min ≥ 1, not in a slice) of `prefix` in the profile, checked on each node. */
function requiredChildren(nodes: unknown[], elements: ElementDefinition[], prefix: string, where: (i: number) => string): IpsIssue[] {
  const out: IpsIssue[] = [];
  for (const el of elements) {
    const id = el.id ?? '';
    if (!id.startsWith(`${prefix}.`) || id.includes(':') || (el.min ?? 0) < 1) continue;
    const rest = id.slice(prefix.length + 1).split('.');
    // Only children whose parent is present (a required child of an absent optional element is no error).
    const parent = rest.slice(0, -1);
    nodes.forEach((n, i) => {
      for (const p of valuesAt(n, parent)) {
        const name = rest[rest.length - 1]!.replace('[x]', '');
        const present =
          isJson(p) && Object.keys(p).some((k) => k === name || (rest[rest.length - 1]!.endsWith('[x]') && k.startsWith(name)));
        if (!present) out.push({ where: where(i), message: `${id} is required (min ${el.min ?? 0})` });
      }
    });
  }
  return out;
}

function bundleIssues(bundle: Json, sd: StructureDefinition): IpsIssue[] {
  const elements = elementsOf(sd);
  const out = requiredChildren([bundle], elements, 'Bundle', () => 'Bundle');
  const entries = Array.isArray(bundle.entry) ? bundle.entry.filter(isJson) : [];
  const typeEl = elements.find((e) => e.id === 'Bundle.type');
  if (typeEl?.fixedCode !== undefined && bundle.type !== typeEl.fixedCode)
    out.push({ where: 'Bundle', message: `Bundle.type must be ${typeEl.fixedCode}` });
  const entryEl = elements.find((e) => e.id === 'Bundle.entry');
  if (entries.length < (entryEl?.min ?? 0)) out.push({ where: 'Bundle', message: `at least ${entryEl?.min ?? 0} entries` });
  const typeOf = (e: Json) => (isJson(e.resource) ? e.resource.resourceType : undefined);
  const slices = elements.filter((e) => /^Bundle\.entry:[^.]+$/.test(e.id ?? ''));
  const sliceTypes = slices.map((s) => elements.find((e) => e.id === `${s.id ?? ''}.resource`)?.type?.[0]?.code ?? '');
  slices.forEach((slice, i) => {
    const type = sliceTypes[i]!;
    const count = entries.filter((e) => typeOf(e) === type).length;
    const shared = sliceTypes.filter((t) => t === type).length > 1;
    if (count < (slice.min ?? 0))
      out.push({ where: 'Bundle', message: `slice ${slice.sliceName ?? ''}: at least ${slice.min ?? 0} ${type}` });
    if (!shared && slice.max !== '*' && count > Number(slice.max))
      out.push({ where: 'Bundle', message: `slice ${slice.sliceName ?? ''}: at most ${slice.max ?? ''} ${type}, found ${count}` });
  });
  // bdl-ips-1 (and core bdl-11): the Composition is the first entry and the only one.
  if (typeOf(entries[0] ?? {}) !== 'Composition') out.push({ where: 'Bundle', message: 'the first entry must be the Composition' });
  if (entries.slice(1).some((e) => typeOf(e) === 'Composition'))
    out.push({ where: 'Bundle', message: 'bdl-ips-1: a Composition after the first entry' });
  return out;
}

function compositionIssues(bundle: Json, sd: StructureDefinition, profiles: ReadonlyMap<string, StructureDefinition>): IpsIssue[] {
  const elements = elementsOf(sd);
  const entries = Array.isArray(bundle.entry) ? bundle.entry.filter(isJson) : [];
  const composition = entries[0]?.resource;
  if (!isJson(composition) || composition.resourceType !== 'Composition') return [];
  const out = requiredChildren([composition], elements, 'Composition', () => 'Composition');
  const typeEl = elements.find((e) => e.id === 'Composition.type');
  if (typeEl?.patternCodeableConcept !== undefined && !includesPattern(composition.type, typeEl.patternCodeableConcept))
    out.push({ where: 'Composition', message: 'Composition.type is not the IPS document type (60591-5)' });
  const sections = valuesAt(composition, ['section']).filter(isJson);
  const sectionEl = elements.find((e) => e.id === 'Composition.section');
  if (sections.length < (sectionEl?.min ?? 0)) out.push({ where: 'Composition', message: `at least ${sectionEl?.min ?? 0} sections` });
  out.push(...requiredChildren(sections, elements, 'Composition.section', (i) => `Composition.section[${i}]`));
  const resourceOf = new Map<string, string>();
  for (const e of entries)
    if (isJson(e.resource)) resourceOf.set(`${String(e.resource.resourceType)}/${String(e.resource.id)}`, String(e.resource.resourceType));
  for (const slice of elements.filter((e) => /^Composition\.section:[^.]+$/.test(e.id ?? ''))) {
    const pattern = elements.find((e) => e.id === `${slice.id ?? ''}.code`)?.patternCodeableConcept;
    const matching = sections.map((s, i) => [s, i] as const).filter(([s]) => includesPattern(s.code, pattern));
    const name = slice.sliceName ?? '';
    if (matching.length < (slice.min ?? 0)) out.push({ where: 'Composition', message: `section ${name} is required` });
    if (slice.max !== '*' && matching.length > Number(slice.max))
      out.push({ where: 'Composition', message: `section ${name} appears ${matching.length} times` });
    // ips-comp-1 (on the sections that carry it): either section.entry or emptyReason are present.
    if ((slice.constraint ?? []).some((c) => c.key === 'ips-comp-1'))
      for (const [s, i] of matching)
        if (valuesAt(s, ['entry', 'reference']).length === 0 && s.emptyReason === undefined)
          out.push({ where: `Composition.section[${i}]`, message: `ips-comp-1: section ${name} has neither entry nor emptyReason` });
    const targets = (elements.find((e) => e.id === `${slice.id ?? ''}.entry`)?.type ?? []).flatMap((t) => t.targetProfile ?? []);
    const allowed = new Set(targets.map((t) => typeOfProfile(t, profiles)));
    if (allowed.size === 0 || allowed.has('Resource')) continue;
    for (const [s, i] of matching) {
      for (const ref of valuesAt(s, ['entry', 'reference'])) {
        const type = resourceOf.get(String(ref));
        if (type !== undefined && !allowed.has(type))
          out.push({
            where: `Composition.section[${i}]`,
            message: `section ${name} may not hold a ${type} (allowed: ${[...allowed].join(', ')})`,
          });
      }
    }
  }
  return out;
}

/** Bundle-uv-ips and Composition-uv-ips rules on a Bundle whose references are already `Type/id`. */
export function documentRuleIssues(bundle: Json, profiles: ReadonlyMap<string, StructureDefinition>): IpsIssue[] {
  const bundleSd = profiles.get('BundleUvIps');
  const compositionSd = profiles.get('CompositionUvIps');
  if (bundleSd === undefined || compositionSd === undefined)
    return [{ where: 'Bundle', message: 'IPS Bundle/Composition profiles not loaded' }];
  return [...bundleIssues(bundle, bundleSd), ...compositionIssues(bundle, compositionSd, profiles)];
}
