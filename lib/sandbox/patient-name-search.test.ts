import type { Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from './demo-catalog';
import { searchPatients } from './exchange';
import { generateDataset } from './generate';
import { HttpError } from './http-util';
import { SandboxStore } from './store';

const store = SandboxStore.fromDataset(generateDataset(DEFAULT_SEED));
const search = (query: string) => searchPatients(store, new URL(`http://sandbox.test/Patient?${query}`));
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
const birthDates = (query: string) => (search(query).entry ?? []).map((e) => (e.resource as Patient).birthDate).sort();

describe('the patient index searched by name', () => {
  it('counts every namesake and narrows by birth year or date', () => {
    expect(search(q({ given: 'สมศรี', family: 'มีสุข' })).total).toBe(8);
    expect(birthDates(q({ given: 'สมศรี', family: 'มีสุข', birthdate: '1964' }))).toEqual(['1964-03-12', '1964-09-30']);
    expect(birthDates(q({ given: 'สมศรี', family: 'มีสุข', birthdate: 'eq1964-03-12' }))).toEqual(['1964-03-12']);
    expect(search(q({ given: 'สมชาย', family: 'ใจดี', birthdate: '1975' })).total).toBe(12);
  });

  it('ignores tone marks, spacing and case, matches the start of a name part, and takes name= for any part', () => {
    expect(search(q({ given: ' สมศรี ', family: 'มี่สุข' })).total).toBe(8);
    expect(search(q({ given: 'SOMSRI', family: 'meesuk' })).total).toBe(8);
    expect(search(q({ given: 'Som', family: 'Mee', birthdate: '1964' })).total).toBe(2);
    expect(search('name=somsri&name=meesuk').total).toBe(8);
    expect(search(q({ given: 'meesuk', family: 'somsri' })).total).toBe(0);
  });

  it('answers the first _count with the total, and refuses bad parameters', () => {
    const page = search(q({ given: 'สมชาย', family: 'ใจดี', _count: '11' }));
    expect(page.total).toBe(12);
    expect(page.entry).toHaveLength(11);
    expect(() => search(q({ given: 'สมศรี', birthdate: 'ge1964' }))).toThrow(HttpError);
    expect(() => search(q({ given: '', family: 'มีสุข' }))).toThrow(HttpError);
    expect(() => search(q({ given: 'สมศรี', _count: 'x' }))).toThrow(HttpError);
  });
});
