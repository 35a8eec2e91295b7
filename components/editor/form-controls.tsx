import type { ReactNode } from "react";
import type { Bound } from "./form-binding";

const INPUT =
  "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-500 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 aria-[invalid=true]:border-red-600 disabled:cursor-not-allowed disabled:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400 dark:aria-[invalid=true]:border-red-400 dark:disabled:bg-slate-800";
const LABEL = "block text-xs font-medium text-slate-700 dark:text-slate-300";

interface FieldProps<V> extends Bound<V> {
  label: string;
  hint?: string;
}

const describedBy = (id: string, error?: string, hint?: string) => [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined;

/** The hint and the error below a control, which the control names in aria-describedby. */
export function Messages({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  return (
    <>
      {hint && <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{hint}</p>}
      {error && <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700 dark:text-red-300">{error}</p>}
    </>
  );
}

export function TextField({ id, label, hint, error, value, onChange, placeholder, mono }: FieldProps<string> & { placeholder?: string; mono?: boolean }) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>{label}</label>
      <input id={id} value={value} placeholder={placeholder} spellCheck={false} onChange={(e) => onChange(e.target.value)} aria-invalid={error !== undefined} aria-describedby={describedBy(id, error, hint)} className={`${INPUT} ${mono ? "font-mono" : ""}`} />
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** An empty box means "not set": the key is removed and the default applies. */
export function NumberField({ id, label, hint, error, value, onChange, min, placeholder }: FieldProps<number | undefined> & { min: number; placeholder?: string }) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>{label}</label>
      <input id={id} type="number" inputMode="numeric" step={1} min={min} value={value ?? ""} placeholder={placeholder} onChange={(e) => onChange(Number.isNaN(e.target.valueAsNumber) ? undefined : e.target.valueAsNumber)} aria-invalid={error !== undefined} aria-describedby={describedBy(id, error, hint)} className={INPUT} />
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** Options plus "" for "not set"; a value outside the options (typed in the YAML) is listed too, so it shows. */
export function SelectField({ id, label, hint, error, value, onChange, options, unsetLabel }: FieldProps<string> & { options: readonly string[]; unsetLabel: string }) {
  const all = value === "" || options.includes(value) ? options : [...options, value];
  return (
    <div>
      <label htmlFor={id} className={LABEL}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error !== undefined} aria-describedby={describedBy(id, error, hint)} className={INPUT}>
        <option value="">{unsetLabel}</option>
        {all.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

export function CheckboxField({ id, label, hint, error, value, onChange }: FieldProps<boolean>) {
  return (
    <div>
      <div className="flex items-center gap-2">
        <input id={id} type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} aria-invalid={error !== undefined} aria-describedby={describedBy(id, error, hint)} className="h-4 w-4 accent-sky-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500" />
        <label htmlFor={id} className="text-sm font-medium">{label}</label>
      </div>
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A section of the form: a fieldset with its legend. */
export function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-300 p-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

export const GRID = "grid grid-cols-1 gap-3 sm:grid-cols-2";
export const BUTTON = "rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 disabled:cursor-not-allowed dark:border-slate-600 dark:hover:bg-slate-800";
