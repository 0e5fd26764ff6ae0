/**
 * What the article itself says a name is: the appositive beside it. "Karen Donfried, the assistant secretary of
 * state, said" → "the assistant secretary of state"; "the independent TD for Galway West, Catherine Connolly,"
 * the same before the name. A card for a name the knowledge file lacks quotes it: the article's words, not ours.
 */

/** Opens an appositive: an article or a determiner, in English or German. */
const OPENER = /^(?:the|a|an|its|his|her|their|former|then|now|der|die|das|ein|eine|einer|ehemalige[rn]?)\s/i;
/** Words that open a clause, not a description ("Donfried, who said", "Donfried, the day after"). */
const NOT_DESCRIPTION = /^(?:the (?:day|week|month|year|time|same|other|first|last)|a (?:day|week|month|year|few|lot)|a?\s*(?:said|says|told|and|but|or|which|who|when|where|while|however)\b)/i;
const MAX_WORDS = 14;
const MAX_CHARS = 140;

/** The appositive right after [start, end) ("NAME, the …,") or right before it ("the …, NAME"), or null. */
export function appositiveAt(text: string, start: number, end: number): string | null {
  const after = /^, ([^,.;:()\n\u2014\u2013"]{3,140}?)(?:,|\.(?!\w)|;|\)| [\u2014\u2013] )/u.exec(text.slice(end, end + MAX_CHARS + 4));
  if (after && isDescription(after[1]!)) return after[1]!.trim();
  // Before the name, the description opens at its article: "Officials met the assistant secretary of state, Karen Donfried".
  const before = /(?:^|[\s(])((?:the|a|an|der|die|das|The|A|An|Der|Die|Das) [^,.;:()\n\u2014\u2013"]{3,140}), $/u.exec(text.slice(Math.max(0, start - MAX_CHARS - 4), start));
  if (before && isDescription(before[1]!)) return before[1]!.trim();
  return null;
}

function isDescription(words: string): boolean {
  const w = words.trim();
  const count = w.split(/\s+/).length;
  return count >= 2 && count <= MAX_WORDS && OPENER.test(w) && !NOT_DESCRIPTION.test(w) && !/[\p{Lu}]{2,}\s*$/u.test(w.slice(-3));
}
