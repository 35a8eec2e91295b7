import { ClusterView } from "@/components/cluster/cluster-view";

export default function ClusterPage() {
  return <ClusterView />;
}
