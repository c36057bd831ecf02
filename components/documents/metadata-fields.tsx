import { TextField } from "@/components/ui/field";
import type { ApiError } from "@/lib/client/api-fetch";

export type MetadataDefaults = {
  title?: string;
  authors?: string[];
  sourceUrl?: string | null;
  publishedAt?: string | null;
};

// Title, authors, source and date: shared by import and "edit details".
export function MetadataFields({
  error,
  defaults = {},
  isTitleOptional,
  hideSourceUrl,
}: {
  error: ApiError | null;
  defaults?: MetadataDefaults;
  isTitleOptional?: boolean;
  // Importing from a web address: the address is the source.
  hideSourceUrl?: boolean;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label={isTitleOptional ? "Title (optional)" : "Title"}
        name="title"
        defaultValue={defaults.title}
        required={!isTitleOptional}
        hint={
          isTitleOptional
            ? "Left empty, the title is taken from the file's metadata, first heading or name."
            : undefined
        }
        errors={error?.fields?.title}
      />
      <TextField
        label="Authors"
        name="authors"
        defaultValue={defaults.authors?.join(", ")}
        placeholder="e.g. Bonny Lin, Igor Istomin"
        hint="Separate several authors with commas."
        errors={error?.fields?.authors}
      />
      {hideSourceUrl ? null : (
        <TextField
          label="Source URL"
          name="sourceUrl"
          type="url"
          defaultValue={defaults.sourceUrl ?? ""}
          placeholder="https://…"
          errors={error?.fields?.sourceUrl}
        />
      )}
      <TextField
        label="Published"
        name="publishedAt"
        defaultValue={defaults.publishedAt ?? ""}
        placeholder="2023, 2023-09 or 2023-09-15"
        hint="A year, a month or a full date: as much as the source says."
        pattern="\d{4}(-\d{2}(-\d{2})?)?"
        inputMode="numeric"
        errors={error?.fields?.publishedAt}
      />
    </div>
  );
}

// The metadata fields of a form, shaped for the JSON API.
export function metadataFromForm(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  return {
    title: text("title") || undefined,
    authors: text("authors")
      ? text("authors")
          .split(/[,;\n]/)
          .map((author) => author.trim())
          .filter(Boolean)
      : [],
    sourceUrl: text("sourceUrl") || null,
    publishedAt: text("publishedAt") || null,
  };
}
