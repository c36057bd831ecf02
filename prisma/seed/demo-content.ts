// Demo documents written by the Counterpoint team for the seeded workspace.
// (Real third-party texts are never stored in this repository.)

export const DEMO_PASSWORD = "counterpoint-demo";

export const DEMO_USERS = [
  { email: "owner@counterpoint.example", name: "Maya Okafor", role: "owner" },
  { email: "moderator@counterpoint.example", name: "Tomás Rivera", role: "moderator" },
  { email: "researcher@counterpoint.example", name: "Priya Nair", role: "researcher" },
  { email: "viewer@counterpoint.example", name: "Lena Fischer", role: "viewer" },
] as const;

export const DEMO_WORKSPACE = {
  name: "Alignment or alliance? (demo)",
  description: "A sample workspace: two short essays that read the same partnership in opposite ways.",
};

export const DEMO_DOCUMENTS = [
  {
    title: "A Partnership Without a Treaty",
    authors: ["Counterpoint Demo Team"],
    publishedAt: "2025-03-04T00:00:00Z",
    text: [
      "Two large powers can stand shoulder to shoulder without ever signing a mutual-defence pact. What matters is whether their habits of cooperation have begun to behave like an alliance.",
      "Over the past decade, joint exercises have grown from symbolic drills into rehearsals that test command links and shared logistics. Each new exercise is larger and more complex than the last.",
      "Trade has followed the flags. Energy contracts now run for decades, and payments increasingly avoid the currencies of third parties. Such ties are hard to unwind quickly.",
      "Taken together, these trends suggest that the partnership is hardening into a de facto alliance, even if neither capital will use the word.",
      "Critics reply that no treaty binds either side to fight for the other. That is true, but formal obligations are only one way to make commitments credible — “costly signals” can do the same work.",
    ].join("\n\n"),
  },
  {
    title: "Why Convergence Is Not Alliance",
    authors: ["Counterpoint Demo Team"],
    publishedAt: "2025-05-19T00:00:00Z",
    text: [
      "Analysts often mistake convergence for commitment. Two states may share a rival and still guard their freedom of action jealously.",
      "The record shows that each partner has declined to back the other in several regional disputes. Neither has recognised the other's contested territorial claims.",
      "Joint exercises are real, but they remain episodic and carefully limited. There is no integrated command, and no basing of forces on each other's soil.",
      "The relationship is best described as a flexible alignment that both sides prefer precisely because it avoids the obligations of an alliance.",
      "An alliance would narrow their options; the present arrangement keeps every door open — a point that both governments make in their own statements (“not an alliance, but more than a partnership”).",
    ].join("\n\n"),
  },
] as const;

// Annotations by document index, with the exact words they mark.
export const DEMO_ANNOTATIONS = [
  {
    key: "dejure",
    document: 0,
    creator: "researcher@counterpoint.example",
    quote: "the partnership is hardening into a de facto alliance",
    body: "The central claim of the piece. Note the hedge: *de facto*, not formal.",
    tags: ["claim", "alliance"],
    color: "yellow",
  },
  {
    key: "exercises",
    document: 0,
    creator: "owner@counterpoint.example",
    quote: "Each new exercise is larger and more complex than the last.",
    body: "Evidence offered for the trend. Which exercises, and measured how?",
    tags: ["evidence"],
    color: "blue",
  },
  {
    key: "signals",
    document: 0,
    creator: "moderator@counterpoint.example",
    quote: "“costly signals” can do the same work",
    body: "Interesting move: credibility without a treaty.",
    tags: ["theory"],
    color: "purple",
  },
  {
    key: "alignment",
    document: 1,
    creator: "researcher@counterpoint.example",
    quote: "a flexible alignment that both sides prefer precisely because it avoids the obligations of an alliance",
    body: "The opposing reading, stated directly.",
    tags: ["claim", "alliance"],
    color: "green",
  },
  {
    key: "limited",
    document: 1,
    creator: "owner@counterpoint.example",
    quote: "they remain episodic and carefully limited",
    body: "Directly disputes the escalation trend in the first essay.",
    tags: ["evidence"],
    color: "blue",
  },
] as const;

export const DEMO_REPLIES = [
  {
    annotation: "dejure",
    author: "moderator@counterpoint.example",
    stance: "qualifies",
    body: "“De facto” carries most of the weight here. What would count as evidence *against* it?",
  },
  {
    annotation: "dejure",
    author: "viewer@counterpoint.example",
    stance: "asks",
    body: "Is there a definition of alliance the author is working with?",
    parent: 0,
  },
] as const;

export const DEMO_LINKS = [
  {
    from: "alignment",
    to: "dejure",
    relation: "contradicts",
    rationale: "Same facts, opposite conclusion: alignment that avoids obligations versus an alliance in all but name.",
    creator: "researcher@counterpoint.example",
  },
  {
    from: "limited",
    to: "exercises",
    relation: "contradicts",
    rationale: "Episodic and limited versus ever larger and more complex.",
    creator: "owner@counterpoint.example",
  },
] as const;

// Claims with passages placed under them; the matrix derives the rest from the links.
export const DEMO_CLAIMS = [
  {
    title: "Is China–Russia cooperation becoming an alliance?",
    passages: [{ annotation: "dejure", stance: "supports" }],
  },
  { title: "Is their military cooperation escalating?", passages: [{ annotation: "exercises", stance: "supports" }] },
] as const;

// A curated collection, as a moderator would hand it on: the two disagreements first.
export const DEMO_COLLECTION = {
  title: "Where the two briefs part ways",
  description:
    "Both briefs describe the **same** exercises, visits and statements. They disagree on what the pattern amounts to: an alliance in all but name, or alignment that deliberately stops short of obligations.\n\nRead the two links first, then the passage on signalling.",
  items: [
    { link: 0, note: "The central disagreement: one reading of the treaty record against the other." },
    { link: 1, note: "The military side of the same question." },
    { annotation: "signals", note: "Worth reading before taking either side." },
  ],
} as const;
