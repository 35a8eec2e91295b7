import { LwsEditor } from "@/components/editor/lws-editor";

export default async function EditLwsPage({ params }: { params: Promise<{ namespace: string; name: string }> }) {
  const { namespace, name } = await params;
  return <LwsEditor edit={{ namespace: decodeURIComponent(namespace), name: decodeURIComponent(name) }} />;
}
