import type { Rebase } from "@/lib/k8s/rebase";

const show = (value: unknown) => (value === undefined ? "(none)" : JSON.stringify(value));

/** Someone changed the LWS while it was being edited: what they changed, and the way forward. */
export function RebaseBanner({ rebase, canRebase, onRebase }: { rebase: Rebase; canRebase: boolean; onRebase: () => void }) {
  return (
    <section role="alert" aria-labelledby="rebase-heading" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <h2 id="rebase-heading" className="font-semibold">Changed by someone else since you opened it</h2>
      <ul className="list-inside list-disc font-mono text-xs" aria-label="Their changes">
        {rebase.changes.map((c) => (
          <li key={c.path.join(".")}>
            {c.path.join(".")}: {show(c.before)} → {show(c.value)}
          </li>
        ))}
        {rebase.conflicts.map((c) => (
          <li key={c.path.join(".")}>
            {c.path.join(".")}: both changed — yours {show(c.mine)}, theirs {show(c.theirs)}; rebasing keeps yours
          </li>
        ))}
      </ul>
      <button type="button" onClick={onRebase} disabled={!canRebase} className="rounded-md bg-amber-700 px-3 py-1 font-medium text-white hover:bg-amber-800 disabled:cursor-not-allowed disabled:bg-slate-400 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500">
        Rebase onto their version
      </button>
      {!canRebase && <p>Fix the YAML first: a manifest that does not parse cannot be rebased.</p>}
    </section>
  );
}
