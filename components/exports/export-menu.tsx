"use client";

import { buttonClass } from "@/components/ui/button";
import { Menu, menuItemClass } from "@/components/ui/menu";

const FORMATS = [
  { format: "md", label: "Markdown report" },
  { format: "html", label: "HTML report (standalone)" },
  { format: "csv", label: "CSV (annotations and replies)" },
  { format: "jsonld", label: "W3C Web Annotation (JSON-LD)" },
  { format: "json", label: "JSON (to import elsewhere)" },
] as const;

// Download links for a document's or a workspace's export (what the viewer may see).
export function ExportMenu({ url }: { url: string }) {
  return (
    <Menu trigger="Export" triggerClassName={buttonClass("secondary")} align="right">
      {(close) =>
        FORMATS.map(({ format, label }) => (
          <a key={format} href={`${url}?format=${format}`} download className={menuItemClass} role="menuitem" onClick={close}>
            {label}
          </a>
        ))
      }
    </Menu>
  );
}
