import { ACCESS_MODES, newVolumeClaim } from "@/lib/lws/form-model";
import type { FormBinding } from "./form-binding";
import { BUTTON, GRID, Messages, Section, TextField } from "./form-controls";

function AccessModes({ form, index }: { form: FormBinding; index: number }) {
  const { id, value, error, onChange } = form.bind(`volumeClaims.${index}.accessModes`);
  const toggle = (mode: string, on: boolean) => onChange(on ? ACCESS_MODES.filter((m) => m === mode || value.includes(m)) : value.filter((m) => m !== mode));
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">Access modes</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {ACCESS_MODES.map((mode) => (
          <label key={mode} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={value.includes(mode)} onChange={(e) => toggle(mode, e.target.checked)} className="h-4 w-4 accent-sky-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500" />
            {mode}
          </label>
        ))}
      </div>
      <Messages id={id} error={error} />
    </fieldset>
  );
}

function ClaimFields({ form, index }: { form: FormBinding; index: number }) {
  const claim = form.bind(`volumeClaims.${index}`);
  const title = claim.value?.name || `claim ${index + 1}`;
  return (
    <fieldset className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-700" aria-describedby={claim.error ? `${claim.id}-error` : undefined}>
      <legend className="px-1 font-mono text-xs">{title}</legend>
      <div className={GRID}>
        <TextField label="Name" mono hint="mount it with a volumeMount of this name" {...form.bind(`volumeClaims.${index}.name`)} />
        <TextField label="Storage" placeholder="10Gi" {...form.bind(`volumeClaims.${index}.storage`)} />
        <TextField label="Storage class" placeholder="the cluster's default" {...form.bind(`volumeClaims.${index}.storageClassName`)} />
      </div>
      <AccessModes form={form} index={index} />
      <Messages id={claim.id} error={claim.error} />
      <button type="button" className={BUTTON} onClick={() => claim.onChange(undefined)}>Remove {title}</button>
    </fieldset>
  );
}

/** volumeClaimTemplates: a PersistentVolumeClaim per pod, for leader and workers alike. */
export function StorageFieldset({ form }: { form: FormBinding }) {
  const claims = form.values.volumeClaims;
  return (
    <Section legend="Storage">
      {claims.length === 0 && <p className="text-xs text-slate-600 dark:text-slate-400">No volume claim templates: pods get no persistent volume.</p>}
      {claims.map((_, index) => <ClaimFields key={index} form={form} index={index} />)}
      <button type="button" className={BUTTON} onClick={() => form.bind(`volumeClaims.${claims.length}`).onChange(newVolumeClaim(claims))}>Add volume claim</button>
    </Section>
  );
}
