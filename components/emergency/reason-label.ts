import type { ReasonCode } from '@/lib/emergency/rules';
import type { MessageKey } from '@/lib/i18n/messages';

// The one wording of each break-the-glass reason, for the form, the record's banner and the review queue.
const REASON_LABEL: Record<ReasonCode, MessageKey> = {
  unconscious: 'emergency.reason.unconscious',
  'life-threatening': 'emergency.reason.life-threatening',
  'no-capacity': 'emergency.reason.no-capacity',
  other: 'emergency.reason.other',
};

/** The catalogue key for a stored reason code; a code this build does not know reads as "other". */
export function emergencyReasonLabel(code: string): MessageKey {
  return REASON_LABEL[code as ReasonCode] ?? REASON_LABEL.other;
}
