import { RELATION_COLOR, RELATION_LABEL, RELATIONS } from "./vocabulary";

// What each relation's color means, for connectors and graph edges.
export function RelationLegend({ label }: { label: string }) {
  return (
    <ul className="flex flex-wrap gap-3 text-xs" aria-label={label}>
      {RELATIONS.map((relation) => (
        <li key={relation} className="flex items-center gap-1">
          <span className="inline-block h-0.5 w-5" style={{ background: RELATION_COLOR[relation] }} aria-hidden />
          {RELATION_LABEL[relation]}
        </li>
      ))}
    </ul>
  );
}
