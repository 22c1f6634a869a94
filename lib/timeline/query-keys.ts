/** TanStack Query keys for patient data: always scoped by access id, so nothing is shared across patients. */
export const queryKeys = {
  hospital: (accessId: string, hcode: string) => ['access', accessId, 'hospital', hcode] as const,
  access: (accessId: string) => ['access', accessId] as const,
};
