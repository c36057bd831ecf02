import type { Paragraph } from "@/lib/reader/segment-text";
import { ANNOTATION_COLORS } from "@/lib/validations/annotation";

const colorClass = (color: string | null) => `hl-${color && (ANNOTATION_COLORS as readonly string[]).includes(color) ? color : "yellow"}`;

// The document's text with its highlights, rendered on the server. Each run
// carries its code-point offset (data-o) for the selection code, and
// highlights name their annotations (data-ids) and overlap depth. An empty
// anchor before each annotation's first run makes #annotation-{id} links work
// without any script.
export function ReaderText({ paragraphs }: { paragraphs: Paragraph[] }) {
  const started = new Set<string>();
  return (
    <div data-reader-text className="reader-text font-serif text-[1.14rem] leading-[1.8] text-stone-900 dark:text-stone-200">
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start} data-o={paragraph.start} className="mb-5 break-words">
          {paragraph.segments.map((segment) => {
            if (!segment.ids.length) {
              return (
                <span key={segment.start} data-o={segment.start}>
                  {segment.text}
                </span>
              );
            }
            const anchors = segment.ids.filter((id) => !started.has(id));
            anchors.forEach((id) => started.add(id));
            return [
              ...anchors.map((id) => <span key={`anchor-${id}`} id={`annotation-${id}`} className="scroll-mt-28" />),
              <mark key={segment.start} data-o={segment.start} data-ids={segment.ids.join(" ")} data-depth={Math.min(segment.ids.length, 3)} className={`hl ${colorClass(segment.color)}`}>
                {segment.text}
              </mark>,
            ];
          })}
        </p>
      ))}
    </div>
  );
}
