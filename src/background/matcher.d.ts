// The matcher compiled from the knowledge base by build.mjs (see compileMatcher).
declare module "backstory:matcher" {
  import type { CompiledMatcher } from "../core/mentions/compile";
  const matcher: CompiledMatcher;
  export default matcher;
}
