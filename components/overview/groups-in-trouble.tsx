import Link from "next/link";
import { troubleRows, type GroupInTrouble } from "@/lib/dashboard/groups-in-trouble";

const LISTED = 50;

const TONES = {
  stuck: { box: "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950", heading: "text-red-900 dark:text-red-100" },
  degraded: { box: "border-orange-300 bg-orange-50 dark:border-orange-800 dark:bg-orange-950", heading: "text-orange-900 dark:text-orange-100" },
};

/** One list of groups in trouble (the first 50 lines), those of one LWS with the same cause on one line, linked to a diagnosis. */
export function GroupsInTroubleList({ title, tone, groups }: { title: string; tone: keyof typeof TONES; groups: GroupInTrouble[] }) {
  if (groups.length === 0) return null;
  const headingId = `${tone}-heading`;
  const rows = troubleRows(groups);
  return (
    <section aria-labelledby={headingId} className={`rounded-lg border p-4 ${TONES[tone].box}`}>
      <h2 id={headingId} className={`font-semibold ${TONES[tone].heading}`}>{title}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {rows.slice(0, LISTED).map((g) => (
          <li key={g.key}>
            <Link href={g.href} className="font-medium underline">{g.label}</Link>: {g.summary}
          </li>
        ))}
      </ul>
      {rows.length > LISTED && <p className="mt-1 text-sm">and {rows.length - LISTED} more</p>}
    </section>
  );
}
