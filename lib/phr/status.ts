import type { HospitalFetchStatus } from '../exchange/types';
import type { PhrReadStatus } from './answer';

// Pure: the record page (browser) and the /phr route (server) both read a Mor Prom status this way.

/** A Mor Prom read's status as a hospital answer's status (sharing turned off reads as not shared). */
export function phrViewStatus(status: PhrReadStatus): HospitalFetchStatus {
  switch (status) {
    case 'answered':
    case 'no-data':
    case 'timeout':
    case 'error':
    case 'malformed':
    case 'circuit-open':
      return status;
    case 'sharing-off':
      return 'not-shared';
    case 'not-found':
      return 'no-data';
    case 'code-refused':
      return 'error';
  }
}
