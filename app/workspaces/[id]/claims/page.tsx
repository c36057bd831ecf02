import { ClaimBoard } from "@/components/claims/claim-board";
import { ClaimMatrix } from "@/components/claims/claim-matrix";
import { PageLinks } from "@/components/documents/page-links";
import { claimMatrix, listClaims } from "@/lib/claims/claim-services";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Claims" };

// Documents (columns) of the matrix per page: about what a screen shows, so a page of a large
// workspace stays small (each column carries a cell for every claim).
const COLUMNS = 10;
// Passages shown on each claim's card; the rest load when asked for.
const PASSAGES_PER_CLAIM = 5;

export default async function ClaimsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const { id } = await params;
  const { user, abilities } = await loadWorkspaceForPage(id);
  const requested = Number([(await searchParams).page].flat()[0]);
  const page = Number.isInteger(requested) && requested > 1 && requested < 100_000 ? requested : 1;
  // The claims with all their passages, read once: the matrix derives its cells from them,
  // and each claim's card shows its first few.
  const listed = await listClaims(user, id);
  const matrix = await claimMatrix(user, id, { limit: COLUMNS, cursor: String((page - 1) * COLUMNS) }, listed);
  const claims = listed.map((claim) => ({ ...claim, passages: claim.passages.slice(0, PASSAGES_PER_CLAIM) }));
  const path = `/workspaces/${id}/claims`;
  return (
    <div className="space-y-8">
      <ClaimMatrix matrix={matrix}>
        <PageLinks
          page={page}
          pageSize={COLUMNS}
          total={matrix.stanceTakingDocuments}
          hrefFor={(target) => (target > 1 ? `${path}?page=${target}` : path)}
          label="Matrix pages"
        />
      </ClaimMatrix>
      <ClaimBoard workspaceId={id} claims={claims} canEdit={abilities.canLink} />
    </div>
  );
}
