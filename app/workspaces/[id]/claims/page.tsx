import { ClaimBoard } from "@/components/claims/claim-board";
import { ClaimMatrix } from "@/components/claims/claim-matrix";
import { claimMatrix, listClaims } from "@/lib/claims/claim-services";
import { loadWorkspaceForPage } from "../workspace-access";

export const metadata = { title: "Claims" };

export default async function ClaimsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, abilities } = await loadWorkspaceForPage(id);
  const [matrix, claims] = await Promise.all([claimMatrix(user, id), listClaims(user, id)]);
  return (
    <div className="space-y-8">
      <ClaimMatrix matrix={matrix} />
      <ClaimBoard workspaceId={id} claims={claims} canEdit={abilities.canLink} />
    </div>
  );
}
