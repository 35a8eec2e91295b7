"use client";

import { DEFAULTS, RESTART_POLICIES, STARTUP_POLICIES, SUBDOMAIN_POLICIES } from "@/lib/lws/constants";
import type { ManifestProblem } from "@/lib/lws/manifest";
import { useFormBinding, type FormBinding } from "./form-binding";
import { GRID, NumberField, Section, SelectField, TextField } from "./form-controls";
import { PodsFieldset } from "./pods-fieldset";
import { StorageFieldset } from "./storage-fieldset";
import { TopologyFieldset } from "./topology-fieldset";

/** "Default" is the deprecated spelling of None: offered only when the YAML already says it. */
const RESTART_CHOICES = RESTART_POLICIES.filter((policy) => policy !== "Default");

function BasicsFieldset({ form }: { form: FormBinding }) {
  return (
    <Section legend="Basics">
      <div className={GRID}>
        <TextField label="Name" mono {...form.bind("name")} />
        <TextField label="Namespace" mono placeholder="default" {...form.bind("namespace")} />
        <NumberField label="Replicas (groups)" min={0} placeholder={String(DEFAULTS.replicas)} {...form.bind("replicas")} />
        <NumberField label="Size (pods per group)" min={1} placeholder={String(DEFAULTS.size)} hint="leader included" {...form.bind("size")} />
        <SelectField label="Startup policy" unsetLabel={`default (${DEFAULTS.startupPolicy})`} options={STARTUP_POLICIES} hint="LeaderReady creates workers once the leader is Ready" {...form.bind("startupPolicy")} />
        <SelectField label="Restart policy" unsetLabel={`default (${DEFAULTS.restartPolicy})`} options={RESTART_CHOICES} hint="what a failing pod does to its group" {...form.bind("restartPolicy")} />
        <SelectField label="Subdomain policy" unsetLabel={`default (${DEFAULTS.subdomainPolicy})`} options={SUBDOMAIN_POLICIES} hint="one headless Service, or one per group" {...form.bind("subdomainPolicy")} />
      </div>
    </Section>
  );
}

function RolloutFieldset({ form }: { form: FormBinding }) {
  return (
    <Section legend="Rollout">
      <div className={GRID}>
        <TextField label="Max unavailable" placeholder={String(DEFAULTS.maxUnavailable)} hint="groups, or a percent of replicas (rounds down)" {...form.bind("maxUnavailable")} />
        <TextField label="Max surge" placeholder={String(DEFAULTS.maxSurge)} hint="extra groups, or a percent (rounds up)" {...form.bind("maxSurge")} />
        <NumberField label="Partition" min={0} placeholder={String(DEFAULTS.partition)} hint="groups below this index keep their revision" {...form.bind("partition")} />
      </div>
    </Section>
  );
}

export interface LwsFormProps {
  /** the YAML: the form reads it on every change */
  source: string;
  /** the YAML with one form edit applied */
  onChange: (source: string) => void;
  /** the editor's problems, from validation or a server's 422; each shows on its field */
  problems: ManifestProblem[];
  /** the cluster's node label keys, offered as exclusive topologies */
  nodeLabelKeys: string[];
}

/** The common LeaderWorkerSet fields as a form over the YAML: edits go into the text, comments and unknown fields stay. */
export function LwsForm({ source, onChange, problems, nodeLabelKeys }: LwsFormProps) {
  const form = useFormBinding(source, onChange, problems, nodeLabelKeys);
  return (
    <form aria-label="LeaderWorkerSet form" className="space-y-4 text-sm" onSubmit={(e) => e.preventDefault()}>
      {form.disabled && (
        <p role="status" className="rounded border border-amber-400 bg-amber-50 p-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          The YAML does not parse: fix the YAML to use the form.
        </p>
      )}
      <fieldset disabled={form.disabled} className="space-y-4 disabled:opacity-60">
        <BasicsFieldset form={form} />
        <PodsFieldset form={form} />
        <TopologyFieldset form={form} />
        <RolloutFieldset form={form} />
        <StorageFieldset form={form} />
      </fieldset>
    </form>
  );
}
