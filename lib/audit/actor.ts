import type { RequestContext } from '../http/request-context';

/** The audit fields every row written on behalf of a signed-in doctor shares. */
export function doctorActor(doctor: { licence: string; role: string; hospitalCode: string; request: RequestContext }) {
  return {
    actorType: 'doctor' as const,
    actorId: doctor.licence,
    actorRole: doctor.role,
    hospitalCode: doctor.hospitalCode,
    clientIp: doctor.request.clientIp,
    userAgent: doctor.request.userAgent,
    requestId: doctor.request.requestId,
  };
}

/** Who an admin is, as far as the audit trail needs to know. */
export interface AdminActor {
  adminId: string;
  /** 'admin' (hospital admin) or 'privacy-officer'; rows written before the roles were split say 'admin'. */
  role?: string;
  hospitalCode: string;
  request: RequestContext;
}

/** The audit fields every row written on behalf of a signed-in hospital admin shares. */
export function adminActor(admin: AdminActor) {
  return {
    actorType: 'admin' as const,
    actorId: admin.adminId,
    actorRole: admin.role ?? 'admin',
    hospitalCode: admin.hospitalCode,
    clientIp: admin.request.clientIp,
    userAgent: admin.request.userAgent,
    requestId: admin.request.requestId,
  };
}
