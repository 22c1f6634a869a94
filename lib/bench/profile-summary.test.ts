import { describe, expect, it } from 'vitest';
import { selfTimes, traceSelfTimes, type CpuProfile, type TraceEvent } from './profile-summary';

const frame = (functionName: string, url = '', columnNumber = 0) => ({ functionName, url, lineNumber: 0, columnNumber });

describe('self time per function in a CPU profile', () => {
  it('adds up the time of the samples taken in each function, largest first', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 3] },
        { id: 2, callFrame: frame('merge', 'http://x/_next/static/chunks/a.js', 10), children: [4] },
        { id: 3, callFrame: frame('(idle)') },
        { id: 4, callFrame: frame('', 'http://x/_next/static/chunks/a.js', 99) },
      ],
      samples: [2, 2, 4, 3, 2],
      timeDeltas: [1000, 2000, 500, 5000, 1000],
    };
    expect(selfTimes(profile).map((t) => [t.key, t.ms])).toEqual([
      ['(idle) :0:0', 5],
      ['merge a.js:0:10', 4],
      ['(anonymous) a.js:0:99', 0.5],
    ]);
  });
});

describe('self time per trace event on the page main thread', () => {
  const x = (name: string, ts: number, dur: number, pid = 2, tid = 7): TraceEvent => ({ name, ph: 'X', ts, dur, pid, tid });
  it('takes the children’s time out of their parent, on the busiest renderer main thread only', () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', ts: 0, pid: 2, tid: 7, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', ts: 0, pid: 3, tid: 7, args: { name: 'CrRendererMain' } },
      x('RunTask', 0, 10_000),
      x('FunctionCall', 1000, 6000),
      x('Layout', 2000, 1000),
      x('ParseHTML', 12_000, 3000),
      x('RunTask', 0, 500, 3, 7), // another renderer, less busy
      x('RunTask', 0, 99_000, 2, 8), // not a main thread
    ];
    expect(traceSelfTimes(events)).toEqual([
      { name: 'FunctionCall', ms: 5 },
      { name: 'RunTask', ms: 4 },
      { name: 'ParseHTML', ms: 3 },
      { name: 'Layout', ms: 1 },
    ]);
  });
});
