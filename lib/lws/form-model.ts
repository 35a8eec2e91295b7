/**
 * The LWS form's model: values read from a manifest, one edit at a time written back into the
 * YAML text, and errors routed to the field that shows them. The YAML stays the source of truth.
 */
import { parseDocument } from "yaml";
import { deepEqual } from "@/lib/k8s/deep-equal";
import { applyEdit } from "./form-edits";
import { resolveField, type FormField, type FormFieldValues } from "./form-fields";
import { formValue, readForm } from "./form-values";
import { parseManifest } from "./manifest";
import { yamlStyleOf } from "./yaml-style";

export { formFieldOf } from "./form-errors";
export { formValue, newVolumeClaim, readForm, type LwsFormValues } from "./form-values";
export {
  ACCESS_MODES,
  type FormField,
  type FormFieldValues,
  type PodKey,
  type PodValues,
  type TemplateRole,
  type VolumeClaimValues,
} from "./form-fields";

/**
 * Applies one form edit to the manifest's text. Everything else (comments, key order, fields the
 * form does not know, the file's indentation) is kept. Returns `source` itself when the value is
 * already there, when the YAML does not parse (with manifest.ts's limits), or when the edit would
 * have to pass through a scalar or an alias.
 */
export function writeForm<F extends FormField>(source: string, field: F, value: FormFieldValues[F]): string {
  const { object } = parseManifest(source);
  const ref = resolveField(field);
  if (!object || !ref || deepEqual(formValue(readForm(object), field), value)) return source;
  const doc = parseDocument(source);
  try {
    applyEdit(doc, object, ref, value);
  } catch {
    return source;
  }
  return doc.toString(yamlStyleOf(source));
}
