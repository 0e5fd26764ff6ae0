import { asciiWords, foldText, hasInvisible, withoutInvisible } from "../text/fold";
import { creditSpans, inSpans, type Span } from "../text/credits";
import { isGerman, DEMONYMS, FIRST_NAMES, GERMAN_BODIES, GERMAN_FUNCTION, KNOWN_ORGS, LAST_NAMES, NOT_ACRONYMS, NOT_PERSON_ENDS, OF_HEADS, ORG_HEADS, PLACES, ROLE_WORDS, STOP, THINGS, TITLES } from "./words";

export type NameType = "person" | "organization";

export interface UnknownName {
  /** Offsets into the text searched, end exclusive. */
  start: number;
  end: number;
  text: string;
  type: NameType;
  /** What the article says the name is, beside one of its mentions: "the assistant secretary of state". */
  about?: string;
}

/** Ranges already taken by known entities (any type: a state is not an unknown name either). */
export interface Taken {
  start: number;
  end: number;
}

interface Token {
  start: number;
  end: number;
  /** Folded, lower-case: the key into the word lists. */
  key: string;
  /** Starts with a capital letter (or a digit-free all-caps acronym). */
  cap: boolean;
  /** All capitals, two letters or more. */
  upper: boolean;
  /** First word of a sentence, a headline or a block: capitalised whatever it is. */
  initial: boolean;
  /** A punctuation mark rather than a word; "\n" is a block boundary. */
  mark: string | null;
  /** Two words run together by a lost space ("HarariRead"). */
  glued?: boolean;
}

interface Line {
  tokens: Token[];
  /** An all-caps headline or dateline: capitals say nothing there. */
  shouting: boolean;
  /** Results or standings: mostly numbers, or "TEAM v TEAM" fixtures. */
  table: boolean;
  /** A byline ("By Amy Gibbons", "Amy Gibbons  Political Correspondent"): the writer is not someone the article names. */
  byline: boolean;
}

interface Candidate {
  tokens: Token[];
  line: Line;
  /** A title or role word stands right before the name. */
  titled: boolean;
  type: NameType | null;
  /** A team in a results table or fixture list. */
  team: boolean;
}

/** A middle initial is one word with its full stop when a capitalised word follows: "Robert M. Danin". */
const NAME_TOKEN = /\n|(?:\p{Lu}\.){2,}|\p{Lu}\.(?= \p{Lu}\p{Ll})|[\p{L}\p{N}]+(?:[-'&][\p{L}\p{N}]+)*|[^\s]/gu;
/** NAME_TOKEN for a text whose letters and digits are all ASCII (asciiWords): the same tokens, at a third of the cost. */
const NAME_TOKEN_ASCII = /\n|(?:[A-Z]\.){2,}|[A-Z]\.(?= [A-Z][a-z])|[A-Za-z0-9]+(?:[-'&][A-Za-z0-9]+)*|[^\s]/g;
const SENTENCE_END = new Set([".", "!", "?", ":", ";", '"', "'", "(", "-", "\u2014", "|", "©", "•", "*"]);
const PERSON_PARTICLES = new Set(["de", "da", "van", "von", "der", "den", "del", "della", "di", "du", "la", "le", "bin", "ibn", "al", "el", "ter", "dos", "das", "y"]);
const ORG_JOINERS = new Set(["of", "for", "and", "&", "on", "de", "des", "du", "der", "fur"]);
const BYLINE = /^(?:by [\p{Lu}]|[\p{Lu}][\p{L}.' -]+(?:,| ) *(?:[\p{Lu}][\p{L}]+ )*(?:correspondent|editor|reporter|writer|journalist|columnist)s?$)/iu;
/** Words that make up office titles with TITLES: "Secretary of State", "Minister for Armed Forces", "Homeland Security Secretary". */
const OFFICE_WORDS = new Set(["state", "affairs", "homeland", "security", "national", "armed", "forces", "european", "foreign", "home", "war", "navy", "army", "air", "force", "staff", "joint", "chiefs", "house", "office", "cabinet", "treasury", "commerce", "transport", "culture", "agriculture", "labor", "labour", "veterans", "intelligence"]);

/**
 * People and organizations named in `text` that the knowledge base does not
 * hold: capitalised runs, typed by titles, organization head words, a first-name
 * list and what the rest of the text says about the same words. Rules and word
 * lists only, so it runs in a content script in about a millisecond per page.
 */
export function findUnknownNames(text: string, taken: readonly Taken[] = [], options: { lang?: string; credits?: readonly Span[] } = {}): UnknownName[] {
  const german = isGerman(text, options.lang);
  if (!hasInvisible(text)) return recognize(text, taken, german, options.credits ?? creditSpans(text));
  // "Vladi\u00ADmir Putin": read without soft hyphens and zero-width characters, report in the page's offsets.
  const { text: visible, toOriginal, fromOriginal } = withoutInvisible(text);
  const inVisible = taken.map((t) => ({ start: fromOriginal(t.start), end: fromOriginal(t.end) }));
  return recognize(visible, inVisible, german, creditSpans(visible)).map((n) => {
    const start = toOriginal(n.start);
    const end = toOriginal(n.end - 1) + 1;
    return { ...n, start, end, text: text.slice(start, end) };
  });
}

/** Dashes that fold to "-" but never join words into one name: "Nikki Haley—were" is "Nikki Haley". */
const LONG_DASH = /[\u2013\u2014\u2015]/g;

/** `credits`: the photo credits and datelines of `text` (creditSpans), where no name is taken. */
function recognize(text: string, taken: readonly Taken[], german: boolean, credits: readonly Span[]): UnknownName[] {
  const folded = keepLongDashes(text);
  const { lines, lowerSeen } = tokenize(folded, taken);

  const candidates: Candidate[] = [];
  for (const line of lines) candidates.push(...runs(line, lowerSeen));
  if (german) return germanNames(text, folded, candidates, taken, credits);
  for (const c of candidates) c.type = classify(c, lowerSeen);

  // What the text says once holds throughout: after "Wasim Akram", "Akram" is a person.
  const people = new Set<string>();
  const orgs = new Set<string>();
  for (const c of candidates) {
    if (c.tokens.length === 0) continue;
    const whole = c.tokens.map((t) => t.key).join(" ");
    if (c.type === "person") {
      people.add(whole);
      // "Wasim Akram" makes "Akram" a person; "Mayor of Kyiv" or "X Russian" must not make "Kyiv" or "Russian" one.
      const surname = c.tokens[c.tokens.length - 1]!.key;
      if (c.tokens.length > 1 && !notAName(surname)) people.add(surname);
    } else if (c.type === "organization") orgs.add(whole);
  }
  const names: UnknownName[] = [];
  // Photographers, agencies and datelines name who made the article, not whom it is about.
  for (const c of candidates) {
    if (c.tokens.length === 0 || c.line.byline || inSpans(credits, c.tokens[0]!.start, c.tokens[c.tokens.length - 1]!.end)) continue;
    if (!c.type) {
      const whole = c.tokens.map((t) => t.key).join(" ");
      if (people.has(whole)) c.type = "person";
      else if (orgs.has(whole)) c.type = "organization";
      else continue;
    }
    const start = c.tokens[0]!.start;
    const end = c.tokens[c.tokens.length - 1]!.end;
    names.push({ start, end, text: text.slice(start, end), type: c.type });
  }
  return names;
}

/** Ends of German words that head an organization's name: "Techniker Krankenkasse", "Helios Kliniken", "Thoraxklinik Heidelberg". */
const GERMAN_ORG_HEAD = /(?:klinik|kliniken|klinikum|krankenhaus|krankenkasse|versicherung|bank|partei|ministerium|institut|stiftung|verband|gewerkschaft|zeitung|agentur|gericht|hochschule|universitat)$/;
/** Ends of German place names, for "<head> <place>": "Kreiskrankenhaus Bergstrase", "Universitatsklinikum Hamburg-Eppendorf". */
const GERMAN_PLACE_END = /(?:berg|burg|dorf|heim|hausen|stadt|feld|strase|strasse|furt|bach|ingen|au)$/;
/** A party or body named in a compound of its office ("CSU-Chef", "FDP-Politikerin"), or after a person ("Boris Rhein (CDU)"). */
const GERMAN_BODY = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{Ll}]?\p{Lu}{1,3})-(?:\p{Lu}\p{Ll}*)?(?:[Cc]hef|[Vv]orsitzende|[Gg]eneralsekretar|[Pp]olitiker|[Ss]pitzenkandidat|[Ff]raktion|[Pp]rasidium|[Pp]arteitag|[Mm]itglied|[Aa]bgeordnete)(?:in|innen|r|n|s|en)?(?![\p{L}])/gu;

/**
 * German capitalises every noun and glues offices to names ("Verteidigungsminister Pistorius", "CSU-Chef Markus
 * Soder"): the English rules would mark common nouns. Here a name is taken only in shapes German writes names in:
 * a first name and a surname (the office words before it left out, the surname then a person wherever it recurs:
 * "Boris Rhein" makes "sagte Rhein" a person); a party or body in a compound of its office ("CSU-Chef") or in
 * brackets after a person ("Boris Rhein (CDU)"), then wherever it recurs; a run ending in an organization word or
 * such a word and a place ("Techniker Krankenkasse", "Universitatsklinikum Heidelberg"), its bracketed short name and
 * its initials ("(UKHD)", "TK"); two name words after an office word ("Sprecherin Cerstin Gammelin"); the bodies
 * German names alone (GERMAN_BODIES: "ARD", "Verfassungsschutz"); the examples after a kind of organization
 * ("Firmen wie Evernote, Dropbox oder Google"). Anything else stays quiet.
 */
function germanNames(text: string, folded: string, candidates: Candidate[], taken: readonly Taken[], credits: readonly Span[]): UnknownName[] {
  const out: UnknownName[] = [];
  const isTaken = (start: number, end: number) => taken.some((t) => t.start < end && t.end > start) || inSpans(credits, start, end);
  const push = (start: number, end: number, type: NameType) => {
    if (!isTaken(start, end) && !out.some((n) => n.start < end && n.end > start)) out.push({ start, end, text: text.slice(start, end), type });
  };
  const usable = candidates.filter((c) => c.tokens.length > 0 && !c.line.byline && !c.line.shouting);
  const surnames = new Set<string>();
  const nameWord = (t: Token) => !t.upper && !STOP.has(t.key) && !GERMAN_FUNCTION.has(t.key) && !TITLES.has(t.key) && !DEMONYMS.has(t.key) && !GERMAN_BODIES.has(t.key);
  for (const c of usable) {
    const k = c.tokens.findIndex((t) => FIRST_NAMES.has(t.key) || FIRST_NAMES.has(t.key.split("-")[0]!));
    let part = k < 0 ? [] : c.tokens.slice(k);
    // "Sprecherin Cerstin Gammelin sagte": an office word, then two words closing the run, is a person even when the
    // given name is not in the lists; the words must not read as German nouns ("Ministerin Annalena Baerbock" is found anyway).
    const titled = c.tokens.length >= 3 && GERMAN_TITLE.test(c.tokens[c.tokens.length - 3]!.key) ? c.tokens.slice(-2) : [];
    if (part.length < 2 && titled.length === 2 && titled.every((t) => nameWord(t) && !notAName(t.key) && !GERMAN_NOUN_END.test(t.key) && !t.key.includes("-"))) part = titled;
    if (part.length < 2 || part.length > 3) continue;
    // Every word a name's word; the surname may also be a place or a river ("Boris Rhein"), not a nationality or a title.
    if (part.some((t, i) => !nameWord(t) || (i < part.length - 1 && i > 0 && notAName(t.key)))) continue;
    const last = part[part.length - 1]!;
    surnames.add(last.key);
    push(part[0]!.start, last.end, "person");
  }
  const bodies = new Set<string>();
  for (const m of folded.matchAll(GERMAN_BODY)) {
    if (NOT_ACRONYMS.has(m[1]!.toLowerCase())) continue;
    bodies.add(m[1]!.toLowerCase());
    push(m.index!, m.index! + m[1]!.length, "organization");
  }
  const orgs: UnknownName[] = [];
  for (const c of usable) {
    const first = c.tokens[0]!;
    const last = c.tokens[c.tokens.length - 1]!;
    // Bodies German writes by name alone ("ARD", "ZDF-Sommerinterview", "Verfassungsschutz", "Frauen Union"), and
    // companies the generated list knows ("IBM", "Google"): wherever they stand, the name part of a compound. A word
    // that is also an adjective ("Linke", "Grüne", "Freie") opening a sentence is the adjective.
    for (let i = 0; i < c.tokens.length; i++) {
      const t = c.tokens[i]!;
      const two = c.tokens[i + 1] && `${t.key} ${c.tokens[i + 1]!.key}`;
      if (two && GERMAN_BODIES.has(two) && !t.initial) {
        push(t.start, c.tokens[i + 1]!.end, "organization");
        i++;
        continue;
      }
      const head = t.key.split("-")[0]!;
      const short = head.length <= 3;
      const acronym = /^\p{Lu}{2,}/u.test(text.slice(t.start, t.start + head.length));
      const body = GERMAN_BODIES.has(head) && (short ? acronym : !t.initial || !GERMAN_ADJECTIVE_BODY.test(head));
      const company = KNOWN_ORGS.has(head) && head.length >= 3 && (acronym || (!t.initial && !GERMAN_NOUN_END.test(head)));
      if (body || company) {
        push(t.start, t.start + head.length, "organization");
      }
    }
    if (c.tokens.length === 1) continue;
    if (c.tokens.length > 3 || c.tokens.some((t) => STOP.has(t.key) || t.upper || DEMONYMS.has(t.key))) continue;
    // Opening a sentence or a caption, an organization's name still ends in its head word ("– Techniker Krankenkasse"),
    // unless the run opens with a German article or determiner ("Jede Krankenkasse").
    const headLast = GERMAN_ORG_HEAD.test(last.key) && !GERMAN_FUNCTION.has(first.key);
    const headFirst = c.tokens.length === 2 && GERMAN_ORG_HEAD.test(first.key) && last.key.split("-").some((p) => PLACES.has(p) || GERMAN_PLACE_END.test(p));
    if (headLast || headFirst) {
      push(first.start, last.end, "organization");
      orgs.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), type: "organization" });
    }
  }
  // "Firmen wie Evernote, Dropbox oder Google", "Betreibergesellschaften wie Agaplesion, die Helios Kliniken, Vivantes":
  // the examples of a kind of organization are organizations, up to the first item that is not a capitalised name.
  for (const m of folded.matchAll(EXAMPLES_OF_ORGS)) {
    if (!KIND_OF_ORGS.test(m[1]!.toLowerCase())) continue;
    let at = m.index! + m[0].length;
    for (let n = 0; n < 8; n++) {
      const item = EXAMPLE_ITEM.exec(folded.slice(at, at + 80));
      if (!item) break;
      const start = at + item[0].length - item[1]!.length;
      const words = item[1]!.split(" ").map((w) => w.toLowerCase());
      if (words.some((w) => PLACES.has(w) || DEMONYMS.has(w) || STOP.has(w) || GERMAN_FUNCTION.has(w))) break;
      if (!out.some((o) => o.start < start + item[1]!.length && o.end > start)) push(start, start + item[1]!.length, "organization");
      at += item[0].length;
      const sep = /^(?:, | und | oder | sowie )/.exec(folded.slice(at, at + 7));
      if (!sep) break;
      at += sep[0].length;
    }
  }
  for (const m of folded.matchAll(/\((\p{Lu}[\p{Lu}\p{Ll}]?\p{Lu}{1,3})\)/gu)) {
    // Right after a person just found, a party: "Boris Rhein (CDU)", "Annette Widmann-Mauz (CDU)"; right after an
    // organization, its short name: "Universitätsklinikum Heidelberg (UKHD)".
    if (!out.some((n) => n.end === m.index! - 1)) continue;
    bodies.add(m[1]!.toLowerCase());
    push(m.index! + 1, m.index! + 1 + m[1]!.length, "organization");
  }
  // An organization's initials stand for it: "TK" after "Techniker Krankenkasse".
  for (const o of orgs) {
    const initials = o.text.split(/[\s-]+/).map((w) => w[0]).join("");
    if (initials.length >= 2 && /^\p{Lu}+$/u.test(initials)) bodies.add(foldText(initials).toLowerCase());
  }
  for (const c of usable) {
    const first = c.tokens[0]!;
    // A party or body once named so is one wherever its letters recur ("Die CSU lehnt …", "der TK vorliegenden Daten").
    // Alone, not opening a compound: "TK-Safe" is the insurer's app, not the insurer.
    for (const t of c.tokens) if (t.upper && bodies.has(t.key)) push(t.start, t.end, "organization");
    if (c.tokens.length === 1 && !first.upper && surnames.has(first.key)) push(first.start, first.end, "person");
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A plural noun for a kind of organization, then "wie": its examples follow ("Firmen wie …", "Anbieter wie …"). */
const EXAMPLES_OF_ORGS = /(?<![\p{L}])(\p{Lu}\p{Ll}+) wie /gu;
const KIND_OF_ORGS = /(?:unternehmen|anbieter|firmen|konzerne|gesellschaften|dienste|plattformen|kliniken|klinikbetreiber|krankenhauser|parteien|sender|zeitungen|organisationen|verbande|banken|hersteller|versicherer|krankenkassen|handelsketten)$/;
/** One example: an article perhaps, then one to three capitalised words. */
const EXAMPLE_ITEM = /^(?:(?:der|die|das|dem|den|des) )?(\p{Lu}[\p{L}\p{N}&.-]*(?: \p{Lu}[\p{L}\p{N}&.-]*){0,2})(?![\p{L}\p{N}])/u;
/** Bodies named by an adjective ("die Linke", "die Grünen", "Freie Wähler"): opening a sentence, the word is the adjective. */
const GERMAN_ADJECTIVE_BODY = /^(?:linke|linken|grune|grunen|freie|junge)$/;
/** German office words that, right before a name, say a person is meant: "Sprecherin", "Kanzler", "Verteidigungsminister". */
const GERMAN_TITLE = /(?:kanzler|minister|sprecher|prasident|chef|sekretar|botschafter|vorsitzende|direktor|leiter|inspekteur|beauftragte|burgermeister|abgeordnete|senator|general|oberst|admiral|richter|bischof|professor|herr|frau)(?:in|r|n)?$/;
/** Endings of German common nouns: a word ending so is no surname ("Regierung", "Freiheit", "Mannschaft", "Kommission"). */
const GERMAN_NOUN_END = /(?:ung|heit|keit|schaft|tion|sion|tat|ismus|nis|tum|ment|ling|chen|lein|ei|ik|ur|enz|anz)$/;

/** The folded text with en and em dashes kept as such: folding makes them "-", which joins words. */
function keepLongDashes(text: string): string {
  const folded = foldText(text);
  if (!/[\u2013\u2014\u2015]/.test(text)) return folded;
  let out = "";
  let from = 0;
  for (const m of text.matchAll(LONG_DASH)) {
    out += folded.slice(from, m.index) + "\u2014";
    from = m.index! + 1;
  }
  return out + folded.slice(from);
}

/**
 * The text's tokens, line by line. This runs on every word of the text, so it is written for the cost per token:
 * the tokens come from one native match over the text (not one exec call each), and what each word is (capitalised,
 * all capitals, glued) is read from its character codes where that gives the Unicode pattern's answer, the patterns
 * run only where it does not.
 */
function tokenize(folded: string, taken: readonly Taken[]): { lines: Line[]; lowerSeen: Set<string> } {
  const lines: Line[] = [];
  /** Words written in lower case somewhere: capitalised elsewhere, they open a sentence rather than name someone. */
  const lowerSeen = new Set<string>();
  let tokens: Token[] = [];
  const close = () => {
    let words = 0;
    let upper = 0;
    let numbers = 0;
    for (const t of tokens) {
      if (t.mark) continue;
      const c = t.key.charCodeAt(0);
      if (c >= 0x30 && c <= 0x39) numbers++;
      if (hasTwoLetters(t.key)) {
        words++;
        if (t.upper) upper++;
      }
    }
    // A byline is short: the line's text is read only then.
    const byline = words <= 8 && BYLINE.test(tokens.length ? folded.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end) : "");
    lines.push({ tokens, shouting: words >= 2 && upper / words >= 0.6, table: numbers >= 2 && numbers >= words / 2, byline });
    tokens = [];
  };
  let takenAt = 0;
  /** The next token opens a sentence, a headline or a block. */
  let initial = true;
  /** The first character from 0x80 up at or after the token read (folded.length if none): before it, words are ASCII. */
  let wideAt = -1;
  let at = 0;
  for (const raw of folded.match(asciiWords(folded) ? NAME_TOKEN_ASCII : NAME_TOKEN) ?? []) {
    // Between tokens there are only spaces: the folded text has no other white space, and "\n" is a token.
    while (folded.charCodeAt(at) === 0x20) at++;
    let start = at;
    at += raw.length;
    const c0 = raw.charCodeAt(0);
    if (c0 === 0x0a) {
      close();
      initial = true;
      continue;
    }
    let end = at;
    while (takenAt < taken.length && taken[takenAt]!.end <= start) takenAt++;
    const inTaken = takenAt < taken.length && taken[takenAt]!.start < end;
    const isWord = c0 < 0x80 ? isAsciiAlnum(c0) : /^[\p{L}\p{N}]/u.test(raw);
    // The possessive is not part of the name.
    const possessive = isWord && raw.length > 2 && raw.charCodeAt(raw.length - 2) === 0x27 && (raw.charCodeAt(raw.length - 1) | 0x20) === 0x73;
    if (possessive) end -= 2;
    const word = possessive ? raw.slice(0, -2) : raw;
    const wasInitial = initial;
    if (inTaken) {
      // A known entity's range ends any run, as punctuation would.
      tokens.push({ start, end, key: word.toLowerCase(), cap: false, upper: false, initial: wasInitial, mark: "known" });
      initial = false;
      continue;
    }
    if (!isWord) {
      tokens.push({ start, end, key: word, cap: false, upper: false, initial: wasInitial, mark: word });
      initial = SENTENCE_END.has(word);
      continue;
    }
    if (wideAt < start) {
      WIDE.lastIndex = start;
      wideAt = WIDE.exec(folded)?.index ?? folded.length;
    }
    const key = word.toLowerCase();
    const cap = c0 < 0x80 ? c0 >= 0x41 && c0 <= 0x5a : /^\p{Lu}/u.test(word);
    // All capitals opens with a capital, and its second character is no lower-case ASCII letter ("Putin" is not).
    const second = word.charCodeAt(1);
    const upper = cap && !(second >= 0x61 && second <= 0x7a) && /^[\p{Lu}.&'-]{2,}$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
    // Glued needs a capital after three letters: an ASCII word that lower-casing leaves as it is has none.
    const glued = word.length >= 4 && !(wideAt >= end && key === word) && /\p{Ll}{3,}\p{Lu}/u.test(word);
    tokens.push({ start, end, key, cap, upper, initial: wasInitial, mark: null, glued });
    initial = false;
    if (!cap && (c0 < 0x80 ? c0 >= 0x61 && c0 <= 0x7a : /^\p{Ll}/u.test(key))) lowerSeen.add(key);
    // "Lavrov's": the "'s" closes the run like punctuation would.
    if (possessive) {
      tokens.push({ start: end, end: end + 2, key: "'s", cap: false, upper: false, initial: false, mark: "'s" });
      initial = true;
    }
  }
  close();
  return { lines, lowerSeen };
}

/** A character from 0x80 up. */
const WIDE = /[^\x00-\x7F]/g;

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Whether a key holds two letters in a row (/\p{L}{2}/u), by character codes when it opens with two ASCII letters. */
function hasTwoLetters(key: string): boolean {
  const a = key.charCodeAt(0) | 0x20;
  const b = key.charCodeAt(1) | 0x20;
  if (a >= 0x61 && a <= 0x7a && b >= 0x61 && b <= 0x7a) return true;
  return /\p{L}{2}/u.test(key);
}

/** Capitalised runs of a line, joined over "of"/"and" inside organization names and particles inside person names. */
function runs(line: Line, lowerSeen: Set<string>): Candidate[] {
  const out: Candidate[] = [];
  const tokens = line.tokens;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.mark || !t.cap) {
      i++;
      continue;
    }
    const run: Token[] = [t];
    /** Joiners kept only if the run turns out to be an organization ("State Law and Order Restoration Council"). */
    const tentative = new Set<Token>();
    let j = i + 1;
    while (j < tokens.length) {
      const n = tokens[j]!;
      if (!n.mark && n.cap && !(line.shouting && ORG_JOINERS.has(n.key))) {
        run.push(n);
        j++;
        continue;
      }
      const after = tokens[j + 1];
      const last = run[run.length - 1]!;
      if (!after || after.mark || !after.cap) break;
      const joiner = n.mark === "&" || (!n.mark && ORG_JOINERS.has(n.key));
      const particle = !n.mark && !n.cap && PERSON_PARTICLES.has(n.key) && !line.shouting;
      if (!joiner && !particle) break;
      if (joiner && !OF_HEADS.has(last.key) && n.key !== "&") tentative.add(n);
      run.push(n, after);
      j += 2;
    }
    const last = run[run.length - 1]!;
    if (tentative.size && !ORG_HEADS.has(last.key)) {
      let part: Token[] = [];
      for (const r of run) {
        if (tentative.has(r)) {
          out.push(...split(part, tokens, tokens.indexOf(part[0]!), line, lowerSeen));
          part = [];
        } else part.push(r);
      }
      out.push(...split(part, tokens, tokens.indexOf(part[0]!), line, lowerSeen));
    } else out.push(...split(run, tokens, i, line, lowerSeen));
    i = j;
  }
  return out;
}

/** Splits a run at titles ("NATO Secretary General Jens Stoltenberg") and drops words that only start a sentence. */
function split(run: Token[], tokens: Token[], at: number, line: Line, lowerSeen: Set<string>): Candidate[] {
  const before = roleBefore(tokens, at);
  const team = line.table && isTeamSlot(tokens, at + run.length);
  // An organization head at the end makes the whole run one organization, titles and all ("Foreign Ministry").
  const last = run[run.length - 1]!;
  // "Secretary of State John Kerry": an office title and the person who holds it, not an organization.
  const named = run.findIndex((t, k) => k > 0 && FIRST_NAMES.has(t.key) && !TITLES.has(t.key));
  // The office may also end the words before the first name ("… for European and Eurasian Affairs Karen Donfried").
  const office = named > 0 && named <= 4 && (OFFICE_WORDS.has(run[named - 1]!.key) || TITLES.has(run[named - 1]!.key)) && run.slice(0, named).some((t) => TITLES.has(t.key) || OFFICE_WORDS.has(t.key));
  if (named > 0 && !ORG_HEADS.has(last.key) && (office || run.slice(0, named).every((t) => TITLES.has(t.key) || ORG_JOINERS.has(t.key) || OFFICE_WORDS.has(t.key) || PLACES.has(t.key) || DEMONYMS.has(t.key)))) {
    return [{ tokens: run.slice(named), line, titled: true, type: null, team: false }];
  }
  const ofName = run.some((t, k) => OF_HEADS.has(t.key) && k + 1 < run.length && ORG_JOINERS.has(run[k + 1]!.key)); // "Ministry of Foreign Affairs"
  if (((ORG_HEADS.has(last.key) || ofName) && !line.shouting) || team) {
    const body = dropLeading(run, lowerSeen, false, !team);
    if (body.length >= 2 || (body.length === 1 && (body[0]!.upper || team))) return [{ tokens: body, line, titled: false, type: null, team }];
  }
  const out: Candidate[] = [];
  let part: Token[] = [];
  let titled = before;
  const flush = (nextTitled: boolean) => {
    const body = dropLeading(part, lowerSeen, titled);
    if (body.length) out.push({ tokens: body, line, titled, type: null, team: false });
    part = [];
    titled = nextTitled;
  };
  for (let k = 0; k < run.length; k++) {
    const t = run[k]!;
    if (TITLES.has(t.key) && !isNameAfterTitle(run, k)) {
      flush(true);
      titled = true;
    } else part.push(t);
  }
  flush(false);
  return out;
}

/**
 * In results and standings ("Plymouth 4 Exeter 1", "Ajax 18 7 8 3 23 16 29",
 * "ANAHEIM AT BUFFALO") a name followed by a score, or either side of a fixture, is a team.
 */
function isTeamSlot(tokens: Token[], after: number): boolean {
  let k = after;
  // "Kinder Bologna ( Italy ) 9 4 5": a country in brackets between team and score.
  if (tokens[k]?.mark === "(" && tokens[k + 2]?.mark === ")") k += 3;
  const next = tokens[k];
  return next !== undefined && !next.mark && /^\d/.test(next.key);
}

/**
 * Title words come before a name ("Foreign Minister Sergei Lavrov"); the same
 * word after a first name, or ending a run on its own, is a surname ("John Major").
 */
function isNameAfterTitle(run: Token[], k: number): boolean {
  const previous = run[k - 1];
  if (previous && FIRST_NAMES.has(previous.key) && !TITLES.has(previous.key)) return true;
  if (k + 1 < run.length) return false;
  return !(previous && TITLES.has(previous.key));
}

function roleBefore(tokens: Token[], at: number): boolean {
  let k = at - 1;
  if (k >= 0 && tokens[k]!.mark === ",") k--;
  const t = tokens[k];
  return t !== undefined && !t.mark && !t.cap && ROLE_WORDS.has(t.key);
}

/** Words that open a run only because they open a sentence, articles and nationality words ("The German", "Russian"). */
const ARTICLES = new Set(["the", "a", "an", "this", "that", "these", "those"]);

function dropLeading(part: Token[], lowerSeen: Set<string>, titled: boolean, org = false): Token[] {
  let k = 0;
  while (k < part.length) {
    const t = part[k]!;
    const rest = part.length - k;
    if (rest > 1 && PLACES.has(part.slice(k).map((p) => p.key).join(" "))) break; // "New York"
    if (rest > 2 && PLACES.has(`${t.key} ${part[k + 1]!.key}`)) break; // "New York Times"
    // An organization keeps its leading common words ("World Economic Forum", "State Duma"), not its article.
    if (org && !ARTICLES.has(t.key) && !t.initial) break;
    if (STOP.has(t.key) || (t.initial && !t.upper && lowerSeen.has(t.key))) k++;
    else if (t.initial && rest > 1 && !isNameWord(t.key) && /(?:ed|ing|ly|s)$/.test(t.key) && !titled) k++;
    else if (DEMONYMS.has(t.key) && rest > 1 && !ORG_HEADS.has(part[part.length - 1]!.key)) k++;
    // "(Mayor of) Kyiv Vitali Klitschko": a place right before a first name is not part of the name.
    else if (PLACES.has(t.key) && rest > 2 && FIRST_NAMES.has(part[k + 1]!.key)) k++;
    else break;
  }
  return part.slice(k);
}

function isNameWord(key: string): boolean {
  return FIRST_NAMES.has(key) || LAST_NAMES.has(key) || PLACES.has(key) || KNOWN_ORGS.has(key);
}

function classify(c: Candidate, lowerSeen: Set<string>): NameType | null {
  const { tokens, line } = c;
  if (tokens.length === 0) return null;
  const keys = tokens.map((t) => t.key);
  const whole = keys.join(" ");
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  if (KNOWN_ORGS.has(whole)) return "organization";
  // "HarariRead more": a name glued to the next word by a lost space or link; and lone initials ("Jan M.").
  if (tokens.some((t) => t.glued) || (tokens.length === 1 && first.key.replace(/\.$/, "").length < 2)) return null;
  if (c.team && !(tokens.length >= 2 && FIRST_NAMES.has(first.key) && !line.shouting)) {
    // A survey's table has rows too ("West 75 12 72 13", "Women 72 14 68 18"): its categories are common words, not teams.
    if (tokens.every((t) => STOP.has(t.key) || SURVEY_CATEGORIES.has(t.key)) || (tokens.length === 1 && lowerSeen.has(whole))) return null;
    return "organization";
  }
  if (PLACES.has(whole) || DEMONYMS.has(whole) || STOP.has(whole) || THINGS.has(whole)) return null;
  // A title alone is not a name: "Secretary of State", "Prime Minister", "Defense Secretary".
  if (tokens.every((t) => TITLES.has(t.key) || ORG_JOINERS.has(t.key) || OFFICE_WORDS.has(t.key))) return null;
  if (tokens.length >= 2 && (ORG_HEADS.has(last.key) || tokens.some((t, k) => OF_HEADS.has(t.key) && ORG_JOINERS.has(tokens[k + 1]?.key ?? "")))) return "organization";

  if (line.shouting) {
    // Capitals say nothing in a headline: only a first name or a title speaks.
    if (tokens.length >= 2 && tokens.length <= 3 && FIRST_NAMES.has(first.key) && !PLACES.has(last.key) && !STOP.has(last.key)) return "person";
    return null;
  }
  if (tokens.length === 1) {
    const t = first;
    if (t.upper) return /\p{L}{2}/u.test(t.key) && !NOT_ACRONYMS.has(t.key) && !PLACES.has(t.key.replace(/\.$/, "")) && !spelledOutAsNoBody(line.tokens, t) ? "organization" : null;
    if (notAName(t.key)) return null;
    if (c.titled) return "person";
    if (LAST_NAMES.has(t.key) && !t.initial && !lowerSeen.has(t.key)) return "person";
    return null;
  }
  if (keys.some((k) => /\d/.test(k)) || NOT_PERSON_ENDS.has(last.key) || THINGS.has(last.key)) return null;
  // "… for European and Eurasian Affairs [Karen Donfried]": the end of an office's title, cut off by a known name.
  if (OFFICE_WORDS.has(last.key) && !FIRST_NAMES.has(first.key)) return null;
  if (tokens.every((t) => PLACES.has(t.key) || DEMONYMS.has(t.key))) return null;
  // "Senior Russian lawmaker …": a person's name does not end in a nationality.
  if (DEMONYMS.has(last.key)) return null;
  if (FIRST_NAMES.has(first.key) || c.titled) return "person";
  // "Steaua Bucharest", "Real Madrid": a name and a city is a club or a company, not a person;
  // after "to" the first word is a verb in a title-case headline or book title ("… Plan to Defeat America").
  if (PLACES.has(last.key) && !PLACES.has(first.key) && !STOP.has(first.key) && !afterTo(line.tokens, first)) return "organization";
  // Two or three capitalised words that are neither places nor common words: in news, mostly a person,
  // when the last looks like a surname ("Manifest Destiny", "Key Takeaways" do not). Unsure: stay quiet.
  if (tokens.length <= 3 && !tokens.some((t) => t.upper || STOP.has(t.key) || lowerSeen.has(t.key) || PLACES.has(t.key)) && looksLikeSurname(last.key)) return "person";
  return null;
}

/** Row labels of survey and poll tables: regions, sexes, ages, settlements, answers. */
const SURVEY_CATEGORIES = new Set(
  ("north south east west centre center central northeast northwest southeast southwest men women male female total all other others yes no " +
    "age gender sex village villages city cities town towns urban rural region regions respondents voters democrats republicans independents").split(" "),
);

/**
 * An acronym spelled out in brackets right after it as an operation, an event or a law, not a body: "the ATO
 * (Anti-Terrorist Operation)" in a Telegraph text was marked as an organization.
 */
function spelledOutAsNoBody(tokens: Token[], t: Token): boolean {
  const k = tokens.indexOf(t);
  if (tokens[k + 1]?.mark !== "(") return false;
  const close = tokens.findIndex((x, i) => i > k + 1 && x.mark === ")");
  const last = close > k + 2 ? tokens[close - 1]! : null;
  return last !== null && !last.mark && (NOT_PERSON_ENDS.has(last.key) || /^(?:operations?|exercises?|programmes?|programs?|initiative|strategy|system)$/.test(last.key));
}

function afterTo(tokens: Token[], t: Token): boolean {
  return tokens[tokens.indexOf(t) - 1]?.key === "to";
}

/** The fallback's last word must not be an English common noun ("Key Takeaways", "Joint Operations"). */
function looksLikeSurname(key: string): boolean {
  return LAST_NAMES.has(key) || !ENGLISH_WORD_END.test(key);
}

/** Endings of English common nouns and adjectives that capitalised phrases are made of ("Takeaways", "Destiny", "Operations"). */
const ENGLISH_WORD_END = /(?:ways|ays|ity|ness|ment|ments|tion|tions|sion|sions|ings|ism|isms|ists|ics|ship|ships|hood|ward|wards|ously|ality|ances|ences)$/;

/** Words that are never a name on their own: places, nationalities, common words, titles, weapons and products. */
function notAName(key: string): boolean {
  return PLACES.has(key) || DEMONYMS.has(key) || STOP.has(key) || TITLES.has(key) || THINGS.has(key);
}

/**
 * Whether a known name at [start, end) is only the first part of a longer
 * capitalised name that ends in an organization head word: "Russian Foreign
 * Ministry Press Service" is not the Russian Foreign Ministry.
 */
export function opensLongerName(folded: string, end: number): boolean {
  // Asked for every known name found: most are followed by punctuation or a lower-case word, which the pattern
  // would reject; that is told by the first character after the spaces, without a slice and a RegExp call.
  let next = end;
  while (folded.charCodeAt(next) === 0x20) next++;
  const c = folded.charCodeAt(next);
  if (next === end || (c < 0x80 && !(c >= 0x41 && c <= 0x5a))) return false;
  const m = /^(?: +\p{Lu}[\p{L}-]*){1,4}/u.exec(folded.slice(end, end + 80));
  return m !== null && m[0].trim().split(/ +/).some((w) => ORG_HEADS.has(w.toLowerCase()));
}
