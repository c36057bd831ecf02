import { stemmer } from "stemmer";

// A small shipped thesaurus of international-relations concepts: words an analyst treats as
// saying the same thing about states and their alignments ("alliance" ~ "treaty" ~ "pact",
// "distrust" ~ "mistrust" ~ "suspicion"). It is general domain knowledge, written from how
// the field talks, not from any document or evaluation pair. A word may belong to several
// concepts. Words are matched on their Porter stems, so inflections come for free; negated
// and prefixed forms (distrust, mistrust) sit in the group of the word they negate, since a
// passage that denies a thing still discusses it.
const GROUPS: Record<string, string> = {
  alliance:
    "alliance alliances ally allies allied treaty treaties pact pacts coalition axis bloc blocs entente alignment aligned",
  obligation:
    "obligation obligations obliged commitment commitments commit committed pledge pledges guarantee guarantees binding bound duty duties",
  military: "military army armed troops forces soldiers war wars warfare combat fight fighting defence defense defend",
  assistance: "mutual mutually reciprocal help helping assist assistance aid support supporting backing",
  trust:
    "trust distrust mistrust suspicion suspicious suspicions wary wariness doubt doubts skeptical sceptical skepticism scepticism confidence",
  rivalry: "rival rivals rivalry competition compete competing competitor contest tension tensions friction",
  division: "camp camps bipolar bipolarity division divisions divided split polarization polarisation confrontation",
  hegemony: "hegemony hegemon hegemonic dominance dominant dominate domination primacy supremacy unipolar unipolarity",
  arms: "arms weapons weaponry missiles missile jets aircraft fighters",
  exercises: "exercises exercise drills drill manoeuvres maneuvers patrols patrol",
  economy: "trade economic economy economies commerce commercial investment investments",
  energy: "energy oil gas pipeline pipelines hydrocarbons",
  sanctions: "sanctions sanction embargo embargoes penalties restrictions",
  west: "west western nato washington america american",
  asymmetry:
    "junior subordinate dependence dependent dependency reliance rely relies vassal asymmetry asymmetric unequal imbalance",
  autonomy: "independence independent autonomy autonomous sovereignty neutral neutrality nonaligned flexibility",
  threat: "threat threats threaten threatening danger dangers risk risks menace",
  containment: "containment contain encirclement encircle encircled isolate isolation counterbalance balancing",
  cooperation:
    "cooperation cooperate cooperative collaboration collaborate partnership partner partners coordination coordinate rapprochement convergence",
  formal: "formal formally official officially publicly explicit explicitly declared declare announce announced",
  agreement: "agreement agreements accord accords deal deals convention",
  friendship: "friendship friendly amity goodwill neighbourliness neighborliness",
  nuclear: "nuclear atomic deterrence deterrent",
  restraint:
    "limit limits limited constraint constraints constrain restraint caution cautious reluctance reluctant hesitant",
  opposition: "oppose opposes opposition resist resistance reject rejection counter countering",
  order: "order system architecture norms rules",
  technology: "technology technologies technological semiconductors chips",
  weakness: "decline declining weakness weak weaker weakened vulnerable vulnerability",
  summit: "summit summits meeting meetings visit visits talks",
};

const CONCEPTS = new Map<string, string[]>();
for (const [concept, list] of Object.entries(GROUPS))
  for (const word of list.split(" ")) {
    const stem = stemmer(word);
    const concepts = CONCEPTS.get(stem) ?? [];
    if (!concepts.includes(concept)) CONCEPTS.set(stem, [...concepts, concept]);
  }

// The concepts a stem belongs to, as "~concept" terms (empty when it is in none).
export function conceptsOf(stem: string): string[] {
  return (CONCEPTS.get(stem) ?? []).map((concept) => `~${concept}`);
}

export const conceptTerms = (stems: string[]): string[] => stems.flatMap(conceptsOf);
