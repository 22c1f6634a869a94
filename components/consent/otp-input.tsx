'use client';

import { useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useLocale } from '@/components/providers';

const LENGTH = 6;

interface Props {
  digits: string[];
  onChange: (digits: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
}

/** Six one-digit boxes: typing moves on, Backspace moves back, pasting the whole code fills them all. */
export function OtpInput({ digits, onChange, invalid, describedBy, disabled }: Props) {
  const { t } = useLocale();
  const refs = useRef<(HTMLInputElement | null)[]>([]);
  const focus = (i: number) => refs.current[Math.max(0, Math.min(LENGTH - 1, i))]?.focus();

  function fill(from: number, text: string) {
    const incoming = text.replace(/\D/g, '').split('');
    if (incoming.length === 0) return;
    const next = [...digits];
    // A whole code pasted anywhere fills from the first box.
    const start = incoming.length >= LENGTH ? 0 : from;
    incoming.slice(0, LENGTH - start).forEach((d, k) => {
      next[start + k] = d;
    });
    onChange(next);
    focus(Math.min(LENGTH - 1, start + incoming.length));
  }

  function onKeyDown(i: number, e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Backspace') {
      e.preventDefault();
      const next = [...digits];
      if (next[i]) next[i] = '';
      else if (i > 0) {
        next[i - 1] = '';
        focus(i - 1);
      }
      onChange(next);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      focus(i - 1);
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      focus(i + 1);
    }
  }

  function onPaste(i: number, e: ClipboardEvent<HTMLInputElement>) {
    e.preventDefault();
    fill(i, e.clipboardData.getData('text'));
  }

  return (
    <div className="flex gap-2" role="group" aria-label={t('consent.otp.legend')} aria-describedby={describedBy}>
      {Array.from({ length: LENGTH }, (_, i) => (
        <input
          key={i}
          ref={(el) => {
            refs.current[i] = el;
          }}
          id={`otp-${i}`}
          name={`otp-${i}`}
          className="field h-14 w-12 text-center font-mono text-2xl"
          inputMode="numeric"
          autoComplete={i === 0 ? 'one-time-code' : 'off'}
          maxLength={LENGTH}
          value={digits[i] ?? ''}
          disabled={disabled}
          aria-label={t('consent.otp.digit', { n: i + 1 })}
          aria-invalid={invalid ? true : undefined}
          onChange={(e) => {
            const typed = e.target.value.replace(/\D/g, '');
            if (typed.length === 0) return;
            // The box may hold the old digit plus the new one: keep what was just typed.
            fill(i, typed.length > 1 && typed.length < LENGTH ? typed.slice(-1) : typed);
          }}
          onKeyDown={(e) => onKeyDown(i, e)}
          onPaste={(e) => onPaste(i, e)}
          onFocus={(e) => e.target.select()}
        />
      ))}
    </div>
  );
}
