// The build's view of the knowledge base: validated, and compiled into the content script's matcher.
import { knowledge } from "../src/knowledge/index";
import { validateKnowledge } from "../src/core/knowledge/validate";
import { compileMatcher } from "../src/core/mentions/compile";

export function checkKnowledge() {
  const problems = validateKnowledge(knowledge);
  return { problems, matcher: problems.length === 0 ? compileMatcher(knowledge) : null };
}
