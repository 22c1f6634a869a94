'use client';

import { useEffect } from 'react';

/**
 * Leaves a screen left unattended: after the idle timeout without keyboard, pointer or scroll activity the
 * browser goes to the sign-in page. The server enforces the same timeout on its own on the next request.
 */
export function IdleTimeout({ minutes, signInPath }: { minutes: number; signInPath: string }) {
  useEffect(() => {
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) window.location.assign(`${signInPath}?ended=expired`);
    }, 15_000);
    return () => {
      window.clearInterval(timer);
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
    };
  }, [minutes, signInPath]);
  return null;
}
