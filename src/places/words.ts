/** Word lists the recogniser uses. All entries are folded (lower-case, no diacritics). */

const set = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/**
 * Common English words that are also names of (mostly small) places somewhere: capitalised at the
 * start of a sentence or in a headline they are words, not places.
 */
export const COMMON_WORDS = set(`
a about above after again against all also although always am among an and another any are around as at away back
be because been before being below best between both but by can come could day did do does down during each early
even ever every few first for from further had has have he her here him his how however i if in into is it its just
last late later like long made make man many may me meanwhile men more most much must my near never new next no nor
not now of off often on once one only or other our out over own people per perhaps police rather really said same
say says see she should since so some still such than that the their them then there these they this those though
through thus to today together tomorrow too under until up upon us very was we well were what when where whether which
while who whom whose why will with within without would yes yesterday yet you your
according also although amid amidst despite during following including inside outside regarding unlike versus via
monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
october november december spring summer autumn fall winter christmas easter
reading mobile nice split bath hope liberty union independence progress unity victory opportunity enterprise
friendship harmony concord commerce industry justice providence eureka paradise eden truth welcome
mission temple church marine eagle star sun moon ocean beach bay lake river mountain valley island park garden field
fields forest rock stone wood woods hill hills spring springs falls bridge port ports harbor harbour cove bluff
center centre city town village county state states province region district republic kingdom empire nation
north south east west northern southern eastern western central middle upper lower greater new old
police army navy court house senate congress parliament government ministry office department agency council
president minister governor mayor king queen prince princess lord sir general colonel captain officer chief
mr mrs ms dr st saint fort mount mt lake
news times post herald journal tribune gazette daily weekly world global international national local
health education energy water power oil gas trade market markets bank money price prices tax taxes
black white red green blue gold golden silver orange brown
young old good bad big small great little high low long short
home homes school schools college university hospital airport station
man woman men women child children boy girl family friend friends
life love peace war freedom
god jesus christ
update breaking live video photos watch
jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
chamber federal supreme vice continental law none rose titan research economy piano alliance enterprise plan
line front mission luck buy orange metro act pack superior cadillac commerce commission committee board association
society club team league cup open tour festival fair show museum library gallery theatre theater center
republican republicans democrat democrats democratic party senate house assembly caucus
street avenue road
`);

/** Words that, following a place name inside one capitalised run, make it part of an organisation or title
 * ("Kabul Airport", "Moscow Mayor", "New York Times") — the place inside is still a place. */
export const ORG_FOLLOWERS = set(`
mayor governor police president presidents prime minister ministry government parliament assembly council
army forces military navy court courts university college school airport port times post herald journal tribune
gazette news daily stock exchange bank central city county province provincial state region regional district
department office embassy consulate authority authorities officials federal national international institute
summit talks agreement accord accords conference declaration protocol process border borders security
metropolitan municipal club fc united ambassador embassy envoy consul fire rescue emergency public health water
electric electricity power energy gas airlines airways air rail railway railways metro transit bus
chronicle observer standard express telegraph guardian mirror star sun examiner inquirer courier record press
herald today tonight live weekly monthly review magazine radio tv television broadcasting media
football soccer basketball baseball hockey rugby cricket athletic athletics sports team
symphony orchestra opera ballet zoo aquarium marathon open masters classic
residents councillors councilors councilman councilwoman commissioner commissioners selectman labour tory
conservatives liberals policemen officers firefighters parks recreation library lodge chamber elks rotary
juniors seniors schools`);

/** Words after a place that make the whole run a street or building, not the place ("Washington Street"). */
export const STREET_FOLLOWERS = set(`
street st road rd avenue ave boulevard blvd lane drive dr way square place plaza park bridge hall center centre
building tower towers hotel church cathedral mosque temple stadium arena mall hospital highway
`);

/** Direction/size modifiers that may precede a place without making it a different name. */
export const DIRECTION_WORDS = set(`
north south east west northern southern eastern western central northeastern northwestern southeastern southwestern
northeast northwest southeast southwest greater upper lower inner outer downtown rural coastal occupied
`);

/** Honorifics and titles: a place-looking name right after them is a person ("Mr Jordan"). */
export const TITLES = set(`
mr mrs ms miss dr sir lord lady madam president senator sen rep representative gov governor king queen prince
princess judge justice general gen col colonel capt captain lt sgt officer coach pope rev reverend father sister
brother saint archbishop bishop sheikh sheik imam rabbi
`);

/** Prepositions that announce a place ("in", "near", "north of"). */
export const LOCATIVE_CUES = set(`
in at near from to into outside inside across around throughout toward towards via of across within between
`);

/** Lower-case words allowed inside a multi-word name ("Isle of Man", "Rio de Janeiro", "Stratford-upon-Avon"). */
export const CONNECTORS = set(`of and de del della da do dos das des du la le les el al am im an der den upon on sur en y the i e`);

/** Abbreviations after which a capital does not start a new sentence. */
export const ABBREVIATIONS = set(`mr mrs ms dr st mt ft sen rep gov gen col capt lt sgt rev jr sr inc co corp ltd no vs u s`);

/** Common given names: alone or before a surname they are people, not the towns that share them. */
export const FIRST_NAMES = set(`
aaron adam adrian alan albert alex alexander alice allen amanda amy andrea andrew angela ann anna anne anthony
arthur ashley barbara barry ben benjamin beth betty bill billy bob bobby brad bradley brandon brenda brian bruce
bryan carl carlos carol caroline catherine charles charlie cheryl chris christian christina christine christopher
cindy claire clara craig cynthia dale dan daniel danny david dawn dean debbie deborah debra dennis derek diana diane
don donald donna doris dorothy doug douglas dylan earl ed eddie edward elizabeth ellen emily emma eric erin ethan
eugene evelyn frank fred gary gene george gerald gloria grace greg gregory hannah harold harry heather helen henry
holly howard ian jack jackie jacob james jamie jane janet janice jason jean jeff jeffrey jennifer jeremy jerry jesse
jessica jill jim jimmy jo joan joe joel john johnny jon jonathan jordan jose joseph josh joshua joyce juan judith
judy julia julie justin karen kate katherine kathleen kathy keith kelly ken kenneth kevin kim kimberly kyle larry
laura lauren lawrence lee leonard linda lisa lori louis louise lucy luke lynn margaret maria marie marilyn mark
martha martin mary matt matthew megan melissa michael michelle mike nancy nathan nicholas nicole norma pamela pat
patricia patrick paul paula peggy peter phil philip phillip rachel ralph randy ray raymond rebecca richard rick
rita rob robert robin rodney roger ron ronald rose roy ruby russell ruth ryan sam samantha samuel sandra sara sarah
scott sean sharon shawn shirley stephanie stephen steve steven sue susan tammy teresa terry theresa thomas tim
timothy todd tom tony tracy travis troy tyler valerie vanessa victor victoria vincent virginia walter wanda wayne
wendy william willie zachary
`);

/** Place names that are also given names: before a surname they are a person ("Paris Hilton", "Georgia Smith"). */
export const GIVEN_NAME_PLACES = set(`
paris georgia virginia jordan carolina india chad israel florence austin dallas houston lincoln madison chelsea
brooklyn sydney phoenix denver victoria adelaide regina kingston charlotte savannah aurora eugene tyler marion
camden orlando salem hamilton jackson washington clinton franklin warren chester sherman clayton troy milton
vienna lorraine alexandria sofia asia africa america china
`);
