/**
 * Parts of an article's text that name the people who made it, not the people it is about: photo credits
 * ("(AP Photo/Evan Vucci)", "Photograph: Sergei Supinsky/AFP/Getty Images", "© Foto: Virginia Mayo (Keystone)",
 * "Sergei Chuzavkov/AFP/Getty Images" closing a caption) and datelines ("MOSCOW (Reuters) —", "KYIV, Ukraine
 * (AP) —", "Moskau (dpa) -"). Found by the shape of the text, whatever the outlet: no name is marked inside them.
 */

/** A range of the text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Wire and picture agencies: the words that, alone in brackets or in a slash-joined credit, say the text
 * is a credit. A credit words it the same way on every site; the prose never puts "(Reuters)" in brackets.
 */
const AGENCY =
  "AP|AFP|Reuters|EPA|EFE|EPA-EFE|PA|Getty|Getty Images|dpa|DPA|Keystone|ANP|Anadolu|Anadolu Agency|Xinhua|Sputnik|TASS|Tass|Bloomberg|" +
  "Shutterstock|Alamy|imago|IMAGO|picture alliance|picture-alliance|Belga|ANSA|SIPA|Sipa|KEYSTONE|REUTERS|GETTY IMAGES|APA|SDA|KNA|epd|UPI|Polaris|Redux";
const AGENCY_WORD = new RegExp(`^(?:${AGENCY})(?: via (?:${AGENCY}))?$`, "i");

/** A capitalised word or an all-caps one, with its inner marks ("Bas-Wohlert", "O'Neill", "St."). */
const CAP = "(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}\\p{N}'&-]*)";
/** A credit's words before a slash may be lower case ("Ukraine operational command south/Reuters"). */
const ANY = "(?:\\p{Lu}\\.|[\\p{L}\\p{N}][\\p{L}\\p{N}'&-]*)";
/** The part after the last slash: capitalised words, "via" joining agencies ("AFP via Getty Images"). */
const LAST = `(?:(?:${CAP} via )?Getty Images|GETTY IMAGES|The Guardian|(?:${AGENCY})(?![\\p{L}\\p{N}])|${CAP}(?: via ${CAP}| ${CAP})?)`;
/** Segments joined by slashes, the first opening with a capital: "Sergei Chuzavkov/AFP/Getty Images". */
const CHAIN = `${CAP}(?: ${ANY}){0,5} ?/ ?(?:${ANY}(?: ${ANY}){0,5} ?/ ?)*${LAST}`;

/** Words that open a credit: "Photo:", "Photograph by", "Foto:", "Bild:", "Image credit:", "©". */
const KEYWORD = "(?:(?:Photo(?:graph)?s?|Fotos?|Bild(?:er)?|Images?|Pictures?|Pic|Credits?|Illustration|Grafik|Video)(?: credits?)? ?(?::|by\\b)|©|\\(c\\))";
/** After the opening word: a slash chain, or else a few capitalised words ("Photo: Getty Images", "Foto: dpa"). */
const KEYED = new RegExp(`(?<![\\p{L}\\p{N}])${KEYWORD} *(?:(?:Foto|Photo|Bild) ?: *)?(?:${CHAIN}|${CAP}(?: ${CAP}){0,2} via ${LAST}|(?:${AGENCY})(?![\\p{L}\\p{N}])|(?:${CAP}|dpa|epd|imago)(?: ${CAP}){0,4})?`, "uy");
/**
 * Where KEYED may start: the first letters of every KEYWORD alternative ("Pic" covers "Picture"). KEYED is tried
 * only there: run over a whole text, the large Unicode pattern cost more than the rest of the unknown-name
 * recognizer, as V8 drops compiled RegExp code at each full GC and first interprets it again.
 */
const KEYED_START = /Photo|Foto|Bild|Image|Pic|Credit|Illustration|Grafik|Video|©|\(c\)/g;
/** A bracketed credit: a credit word inside ("(AP Photo/Olivier Matthys)", "(© Copyright 2021 CBS …)") or only agencies ("(AFP)", "(AP/Keystone)"). */
const BRACKETED = /\(([^()\n]{1,120})\)/g;
const CREDIT_INSIDE = /(?:^|[^\p{L}])(?:Photos?|Fotos?|Bild|Image|Picture|Credit|Copyright)(?:[^\p{L}]|$)|©/u;
/** A person's name before an agency in a bracketed credit: two to four capitalised words. */
const PHOTOGRAPHER = new RegExp(`^${CAP}(?: ${CAP}){1,3}$`, "u");
/** A slash chain closing a line or a sentence with an agency in it: "Sergei Chuzavkov/AFP/Getty Images". */
const TRAILING = new RegExp(`(?<![\\p{L}\\p{N}/])${CHAIN} *$`, "u");

/**
 * A dateline opens a paragraph: a city in capitals (or any city when an agency in brackets follows), perhaps
 * a region or a date, perhaps the agency, then a dash. "Vladimir Putin — the president —" is not one: neither
 * capitals nor an agency.
 */
const DATELINE_CAPS = new RegExp(
  `[ \\t]*\\p{Lu}[\\p{Lu}.'-]+(?: \\p{Lu}[\\p{Lu}.'-]+){0,3}(?:/\\p{Lu}[\\p{Lu}.'-]+)?` +
    `(?:, (?:${CAP}|\\d{1,2})(?: (?:${CAP}|\\d{1,2}\\.?,?|\\d{4})){0,3})?(?: \\([^()\\n]{1,40}\\))? *[\\u2014\\u2013-]{1,2}(?= )`,
  "uy",
);
const DATELINE_AGENCY = new RegExp(
  `[ \\t]*${CAP}(?: ${CAP}){0,2}(?:/${CAP})*(?:, [^()\\n]{1,30})? \\((?:${AGENCY})(?:/(?:${AGENCY}))*\\) *[\\u2014\\u2013-]{1,2}(?= )`,
  "uy",
);

/** The credit and dateline spans of a text, in order, not overlapping. */
export function creditSpans(text: string): Span[] {
  // Most paragraphs hold none of the marks every credit shape needs: a quick look first keeps long texts cheap.
  if (!/[/:©()\u2014\u2013-]/.test(text)) return [];
  const spans: Span[] = [];
  // As text.matchAll(KEYED) with the flag "g" would find them: left to right, each match after the one before.
  let keyedFrom = 0;
  KEYED_START.lastIndex = 0;
  for (let k = KEYED_START.exec(text); k !== null; k = KEYED_START.exec(text)) {
    // The next try one unit on, not past the word: no candidate start is skipped.
    KEYED_START.lastIndex = k.index + 1;
    if (k.index < keyedFrom) continue;
    KEYED.lastIndex = k.index;
    const m = KEYED.exec(text);
    if (!m) continue;
    spans.push({ start: m.index, end: m.index + m[0].trimEnd().length });
    keyedFrom = m.index + m[0].length;
  }
  for (const m of text.matchAll(BRACKETED)) {
    const inside = m[1]!.trim();
    const parts = inside.split(/ ?\/ ?/);
    // "(Michael Kappeler/dpa)", a German caption's credit: a photographer's name, a slash, the agency.
    const photographer = parts.length === 2 && AGENCY_WORD.test(parts[1]!) && PHOTOGRAPHER.test(parts[0]!);
    if (CREDIT_INSIDE.test(inside) || photographer || parts.every((part) => AGENCY_WORD.test(part))) spans.push({ start: m.index!, end: m.index! + m[0].length });
  }
  // Line by line, the shapes tied to a line's start (datelines) or end (a credit closing a caption): tried where a
  // line has the mark they need, not at every word.
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.includes("/")) {
      const tailStart = Math.max(0, line.length - 160);
      const m = TRAILING.exec(line.slice(tailStart));
      if (m && m[0].trimEnd().split(/ ?\/ ?/).some((part) => AGENCY_WORD.test(part) || /(?:^| )(?:Images|The Guardian|Facebook|Twitter|Telegram|Instagram)$/.test(part))) {
        const start = lineStart + tailStart + m.index;
        spans.push({ start, end: start + m[0].trimEnd().length });
      }
    }
    if (/[\u2014\u2013-]/.test(line.slice(0, 80))) {
      for (const re of [DATELINE_CAPS, DATELINE_AGENCY]) {
        re.lastIndex = 0;
        const m = re.exec(line);
        if (!m) continue;
        const end = m[0].length;
        // "SOCCER - JAPAN GET LUCKY WIN", "NHL ICE HOCKEY -": a desk's slug over a headline in capitals, not a dateline.
        // A plain hyphen after a city alone says too little ("NATO - …"): a dateline has a region, a date, an agency or a long dash.
        const plain = re === DATELINE_CAPS && !/[,(\u2014\u2013]/.test(m[0]);
        if (plain || !/\p{Ll}/u.test(line.slice(end, end + 40))) continue;
        spans.push({ start: lineStart, end: lineStart + end });
        break;
      }
    }
    lineStart = lineEnd + 1;
  }
  return merge(spans);
}

function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Whether [start, end) overlaps one of `spans` (sorted, as creditSpans gives them). */
export function inSpans(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (s.end <= start) lo = mid + 1;
    else if (s.start >= end) hi = mid - 1;
    else return true;
  }
  return false;
}
