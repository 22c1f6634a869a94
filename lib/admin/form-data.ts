/** A text field of submitted form data; files and missing fields read as ''. */
export function formText(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}
