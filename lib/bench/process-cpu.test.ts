import { describe, expect, it } from 'vitest';
import { cpuMsPer, parseProcStat, processCpuSeconds, selfCpuSeconds } from './process-cpu';

describe('parseProcStat', () => {
  it('reads own and waited-for children CPU time and the parent, even with spaces in the command name', () => {
    const line =
      '6375 (node server (x)) R 6373 6373 3852 0 -1 4194304 97 0 0 0 250 50 1000 200 20 0 1 0 3128877 3133440 407 18446744073709551615';
    expect(parseProcStat(line)).toEqual({ own: 3, children: 12, ppid: 6373 });
  });

  it('refuses a line it cannot read', () => {
    expect(() => parseProcStat('12 (x) S 1 2')).toThrow();
  });
});

describe('processCpuSeconds', () => {
  it('counts this process the same way process.cpuUsage does (within a tick or two)', () => {
    const until = Date.now() + 120;
    while (Date.now() < until); // burn some CPU so the figure is not zero
    const fromProc = processCpuSeconds(process.pid);
    expect(fromProc).toBeGreaterThan(0.05);
    expect(Math.abs(fromProc - selfCpuSeconds())).toBeLessThan(0.1);
  });

  it('is 0 for a process that does not exist', () => {
    expect(processCpuSeconds(2 ** 22 + 7)).toBe(0);
  });
});

describe('cpuMsPer', () => {
  it('gives milliseconds per unit for each source', () => {
    expect(cpuMsPer({ app: 1, sandbox: 2 }, { app: 3.5, sandbox: 2.5 }, 100)).toEqual({ app: 25, sandbox: 5 });
    expect(cpuMsPer({ app: 1 }, { app: 2 }, 0).app).toBeNaN();
  });
});
