/**
 * The one shape for expected failures across use cases, actions and route bodies (house style rule 3/12):
 * success is `{ ok: true, … }`, an expected failure is `{ ok: false, reason }` with a string-literal reason
 * the caller switches on exhaustively, plus — for a form — the message to show beside each field.
 * Unexpected failures are not values: they throw `AppError`.
 *
 * Pure (no server imports): components import these types too.
 */
import type { MessageKey } from './i18n/messages';

/** A translatable message for one field; `vars` fill its `{name}` placeholders (e.g. the expected check digit). */
export interface FieldMessage {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** What went wrong with which input field, in words the form can show. */
export type FieldErrors<F extends string> = Partial<Record<F, FieldMessage>>;

/** A success carrying its payload. */
export type Success<T extends object = object> = { ok: true } & T;

/**
 * An expected failure. `R` lists every reason a caller must handle; `F` the input fields a `fieldErrors`
 * entry may name (none by default). A failure that carries data (a wait, attempts left) intersects it:
 * `Failure<'wrong'> & { remaining: number }`.
 */
export interface Failure<R extends string, F extends string = never> {
  ok: false;
  reason: R;
  fieldErrors?: FieldErrors<F>;
}

/** What an action answers when the session has ended (the form sends the user to sign in). */
export type SignedOut = Failure<'signed-out'>;

/** Builds a success value. */
export function success<T extends object>(value: T): Success<T> {
  return { ok: true, ...value };
}

/** Builds a failure value, with the fields' messages when there are any. */
export function failure<R extends string, F extends string = never>(reason: R, fieldErrors?: FieldErrors<F>): Failure<R, F> {
  return fieldErrors ? { ok: false, reason, fieldErrors } : { ok: false, reason };
}
