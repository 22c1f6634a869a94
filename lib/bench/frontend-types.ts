/** The shapes the front-end benchmark measures and writes to bench-results/frontend.json. */
import type { BrowserContext } from '@playwright/test';
import type { GOALS } from './frontend-config';

export interface ScriptSize {
  url: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface LongTask {
  startMs: number;
  durationMs: number;
}

export interface ScrollResult {
  longestTaskMs: number;
  totalBlockingMs: number;
  longTasks: number;
  tasks: LongTask[];
  steps: number;
  scrolledPx: number;
  scrollHeightPx: number;
  durationMs: number;
  reachedBottom: boolean;
  /** Long tasks before the scroll started (page load, merging every hospital's records): context only. */
  beforeScrollLongestMs: number;
}

export interface FrontendBenchResult {
  date: string;
  appUrl: string;
  jsGzipKB: { firstLoad: number; labsChunk: number };
  jsScripts: { firstLoad: number; labsChunk: number };
  timelineEntries: number;
  hospitals: Record<string, string>;
  scroll: {
    longestTaskMs: number;
    totalBlockingMs: number;
    longTasks: number;
    steps: number;
    scrollHeightPx: number;
    reachedBottom: boolean;
    durationMs: number;
    beforeScrollLongestMs: number;
    requestsDuringScroll: number;
  };
  /** Long tasks depend on CPU contention: the 1-minute load average (the higher of before/after the scroll). */
  machine: { cpus: number; loadAvg1m: number };
  goals: typeof GOALS;
  /** On the record page of a typical patient and of the stress patient. */
  lighthouse: { typical: LighthouseResult | string; stress: LighthouseResult | string };
}

export interface LighthouseResult {
  /** The median run's score and metrics. */
  score: number;
  firstContentfulPaint: string;
  largestContentfulPaint: string;
  totalBlockingTime: string;
  cumulativeLayoutShift: string;
  /** Every run's score, in the order they ran. */
  scores: number[];
}

/** The signed-in cookies and storage, carried from the consent context to the measuring one. */
export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** What one visit to the record page measured. */
export interface RecordPageMeasures {
  hospitals: Record<string, string>;
  count: { visible: number; total: number };
  scroll: ScrollResult;
  scrollRequests: number;
  /** The 1-minute load average just before the scroll. */
  loadBefore: number;
  firstLoadSizes: ScriptSize[];
  labsSizes: ScriptSize[];
}
