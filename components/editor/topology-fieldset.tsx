import { SUBGROUP_POLICY_TYPES } from "@/lib/lws/constants";
import type { FormBinding } from "./form-binding";
import { CheckboxField, GRID, NumberField, Section, SelectField } from "./form-controls";

/** Exclusive placement of groups and sub-groups on node-label domains (racks, zones), and the sub-groups themselves. */
export function TopologyFieldset({ form }: { form: FormBinding }) {
  const { values, nodeLabelKeys } = form;
  // Shown while set even without sub-groups, so the error it then carries has a place.
  const subGroupTopology = values.subGroups || values.subGroupExclusiveTopology !== "";
  return (
    <Section legend="Topology">
      <SelectField label="Exclusive topology" unsetLabel="none" options={nodeLabelKeys} hint="each group gets a domain of this node label (a rack, a zone) to itself" {...form.bind("exclusiveTopology")} />
      <CheckboxField label="Sub-groups" hint="split each group into sub-groups of pods placed together; fixed once created" {...form.bind("subGroups")} />
      {(values.subGroups || subGroupTopology) && (
        <div className={GRID}>
          {values.subGroups && <NumberField label="Sub-group size" min={1} hint="must divide size or size - 1" {...form.bind("subGroupSize")} />}
          {values.subGroups && <SelectField label="Sub-group policy" unsetLabel="default (LeaderWorker)" options={SUBGROUP_POLICY_TYPES} hint="LeaderExcluded keeps the leader out of the sub-groups" {...form.bind("subGroupPolicyType")} />}
          {subGroupTopology && <SelectField label="Sub-group exclusive topology" unsetLabel="none" options={nodeLabelKeys} hint="each sub-group gets a domain to itself" {...form.bind("subGroupExclusiveTopology")} />}
        </div>
      )}
    </Section>
  );
}
