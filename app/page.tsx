import { Suspense } from "react";
import { LwsOverview } from "@/components/overview/lws-overview";

export default function OverviewPage() {
  return (
    <Suspense>
      <LwsOverview />
    </Suspense>
  );
}
