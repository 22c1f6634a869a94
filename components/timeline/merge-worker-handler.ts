/**
 * What the merge worker does with each message from the page (merge.worker.ts only wires it to the worker's
 * `onmessage`, so it is tested by calling it directly): keeps each hospital answer's facts, merges the ones
 * asked for with lib/clinical's merge, and posts the model back in the compact form of merge-protocol.ts.
 */
import { mergeTimeline } from '@/lib/clinical/merge';
import { modelMessages, type Fact, type FromWorker, type ToWorker } from './merge-protocol';

export function mergeWorkerHandler(post: (message: FromWorker) => void): (message: ToWorker) => void {
  const views = new Map<number, Fact[]>();
  return (message) => {
    switch (message.type) {
      case 'facts': {
        const facts = views.get(message.view) ?? [];
        for (const f of message.facts) facts.push(f);
        views.set(message.view, facts);
        return;
      }
      case 'forget':
        for (const v of message.views) views.delete(v);
        return;
      case 'merge': {
        try {
          const input: Fact[] = [];
          for (const v of message.views) {
            const facts = views.get(v);
            if (facts === undefined) throw new Error(`no answer ${v}`);
            for (const f of facts) input.push(f);
          }
          const model = mergeTimeline({ facts: input, answered: message.answered, now: message.now });
          for (const m of modelMessages(message.job, model, input)) post(m);
        } catch (error) {
          post({ type: 'failed', job: message.job, message: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  };
}
