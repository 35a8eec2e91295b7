import { useId, useMemo } from "react";
import { formFieldOf, formValue, readForm, writeForm, type FormField, type FormFieldValues, type LwsFormValues } from "@/lib/lws/form-model";
import { parseManifest, type ManifestProblem } from "@/lib/lws/manifest";

/** What one control needs: its id, value, error and how to write a new value into the YAML. */
export interface Bound<V> {
  id: string;
  value: V;
  error?: string;
  onChange: (value: V) => void;
}

export interface FormBinding {
  values: LwsFormValues;
  /** the YAML does not parse: the form shows empty values and takes no edits */
  disabled: boolean;
  nodeLabelKeys: string[];
  bind: <F extends FormField>(field: F) => Bound<FormFieldValues[F]>;
}

function errorsByField(problems: ManifestProblem[]): Map<FormField, string> {
  const errors = new Map<FormField, string>();
  for (const problem of problems) {
    const field = problem.field === undefined ? undefined : formFieldOf(problem.field);
    if (field) errors.set(field, errors.has(field) ? `${errors.get(field)}; ${problem.message}` : problem.message);
  }
  return errors;
}

/** The form as a function of the YAML: values read on every change, each edit written back into the text. */
export function useFormBinding(source: string, onChange: (source: string) => void, problems: ManifestProblem[], nodeLabelKeys: string[]): FormBinding {
  const prefix = useId();
  const object = useMemo(() => parseManifest(source).object, [source]);
  const values = useMemo(() => readForm(object), [object]);
  const errors = useMemo(() => errorsByField(problems), [problems]);
  return {
    values,
    disabled: object === undefined,
    nodeLabelKeys,
    bind: (field) => ({
      id: `${prefix}-${field}`,
      value: formValue(values, field),
      error: errors.get(field),
      onChange: (value) => {
        const next = writeForm(source, field, value);
        if (next !== source) onChange(next);
      },
    }),
  };
}
