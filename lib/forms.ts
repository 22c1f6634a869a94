import { z } from 'zod';

/** A text field from FormData ('' when missing or a file), for forms parsed with zod on both sides. */
export function formText(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}

/**
 * A zod schema for a submitted form: the FormData's text fields as an object, then `fields` checks them.
 * Anything that is not a FormData fails, so a server action reached by a hand-made POST is refused too.
 */
export function formSchema<T extends z.ZodRawShape>(fields: T) {
  return z.preprocess(
    (form) => (form instanceof FormData ? Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) : form),
    z.object(fields),
  );
}
