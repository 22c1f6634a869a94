/** The sandbox's live state: the generated dataset with imports applied, the fault switches and the SMS outbox. */
import { FaultController } from './faults';
import { applyImportRecord, loadImportRecords } from './importer';
import type { Dataset } from './model';
import { SmsOutbox } from './sms';
import { SandboxStore } from './store';

/** Live state, exposed to in-process tests. */
export class SandboxState {
  store: SandboxStore;
  readonly faults: FaultController;
  readonly outbox = new SmsOutbox();

  constructor(
    readonly dataset: Dataset,
    readonly dataDir: string,
    seed: number,
    latency: 'default' | 'none',
    private readonly warn: (msg: string) => void,
  ) {
    this.faults = new FaultController(seed, latency);
    this.store = this.buildStore();
  }

  private buildStore(): SandboxStore {
    const store = SandboxStore.fromDataset(this.dataset);
    for (const record of loadImportRecords(this.dataDir, this.warn)) applyImportRecord(store, record);
    store.finalise();
    return store;
  }

  /** Re-reads imports without touching faults or the SMS outbox. */
  reload(): void {
    this.store = this.buildStore();
  }

  /** Back to the seed state: data (with imports) reloaded, faults and outbox cleared. */
  reset(): void {
    this.faults.clear();
    this.outbox.clear();
    this.reload();
  }
}
