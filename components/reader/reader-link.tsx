import Link from "next/link";
import type { ComponentProps } from "react";

// A link that opens a document's reader. It is never prefetched on sight: a prefetch is a
// full render of the reader (its whole marked text), and a list or a search of twenty
// documents made twenty of them after every view.
export function ReaderLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
