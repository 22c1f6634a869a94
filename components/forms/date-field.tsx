'use client';

import { useId, useState } from 'react';
import { useLocale } from '@/components/providers';
import { dateTextErrorMessage, dateTextFormat, formatDateText, parseDateText } from '@/lib/i18n/date-text';

export interface DateFieldProps {
  id: string;
  label: string;
  /** Submitted in a hidden input under this name (ISO YYYY-MM-DD), for plain forms. */
  name?: string;
  /** ISO date the field starts with. */
  defaultValue?: string;
  /** ISO date (or '' when empty or not yet a valid date), for filters that react while typing. */
  onValueChange?: (iso: string) => void;
  /** Earliest ISO date accepted. */
  min?: string;
  /** A message from the server about this field, already in the user's language. */
  serverError?: string;
  className?: string;
  labelClassName?: string;
}

/**
 * A date typed as dd/mm/yyyy in the calendar the user chose (พ.ศ. or ค.ศ.), instead of the browser's
 * date picker, which is always Gregorian and in the browser's language. The text the user typed is kept as
 * typed, even when wrong; the form receives ISO. While the text is not a valid date the field is invalid for
 * the browser too (setCustomValidity), so a form is not submitted with a date silently dropped.
 */
export function DateField({
  id,
  label,
  name,
  defaultValue = '',
  onValueChange,
  min,
  serverError,
  className = 'field',
  labelClassName = 'label',
}: DateFieldProps) {
  const { lang, calendar } = useLocale();
  // A value the server sent back that is not an ISO date is what the user typed: keep it.
  const initialText = formatDateText(defaultValue, calendar) || defaultValue;
  const [text, setText] = useState(initialText);
  const [shownCalendar, setShownCalendar] = useState(calendar);
  const [touched, setTouched] = useState(false);
  const hintId = useId();
  const errorId = `${id}-error`;
  // The calendar changed while a valid date was shown: show the same day in the new calendar.
  if (shownCalendar !== calendar) {
    const before = parseDateText(text, shownCalendar, min);
    setShownCalendar(calendar);
    if (before.ok) setText(formatDateText(before.iso, calendar));
  }
  const parsed = parseDateText(text, calendar, min);
  const clientError = parsed.ok ? null : dateTextErrorMessage(parsed.error, text, lang, calendar);
  const error = (touched && clientError) || (text === initialText ? serverError : undefined) || null;

  return (
    <>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={className}
        value={text}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        ref={(el) => el?.setCustomValidity(clientError ?? '')}
        onChange={(e) => {
          setText(e.target.value);
          const next = parseDateText(e.target.value, calendar, min);
          // Half-typed or wrong text filters nothing, rather than by the last valid date.
          onValueChange?.(next.ok ? next.iso : '');
        }}
        // Errors wait for the user to leave the field (or submit), then follow each correction.
        onBlur={() => setTouched(true)}
        onInvalid={() => setTouched(true)}
      />
      {/* The raw text when it is not a date: the server refuses it rather than the filter being dropped. */}
      {name !== undefined && <input type="hidden" name={name} value={parsed.ok ? parsed.iso : text} />}
      <p id={hintId} className="text-sm text-muted">
        {dateTextFormat(lang, calendar)}
      </p>
      <p id={errorId} className={error ? 'field-error' : 'sr-only'} aria-live="polite">
        {error}
      </p>
    </>
  );
}
