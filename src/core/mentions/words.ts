import lexicon from "./lexicon.json";

/**
 * Word lists of the unknown-name recogniser. The long lists (first names,
 * places, …) are generated into lexicon.json by tools/name-lexicon.ts; the
 * short ones below are written by hand from how news text names people and
 * organizations. All keys are folded and lower-case.
 */

/** "|" separates entries, which may hold spaces ("new york"); hand-written lists use whitespace. */
const list = (entries: string) => new Set(entries.split("|").filter(Boolean));
const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

export const FIRST_NAMES = new Set([...list(lexicon.firstNames), ...set(
  // Common German, Austrian and Swiss given names, and German spellings of Slavic ones, that the generated list lacks.
  "carsten torsten thorsten tino timo jörg jorg jürgen jurgen uwe ralf rolf dirk heiko hendrik henning holger ingo jens kai-uwe knut lars lutz malte marco " +
    "mathias matthias nils olaf reiner rainer sascha sönke sonke steffen sven till volker wolfgang wolfram detlef detlev gerd gerhard günter gunter hartmut " +
    "helmut horst joachim klaus lothar manfred norbert reinhard siegfried ulrich winfried hubertus armin cem omid ricarda annalena svenja sahra saskia " +
    "katarina katrin kathrin karin birgit heike silke anke antje bärbel barbel dörte dorte gesine ilse inge jutta kerstin manuela petra sabine ulrike ursula " +
    "franziska johanna mareike nadine sandra simone tanja ute wiebke malu anja claudia christiane dagmar elke gabriele gudrun hannelore ingrid " +
    "sergej dmitrij dmitri wladimir wolodymyr jewgenij jewgeni juri jurij michail alexej alexei andrej nikolaj pjotr wassili walerij witali oleksandr " +
    "olexander mykola dmytro andrij wiktor viktor vitali natalja jelena tatjana swetlana olena julija " +
    // More German, Austrian and Swiss given names (older and newer generations), missing from the generated list:
    // a Deutschlandfunk caption's "Alfons Mais" and a Berliner Zeitung text's "Cerstin Gammelin" went unmarked.
    "alfons alois anton benedikt bernd berthold burkhard christoph eckart eckhard egon ekkehard elmar engelbert erwin ewald " +
    "falk florian friedhelm friedemann fritz gebhard georg gernot gottfried gregor guido gunnar günther gunther hans hans-jürgen " +
    "hans-peter hans-joachim hans-georg hans-ulrich heinz heinrich helge herbert heribert hermann hinrich hubert ignaz jan-marco " +
    "jochen johannes josef jost julius karl karl-heinz karl-theodor klaus-dieter konrad konstantin kurt leopold lorenz ludwig " +
    "lukas markus meinhard michael moritz nikolaus olaf ortwin oskar otmar ottmar pascal philipp reinhold rüdiger rudiger rupert " +
    "sebastian sigmar sigurd stefan steffen sönke tilman tilo timm tobias ulf veit vinzenz waldemar walther werner wilfried " +
    "wilhelm willi winfried wolf wolf-dieter xaver " +
    "adelheid agnes almut andrea angelika anja anke annegret annette barbara beate bettina brigitte carola cerstin christa " +
    "christel cornelia dorothee edeltraud elfriede elisabeth elke elsbeth erika friederike gabi gerda gertrud gisela gitta " +
    "hedwig heidi heidemarie helga henriette hildegard irmgard isabel jana jasmin judith juliane karoline katja klara kristina " +
    "lieselotte liesel luise margarete margit marianne marlene martina monika nicole renate rita roswitha ruth sibylle sigrid " +
    "silvia sophie steffi susanne theresa ulla ute verena waltraud wiebke " +
    "jewgenija ljudmila marija olga oksana irina galina larissa walentina wera nadeschda xenija " +
    "anatolij arkadij boris denis fjodor gennadij grigorij igor iwan jaroslaw jegor jermolai juri konstantin leonid maxim " +
    "nikita oleg pawel roman ruslan stanislaw taras timur wadim waleri walentin wassilij wiatscheslaw wjatscheslaw " +
    "wladislaw wsewolod semjon",
)]);

/**
 * German function words: articles, pronouns, determiners. A capitalised run opening with one is a sentence, not a
 * name ("Jede Krankenkasse", "Diese Regierung"); the English STOP list lacks them.
 */
export const GERMAN_FUNCTION = set(`
  der die das den dem des ein eine einer einem einen eines kein keine keiner keinem keinen jede jeder jedes jedem jeden
  diese dieser dieses diesem diesen jene jener jenes alle allen aller viele vieler vielen manche mancher einige mehrere
  sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren unser unsere mein meine dein deine euer eure welche welcher
  er sie es wir ihr man sich auch auf aus bei mit nach seit von vor zu zum zur im am ins ans beim vom durch fur gegen ohne
  um unter uber wie wenn als ob dass weil doch noch nur schon sehr mehr nun dann denn
  laut gemas gemass trotz wegen wahrend dank seitens zufolge innerhalb auserhalb ausserhalb neben zwischen hinter ab bis
`);

/**
 * German broadcasters, papers, agencies, parties and federal bodies: names by themselves, which no shape of a German
 * sentence tells from the nouns around them (tagesschau texts' "ZDF-Sommerinterview", "ARD", "Verfassungsschutz",
 * "Frauen Union", "Linken-Fraktionsvorsitzenden"; n-tv's "Wehrmacht"). Folded, lower-case; several words joined by spaces.
 */
export const GERMAN_BODIES = new Set([...set(`
  ard zdf 3sat arte phoenix deutschlandfunk deutschlandradio dlf mdr ndr rbb swr wdr hr br sr orf srf rtl sat.1 n-tv ntv
  tagesspiegel handelsblatt taz faz nzz spiegel-online tagesschau heute-journal
  verfassungsschutz bundesverfassungsschutz bundesverfassungsgericht bundesgerichtshof bundesnachrichtendienst bnd mad
  bundesrat bundesbank bundeskartellamt bundesanwaltschaft generalbundesanwalt bundespolizei bundeskriminalamt bka
  bundesrechnungshof bundesamt bundesagentur bundesnetzagentur bundesumweltamt bundeskanzleramt
  wehrmacht reichswehr volksarmee stasi gestapo treuhand
  linke linken grune grunen freie_wahler frauen_union junge_union werteunion bsw npd dkp piratenpartei odp
  lufthansa siemens volkswagen daimler bosch basf thyssenkrupp rheinmetall telekom deutsche_bahn
`)].map((w) => w.replace(/_/g, " ")));
export const LAST_NAMES = list(lexicon.lastNames);
export const PLACES = list(
  lexicon.places +
    "|us|u.s|usa|u.s.a|uk|u.k|uae|gb|ussr|soviet union|eastern europe|western europe|middle east|north|south|east|west" +
    // The geography of this coverage that the generated list lacks: typed as people or organizations before.
    "|st petersburg|st. petersburg|donbas|donbass|odesa|mariupol|bakhmut|zaporizhzhia|kherson|luhansk|donetsk|sevastopol|kaliningrad" +
    "|transnistria|abkhazia|south ossetia|nagorno-karabakh|karabakh|kursk|belgorod|avdiivka|bucha|irpin|dnipro|chisinau|severodonetsk" +
    "|central asia|central europe|eastern flank|baltics|scandinavia|caucasus|south caucasus|balkans|western balkans|black sea|baltic sea" +
    "|sea of azov|arctic|high north|suwalki gap|white house|kremlin|downing street|capitol hill|wall street|silicon valley|sun belt" +
    "|slovyansk|sloviansk|kramatorsk|izium|lysychansk|mykolaiv|kupiansk|pokrovsk|vuhledar|tiraspol|bender|balti|chernihiv|sumy|zhytomyr|kherson oblast|north carolina|south carolina|new hampshire|new jersey|new mexico" +
    "|latin america|south america|north america|central america|east asia|south asia|southeast asia|indo-pacific|asia-pacific|north africa|west africa|sub-saharan africa|oval office|new zealand",
);
export const DEMONYMS = list(
  lexicon.demonyms +
    "|soviet|western|eastern|northern|southern|european|arab|islamic|muslim|christian|jewish|catholic|communist|democrat|republican|sunni|shia|shiite|kurdish|baltic|nordic|transatlantic|atlantic|pro-russian|anti-russian|pro-western" +
    "|nazi|several|another|british|polish|dutch|danish|swedish|finnish|norwegian|czech|slovak|hungarian|romanian|bulgarian|greek|turkish|albanian|croatian|slovenian|serbian|lithuanian|latvian|estonian|belarusian|moldovan|georgian|armenian|azerbaijani|canadian|american|kremlin-backed|pro-kremlin",
);

/** Weapons, vehicles, pipelines and products that news capitalises like names: never a person. */
export const THINGS = set(`
  leopard leopards abrams challenger bradley bradleys himars atacms javelin javelins stinger stingers patriot patriots
  bayraktar bayraktars iskander iskanders kinzhal sarmat kalibr oreshnik shahed shaheds gepard storm shadow taurus
  starlink tomahawk tomahawks f-16 f-16s f-35 f-35s mig su-35 tu-95 tu-160 typhoon typhoons gripen gripens rafale rafales caesar iris-t nasams
  stream nord olympics
`);
export const KNOWN_ORGS = list(
  lexicon.organizations +
    // News and photo agencies: the credits under every picture.
    "|ap|afp|dpa|epa|reuters|tass|interfax|xinhua|keystone|getty images|getty|ria novosti|anadolu|efe|ansa|kyodo|pap|bloomberg|sputnik|itar-tass|upi|ukrinform|belga|anp|apa|ntb|tt|ritzau|stt|ctk",
);

/** Months, days and words that start sentences or headlines capitalised without naming anyone. */
export const STOP = set(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
  a an the this that these those there here it its he she his her him they them their we our us you your i me my
  and or but nor so yet for of in on at to by from with without within into onto over under about above below after before
  since until while when where which who whom whose what why how whether if as than though although because unless
  all any both each every few many more most much no none not only other others some such very also however meanwhile
  later earlier soon once twice recently finally eventually currently previously afterwards
  then now still even just again already perhaps maybe indeed instead thus therefore hence moreover furthermore nevertheless
  year years
  one two three four five six seven eight nine ten first second third last next new former latest early late
  is are was were be been being has have had do does did will would shall should can could may might must
  mr mrs ms dr sir madam please thanks yes oh ok okay hello dear
  according despite during among between against along across around behind beyond through throughout toward towards upon
  said says say told asked added see read view watch listen click share follow subscribe sign log home news update updated
  photo foto picture image video credit source editing reporting writing additional
  god internet web online page section chapter part article story
  government state city country nation world region capital minister ministers president officials official
`);

/**
 * Words that head organization names: a capitalised run ending in one is an
 * organization ("Russian Foreign Ministry Press Service", "Bayern Munich" is not).
 */
export const ORG_HEADS = set(`
  ministry ministries council party agency agencies inc corp corporation co ltd plc llc ag gmbh sa nv spa bv
  group bank union committee commission association federation institute institution university college school academy
  foundation fund company companies airlines airline airways service services office department court parliament assembly
  congress senate army navy police club fc united league board bureau authority administration organization organisation
  alliance coalition front movement forces guard press news times post journal herald telegraph tribune gazette
  television tv radio network broadcasting channel exchange securities holdings industries motors systems technologies
  energy petroleum pharmaceuticals electric electronics communications telecom trust society church team brigade division
  command directorate secretariat cabinet government tribunal mission delegation embassy consulate hospital museum orchestra
  commerce chamber centre center partners capital investments bancorp insurance reserve treasury fed cartel
  forum democrats republicans socialists liberals conservatives greens mail fleet
  inc. co. corp. ltd.
`);

/** Words after which "of", "for", "and" still belong to the name ("Ministry of Foreign Affairs"). */
export const OF_HEADS = set(`
  ministry council bank university college institute department organization organisation federation union association
  commission committee court academy school league society chamber bureau office secretary house church party fund
  foundation museum board agency confederation conference movement front
`);

/**
 * Capitalised titles and roles: never part of a name, and before one they say
 * a person is meant ("Foreign Minister Sergei Lavrov", "Mr Smith").
 */
export const TITLES = set(`
  mr mrs ms miss dr prof sir dame lord lady president vice prime minister premier chancellor secretary general
  secretary-general foreign defence defense interior finance economy economics justice trade health education energy
  deputy ambassador envoy spokesman spokeswoman spokesperson senator sen rep representative congressman congresswoman
  governor gov mayor king queen prince princess pope cardinal archbishop bishop rev reverend father sheikh emir
  judge chief executive chairman chairwoman director manager coach captain capt colonel col gen lieutenant lt
  major maj sergeant sgt admiral adm commander cmdr marshal field inspector detective agent professor
  speaker leader head commissioner attorney state first lady mp mep ceo cfo chair undersecretary assistant
  acting interim former late new
  journalist reporter correspondent analyst commentator historian economist activist blogger photographer writer author
`);

/** Lower-case role words that, right before a capitalised run, say it names a person. */
export const ROLE_WORDS = set(`
  spokesman spokeswoman spokesperson minister president leader chief coach striker midfielder defender goalkeeper
  player captain manager chairman director photographer analyst economist reporter correspondent editor author writer
  actor actress singer secretary ambassador envoy official lawyer judge senator driver rider champion compatriot
  teammate colleague son daughter wife husband mother father brother sister premier chancellor governor mayor
  general colonel commander spokesmen by mr mrs
`);

/** Words that end events, works and other MISC names, not persons ("World Cup", "Grand Prix"). */
export const NOT_PERSON_ENDS = set(`
  cup games championship championships open prix trophy series tournament league war day week year summit
  conference treaty agreement accord act law plan doctrine declaration charter convention protocol award prize
  festival show street road avenue square bridge river sea ocean lake mountains mountain island islands bay
  airport station stadium park hall palace house tower building plaza
  peninsula region oblast province valley strait gulf coast border pipeline pipelines canal desert forest gap flank stream
`);

/** All-caps words that are not organizations. */
export const NOT_ACRONYMS = set(
  "ii iii iv vi vii viii ix xi xii tv ok am pm gmt utc ceo cfo coo cto mp mep phd us uk usa uae eu-wide aids hiv covid dna id pc ad bc rip faq pdf" +
    // Economics, weapons, treaties and offices written in capitals: not organizations ("GDP", "HIMARS", "New START", "POTUS").
    " gdp gnp vat lng icbm icbms slbm ied ieds uav uavs mlrs himars atacms start inf abm potus flotus scotus pac lt gen col maj sgt cpt capt ap-norc" +
    " se ne sw nw me csr sead iris-t nasams",
);

/**
 * German by the page's language, or by the text's commonest function words: a page declaring another language
 * is still read as German when its words are plainly German (CMS templates leave lang="en" on German pages).
 */
export function isGerman(text: string, lang?: string): boolean {
  if (lang && /^de\b/i.test(lang)) return true;
  const sample = text.slice(0, 4000);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  return count(/ (?:der|die|das|und|nicht|ist|mit|sich|auch|eine?|dem|den|von|zu|für) /g) > 2 * count(/ (?:the|and|of|to|is|that|with|for|on) /g) + 3;
}
