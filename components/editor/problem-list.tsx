import type { ManifestProblem } from "@/lib/lws/manifest";

/** The manifest's problems, each at its line and field, as the server would word them. */
export function ProblemList({ problems }: { problems: ManifestProblem[] }) {
  return (
    <section aria-labelledby="problems-heading">
      <h2 id="problems-heading" className="font-semibold">{problems.length === 0 ? "No problems found" : `${problems.length} problem${problems.length > 1 ? "s" : ""}`}</h2>
      <ul className="mt-2 space-y-2 text-sm" aria-live="polite">
        {problems.map((p, i) => (
          <li key={i} className="rounded border border-red-300 bg-red-50 p-2 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
            {p.line !== undefined && <span className="font-mono">line {p.line}: </span>}
            {p.field && <span className="font-mono">{p.field}: </span>}
            {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
