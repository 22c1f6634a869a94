/** A text field from FormData ('' when missing or a file), for forms parsed with zod on both sides. */
export function formText(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}
