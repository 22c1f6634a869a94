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
  },
  {
    username: 'admin10661',
    displayName: 'ผู้ดูแลระบบ รพ.ราชวิถี / Rajavithi Hospital admin',
    hospitalCode: '10661',
    password: 'Rajavithi-Admin-2569!',
    totpSecret: 'RAJAVITHIADMINDEMQTOTPSECRETXYZA',
  },
] as const;
