import type { Report, ReportReply } from "./collect-report";

// The Argument Interchange Format as AIFdb and OVA read it (nodes, edges, locutions):
// passages and replies are information (I) nodes; what relates them becomes a scheme
// node between them — inference (RA) for agreement and support, conflict (CA) for
// contradiction, opposition and qualification, rephrase (MA) for elaboration.
// Questions ("asks") stay I-nodes without a scheme: they claim nothing.
const SCHEMES: Record<string, { type: "RA" | "CA" | "MA"; text: string } | undefined> = {
  agrees: { type: "RA", text: "Default Inference" },
  supports: { type: "RA", text: "Default Inference" },
  contradicts: { type: "CA", text: "Default Conflict" },
  opposes: { type: "CA", text: "Default Conflict" },
  qualifies: { type: "CA", text: "Qualification" },
  elaborates: { type: "MA", text: "Default Rephrase" },
  asks: undefined,
};

type AifNode = { nodeID: string; text: string; type: "I" | "RA" | "CA" | "MA"; timestamp: string };
type AifEdge = { edgeID: string; fromID: string; toID: string; formEdgeID: null };

export function reportAif(report: Report) {
  const nodes: AifNode[] = [];
  const edges: AifEdge[] = [];
  const nodeIds = new Map<string, string>();
  const timestamp = (iso: string) => iso.replace("T", " ").slice(0, 19);
  const node = (text: string, type: AifNode["type"], created: string, key?: string) => {
    const nodeID = String(nodes.length + 1);
    nodes.push({ nodeID, text, type, timestamp: timestamp(created) });
    if (key) nodeIds.set(key, nodeID);
    return nodeID;
  };
  const edge = (fromID: string, toID: string) =>
    edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null });
  // "from relation to": from → scheme → to.
  const relate = (fromID: string, relation: string, toID: string, created: string) => {
    const scheme = SCHEMES[relation];
    if (!scheme) return;
    const schemeID = node(scheme.text, scheme.type, created);
    edge(fromID, schemeID);
    edge(schemeID, toID);
  };
  const replies = (list: ReportReply[], targetID: string) => {
    for (const reply of list) {
      const replyID = node(reply.body, "I", reply.createdAt, reply.id);
      relate(replyID, reply.stance, targetID, reply.createdAt);
      replies(reply.replies, replyID);
    }
  };
  for (const document of report.documents) {
    for (const annotation of document.annotations) node(annotation.quote, "I", annotation.createdAt, annotation.id);
  }
  for (const link of report.links)
    relate(nodeIds.get(link.fromAnnotationId)!, link.relation, nodeIds.get(link.toAnnotationId)!, link.createdAt);
  for (const document of report.documents) {
    for (const annotation of document.annotations) replies(annotation.replies, nodeIds.get(annotation.id)!);
  }
  return { nodes, edges, locutions: [], participants: [] };
}
