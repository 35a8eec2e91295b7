import { GPU } from "@/lib/k8s/pod-requests";
import type { TemplateRole } from "@/lib/lws/form-model";
import type { FormBinding } from "./form-binding";
import { CheckboxField, GRID, Section, TextField } from "./form-controls";

function TemplateFields({ form, role, legend }: { form: FormBinding; role: TemplateRole; legend: string }) {
  return (
    <fieldset className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{legend}</legend>
      <TextField label="Image" mono placeholder="registry/image:tag" hint="of the first container" {...form.bind(`${role}.image` as const)} />
      <div className={GRID}>
        <TextField label="CPU request" placeholder="500m" {...form.bind(`${role}.cpuRequest` as const)} />
        <TextField label="CPU limit" placeholder="1" {...form.bind(`${role}.cpuLimit` as const)} />
        <TextField label="Memory request" placeholder="1Gi" {...form.bind(`${role}.memoryRequest` as const)} />
        <TextField label="Memory limit" placeholder="2Gi" {...form.bind(`${role}.memoryLimit` as const)} />
        <TextField label="GPUs per pod" placeholder="0" hint={`${GPU}, set in limits`} {...form.bind(`${role}.gpus` as const)} />
      </div>
    </fieldset>
  );
}

/** The leader and worker templates' first containers; the leader's only when it has a template of its own. */
export function PodsFieldset({ form }: { form: FormBinding }) {
  const separate = form.values.leaderTemplate;
  return (
    <Section legend="Pods">
      <CheckboxField label="Separate leader template" hint="Off: the leader runs the worker template. On: starts as a copy of it." {...form.bind("leaderTemplate")} />
      {separate && <TemplateFields form={form} role="leader" legend="Leader" />}
      <TemplateFields form={form} role="worker" legend={separate ? "Workers" : "Leader and workers"} />
    </Section>
  );
}
