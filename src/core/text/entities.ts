/**
 * HTML character references left raw in text that never went through an HTML parser: JSON-LD strings
 * ("headline": "Merkel &quot;sch&ouml;n&quot;", "&#8216;quoted&#8217;"). Numeric references, the Latin-1 names and
 * the common punctuation names; an unknown name stays as written. Not the full table of 2,000 names: the content
 * script's size budget is small, and these are the ones publishers' CMSs write.
 */

/** The names of U+00A0..U+00FF, in code point order. */
const LATIN1 = ("nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 " +
  "acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig " +
  "Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave " +
  "Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave " +
  "iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml").split(" ");

const NAMED = new Map<string, number>([
  ...LATIN1.map((name, i) => [name, 0xa0 + i] as const),
  ["quot", 0x22], ["amp", 0x26], ["apos", 0x27], ["lt", 0x3c], ["gt", 0x3e],
  ["OElig", 0x152], ["oelig", 0x153], ["Scaron", 0x160], ["scaron", 0x161], ["Yuml", 0x178], ["fnof", 0x192],
  ["circ", 0x2c6], ["tilde", 0x2dc], ["ensp", 0x2002], ["emsp", 0x2003], ["thinsp", 0x2009], ["zwnj", 0x200c],
  ["zwj", 0x200d], ["lrm", 0x200e], ["rlm", 0x200f], ["ndash", 0x2013], ["mdash", 0x2014], ["lsquo", 0x2018],
  ["rsquo", 0x2019], ["sbquo", 0x201a], ["ldquo", 0x201c], ["rdquo", 0x201d], ["bdquo", 0x201e], ["dagger", 0x2020],
  ["Dagger", 0x2021], ["bull", 0x2022], ["hellip", 0x2026], ["permil", 0x2030], ["prime", 0x2032], ["Prime", 0x2033],
  ["lsaquo", 0x2039], ["rsaquo", 0x203a], ["euro", 0x20ac], ["trade", 0x2122], ["minus", 0x2212],
]);

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g;

function decodeOnce(text: string): string {
  return text.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec !== undefined ? parseInt(dec, 10) : hex !== undefined ? parseInt(hex, 16) : NAMED.get(name!);
    if (code === undefined || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

/** Text with its character references decoded; twice at most, for CMSs that escape an escaped "&amp;quot;". */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  const once = decodeOnce(text);
  return once.includes("&") && once !== text ? decodeOnce(once) : once;
}
