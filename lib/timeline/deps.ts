import 'server-only';
import type { Db } from '../db';
import type { ExchangeClient } from '../exchange/client';

/**
 * What reading a patient's record needs from outside: the database (audit rows, opened sealed records)
 * and the exchange. Handed in by the entry layer (lib/entry/deps.ts builds the real ones); tests pass
 * their own. Nothing under lib/timeline opens either itself.
 */
export interface RecordDeps {
  db: Db;
  exchange: ExchangeClient;
}
