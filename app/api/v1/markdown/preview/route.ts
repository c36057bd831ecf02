import { apiRoute, requireActor } from "@/lib/api/route";
import { readJson } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { renderMarkdownInPool } from "@/lib/markdown/render-in-pool";
import { markdownPreviewSchema } from "@/lib/validations/annotation";

// The same sanitizing renderer the reader uses, for the comment editor's preview.
export const POST = apiRoute(async ({ request, actor }) => {
  requireActor(actor);
  const { markdown } = await readJson(request, markdownPreviewSchema);
  return json({ html: await renderMarkdownInPool(markdown) });
});
