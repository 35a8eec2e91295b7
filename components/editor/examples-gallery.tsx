import { EXAMPLES } from "@/lib/lws/examples";

/** The concepts page's examples (and more), each opening in the editor. */
export function ExamplesGallery({ onPick }: { onPick: (yaml: string) => void }) {
  return (
    <section aria-labelledby="examples-heading">
      <h2 id="examples-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Examples</h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {EXAMPLES.map((example) => (
          <li key={example.id}>
            <button type="button" onClick={() => onPick(example.yaml)} title={example.description} className="rounded-full border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800">
              {example.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
