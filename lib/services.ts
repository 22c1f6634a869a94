import 'server-only';
import { env, phrConfig } from './env';
import { createExchangeClient } from './exchange/client';
import { createDoctorRegistry } from './registry/doctor-registry';
import { createSmsGateway } from './sms/sms-gateway';
import { metrics } from './metrics';
import { createPhrClient } from './phr/client';

type Services = {
  exchange: ReturnType<typeof createExchangeClient>;
  registry: ReturnType<typeof createDoctorRegistry>;
  sms: ReturnType<typeof createSmsGateway>;
  /** MOPH-PHR (Mor Prom); null when not configured (docs/phr.md). */
  phr: ReturnType<typeof createPhrClient> | null;
};

const globalForServices = globalThis as unknown as { __hlServices?: Services };

/** The adapters to the external systems, built once from the validated configuration. */
export function services(): Services {
  if (!globalForServices.__hlServices) {
    const config = env();
    globalForServices.__hlServices = {
      exchange: createExchangeClient({
        baseUrl: config.EXCHANGE_URL,
        token: config.EXCHANGE_TOKEN,
        timeoutMs: config.EXCHANGE_TIMEOUT_MS,
        maxResponseBytes: config.EXCHANGE_MAX_RESPONSE_MB * 1024 * 1024,
        onHospitalResult: (r) => {
          const m = metrics();
          m.exchangeResults.inc({ hospital: r.hcode, status: r.status });
          if (r.status !== 'circuit-open') m.exchangeDuration.observe({ hospital: r.hcode, status: r.status }, r.elapsedMs / 1000);
          if (r.droppedWrongPatient > 0) m.wrongPatientDropped.inc({ hospital: r.hcode }, r.droppedWrongPatient);
          for (const b of globalForServices.__hlServices?.exchange.breakerSnapshot() ?? [])
            m.breakerOpen.set({ hospital: b.key }, b.phase === 'closed' ? 0 : 1);
        },
      }),
      registry: createDoctorRegistry({ baseUrl: config.COUNCIL_URL, token: config.COUNCIL_TOKEN, timeoutMs: config.COUNCIL_TIMEOUT_MS }),
      sms: createSmsGateway({ baseUrl: config.SMS_URL, token: config.SMS_TOKEN, timeoutMs: 5000 }),
      phr: phrClientFor(config),
    };
  }
  return globalForServices.__hlServices;
}

function phrClientFor(config: ReturnType<typeof env>): ReturnType<typeof createPhrClient> | null {
  const phr = phrConfig(config);
  if (phr === null) return null;
  return createPhrClient({ ...phr, timeoutMs: config.PHR_TIMEOUT_MS, maxResponseBytes: config.PHR_MAX_RESPONSE_MB * 1024 * 1024 });
}
