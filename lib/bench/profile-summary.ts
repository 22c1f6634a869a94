/** Summaries of a Chromium CPU profile and trace for bench:profile (browser-profile.ts). Pure. */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (ms), largest first; the profile's own pseudo-frames ((idle), (program), (garbage collector)) included. */
export function selfTimes(profile: CpuProfile): { key: string; frame: ProfileNode['callFrame']; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, { frame: ProfileNode['callFrame']; ms: number }>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}:${frame.columnNumber}`;
    const t = totals.get(key) ?? { frame, ms: 0 };
    t.ms += (profile.timeDeltas[i] ?? 0) / 1000;
    totals.set(key, t);
  });
  return [...totals.entries()].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.ms - a.ms);
}

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Self time (ms) per trace event name on the page's main thread (HTML parsing, style, layout, script…): of
 * the renderers' main threads in the trace, the busiest one.
 */
export function traceSelfTimes(events: readonly TraceEvent[]): { name: string; ms: number }[] {
  const thread = (e: TraceEvent): string => `${e.pid}:${e.tid}`;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread));
  const busy = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && mains.has(thread(e))) busy.set(thread(e), (busy.get(thread(e)) ?? 0) + (e.dur ?? 0));
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const complete = events
    .filter((e) => e.ph === 'X' && thread(e) === main && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const e of complete) {
    while (stack.length > 0 && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent !== undefined) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur! / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur! / 1000);
    stack.push(e);
  }
  return [...self.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}
