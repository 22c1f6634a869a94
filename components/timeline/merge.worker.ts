/** The record page's merge worker: merges hospital answers off the page's main thread (see merge-worker-handler.ts). */
import type { FromWorker, ToWorker } from './merge-protocol';
import { mergeWorkerHandler } from './merge-worker-handler';

// The worker's global scope (typed by hand: the project's TypeScript libraries are the page's, not a worker's).
const scope = self as unknown as {
  postMessage: (message: FromWorker) => void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const handle = mergeWorkerHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
