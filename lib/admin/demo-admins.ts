/**
 * Demo hospital admins. Their TOTP secrets are public on purpose: `npm run admin:totp` prints the code (sandbox
 * only). Kept free of `server-only` so the Playwright specs can compute the same codes.
 */
export const DEMO_ADMINS = [
  {
    username: 'admin11535',
    displayName: 'ผู้ดูแลระบบ รพ.กลาง / Klang Hospital admin',
    hospitalCode: '11535',
    password: 'Klang-Admin-2569!',
    totpSecret: 'KLANGH2SPXTALADMINDEMQTOTPSECRET',
    role: 'admin',
  },
  {
    username: 'admin10661',
    displayName: 'ผู้ดูแลระบบ รพ.ราชวิถี / Rajavithi Hospital admin',
    hospitalCode: '10661',
    password: 'Rajavithi-Admin-2569!',
    totpSecret: 'RAJAVITHIADMINDEMQTOTPSECRETXYZA',
    role: 'admin',
  },
  // Privacy officers: the audit log, the patient access report, emergency reviews and unusual-access alerts.
  {
    username: 'privacy11535',
    displayName: 'เจ้าหน้าที่คุ้มครองข้อมูล รพ.กลาง / Klang Hospital privacy officer',
    hospitalCode: '11535',
    password: 'Klang-Privacy-2569!',
    totpSecret: 'KLANGPRIVACYOFFICERDEMQTOTPSECRT',
    role: 'privacy-officer',
  },
  {
    username: 'privacy10661',
    displayName: 'เจ้าหน้าที่คุ้มครองข้อมูล รพ.ราชวิถี / Rajavithi Hospital privacy officer',
    hospitalCode: '10661',
    password: 'Rajavithi-Privacy-2569!',
    totpSecret: 'RAJAVITHIPRIVACYOFFICERDEMQTOTPS',
    role: 'privacy-officer',
  },
] as const;

/** The demo privacy officers, by hospital (for the e2e specs and docs/sandbox.md). */
export const DEMO_PRIVACY_OFFICERS = DEMO_ADMINS.filter((a) => a.role === 'privacy-officer');
