import { LwsEditor } from "@/components/editor/lws-editor";

export default function NewLwsPage() {
  return <LwsEditor />;
}
