/** Pure: an elicitation form's values — their start (the schema's defaults) and the content sent. */
import type { ElicitationContent, ElicitationField } from '../../../../protocol/projections.ts';

/** A control's value: text (text and number inputs), a checkbox, or the options picked. */
export type FormValue = string | boolean | string[];

/** Each field's starting value: the schema's default, else empty. */
export function initialValues(fields: readonly ElicitationField[]): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const f of fields) {
    switch (f.type) {
      case 'string':
        out[f.name] = f.defaultValue ?? '';
        break;
      case 'number':
      case 'integer':
        out[f.name] = f.defaultValue === null ? '' : String(f.defaultValue);
        break;
      case 'boolean':
        out[f.name] = f.defaultValue ?? false;
        break;
      case 'enum':
        out[f.name] = [...f.defaultValue];
        break;
    }
  }
  return out;
}

/** The content to accept with, or the first problem in words. Empty optional fields are left out. */
export function contentOf(fields: readonly ElicitationField[], values: Readonly<Record<string, FormValue>>): ElicitationContent | string {
  const content: ElicitationContent = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.type === 'boolean') {
      content[f.name] = v === true;
      continue;
    }
    if (f.type === 'enum') {
      const picked = Array.isArray(v) ? v : [];
      if (picked.length === 0) {
        if (f.required) return `Choose ${f.title}.`;
        continue;
      }
      content[f.name] = f.multiple ? picked : (picked[0] ?? '');
      continue;
    }
    const text = typeof v === 'string' ? v.trim() : '';
    if (text === '') {
      if (f.required) return `Fill in ${f.title}.`;
      continue;
    }
    if (f.type === 'string') {
      content[f.name] = text;
      continue;
    }
    const n = Number(text);
    if (!Number.isFinite(n) || (f.type === 'integer' && !Number.isInteger(n))) return `${f.title} must be ${f.type === 'integer' ? 'a whole number' : 'a number'}.`;
    if ((f.minimum !== null && n < f.minimum) || (f.maximum !== null && n > f.maximum)) {
      return `${f.title} must be between ${f.minimum ?? '…'} and ${f.maximum ?? '…'}.`;
    }
    content[f.name] = n;
  }
  return content;
}
