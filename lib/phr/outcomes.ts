/**
 * What MOPH-PHR's `MessageCode` means. The published interface documents only 200/"OK"; the other codes
 * are the ones docs/phr.md chose (and the stand-in answers). They are read here and nowhere else, so
 * when MOPH publishes its own, this table is the one place to change.
 */
export type PhrMessageOutcome =
  | { kind: 'sent' }
  | { kind: 'valid' }
  | { kind: 'wrong' }
  | { kind: 'expired' }
  | { kind: 'too-many' }
  | { kind: 'sharing-off' }
  | { kind: 'not-found' }
  | { kind: 'unavailable'; reason: string };

export function phrOutcomeOf(messageCode: number, success: 'sent' | 'valid'): PhrMessageOutcome {
  switch (messageCode) {
    case 200:
      return { kind: success };
    case 401:
      return { kind: 'wrong' };
    case 404:
      return { kind: 'not-found' };
    case 410:
      return { kind: 'expired' };
    case 423:
      return { kind: 'sharing-off' };
    case 429:
      return { kind: 'too-many' };
    default:
      return { kind: 'unavailable', reason: `message-${messageCode}` };
  }
}
