import { STANCE_LABEL, STANCE_MARK, STANCE_STYLE, type ReplyStance } from "./vocabulary";

export function StanceBadge({ stance }: { stance: ReplyStance }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STANCE_STYLE[stance]}`}
      data-stance={stance}
    >
      <span aria-hidden>{STANCE_MARK[stance]}</span>
      {STANCE_LABEL[stance]}
    </span>
  );
}
