import { Suspense } from "react";
import { LwsDetail } from "@/components/lws/lws-detail";

export default async function LwsPage({ params }: { params: Promise<{ namespace: string; name: string }> }) {
  const { namespace, name } = await params;
  return (
    <Suspense>
      <LwsDetail namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />
    </Suspense>
  );
}
