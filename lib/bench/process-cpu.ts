/**
 * CPU time of other processes, from /proc (Linux): how the load benchmarks tell the app's cost per read from
 * the stand-in exchange's and PostgreSQL's on a shared machine. CPU-seconds per read barely move when other
 * work competes for the cores, where wall-clock latency and throughput do.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: the unit of /proc/<pid>/stat's times; 100 on every Linux platform Node supports. */
const TICKS_PER_SECOND = 100;

/** A process's own CPU time and its waited-for children's, in seconds, from the text of /proc/<pid>/stat. */
export function parseProcStat(text: string): { own: number; children: number; ppid: number } {
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state): utime, stime, cutime, cstime are fields 14–17, ppid field 4.
  const field = (n: number): number => Number(rest[n - 3]);
  if (rest.length < 15 || [4, 14, 15, 16, 17].some((n) => !Number.isFinite(field(n)))) throw new Error('unreadable /proc stat line');
  return {
    own: (field(14) + field(15)) / TICKS_PER_SECOND,
    children: (field(16) + field(17)) / TICKS_PER_SECOND,
    ppid: field(4),
  };
}

function statOf(pid: number): { own: number; children: number; ppid: number } | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // the process has gone
  }
}

/** CPU-seconds used so far by one process (all its threads). */
export function processCpuSeconds(pid: number): number {
  return statOf(pid)?.own ?? 0;
}

/**
 * CPU-seconds used so far by a process and every process it started (PostgreSQL's postmaster and its
 * backends): its own time, the children still running, and those already exited and waited for.
 */
export function processTreeCpuSeconds(root: number): number {
  const top = statOf(root);
  if (top === undefined) return 0;
  let total = top.own + top.children;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = statOf(Number(name));
    if (s?.ppid === root) total += s.own;
  }
  return total;
}

/** Named CPU readings taken together; `since` gives each name's CPU-seconds between two readings. */
export type CpuReading = Record<string, number>;

export function readCpu(sources: Record<string, () => number>): CpuReading {
  return Object.fromEntries(Object.entries(sources).map(([name, read]) => [name, read()]));
}

/** Milliseconds of CPU per unit of work (e.g. per hospital read) for each name, between two readings. */
export function cpuMsPer(before: CpuReading, after: CpuReading, units: number): Record<string, number> {
  return Object.fromEntries(
    Object.keys(after).map((name) => [
      name,
      units > 0 ? Math.round((((after[name] ?? 0) - (before[name] ?? 0)) * 1e5) / units) / 100 : NaN,
    ]),
  );
}

/** This process's own CPU-seconds (user + system), for the load generator's share. */
export function selfCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
