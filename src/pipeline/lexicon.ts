// The word sets of patterns/fragments.yaml that field attachment reads, in the shapes it needs.
import type { Fragments } from '../patterns/fragments.js';
import type { Direction, Qualifier } from '../contract.js';

export interface Lexicon {
  placeWhole: Set<string>;
  /** the words of PLACE_WHOLE that name a subject (全市), not a scope (全年, 全社会) */
  placeSubjects: Set<string>;
  placeSuffix: string[];
  timeWords: Set<string>;
  determiners: Set<string>;
  lightVerbs: Set<string>;
  actionVerbs: Set<string>;
  /** 死亡, 受伤, 起诉 …: a verb that names alone what is counted of people */
  loneVerbs: Set<string>;
  /** 青年, 老年 …: tagged as times, named groups of people */
  ageGroups: Set<string>;
  /** 力争, 预计 …: words of a goal, never part of a metric */
  targetWords: Set<string>;
  /** 城镇, 农村 …: kinds of area, never the subject */
  areaWords: Set<string>;
  notPlaces: Set<string>;
  /** verbs that patterns read as cues: 达到, 增长, 下降 ... */
  cueWords: Set<string>;
  /** 净增 (up), 压减 (down) …: the verbs of a deed that give its count a direction, longest first */
  deedDirections: [word: string, direction: Direction][];
  /** 增速, 增幅, 涨幅 ...: words that name a rate of change */
  rateWords: Set<string>;
  peopleNouns: string[];
  measureHeads: string[];
  idioms: RegExp;
  /** places and bodies as they are written: 全市, or a name ending in 省, 市, 分局 ... */
  subjectWords: RegExp;
  /** a character every match of subjectWords ends with: a stretch with none names no subject */
  subjectEnd: RegExp;
  targetCue: RegExp;
  /** a word of a goal only for a level or a change: 确保 */
  targetCueLevel: RegExp;
  timeUnits: Set<string>;
  /** a clause that only says against what the sentence's changes are measured: 与去年同期相比 */
  comparisonClause: RegExp;
  qualifierBefore: RegExp;
  qualifierWords: Map<string, Qualifier>;
  /** words that end in a qualifier's character without being one (签约) */
  qualifierFalseFriends: Set<string>;
  planHeading: RegExp;
  reviewHeading: RegExp;
  planSentence: RegExp;
  goalLanguage: RegExp;
  reviewOpening: RegExp;
  // The field rules' vocabulary (the last section of fragments.yaml).
  listGap: Set<string>;
  respectively: RegExp;
  respectivelyNear: RegExp;
  eachMember: RegExp;
  averageOnly: Set<string>;
  timeAverages: Set<string>;
  /** a unit that starts with an amount's or a rate's unit (元, 元/吨, %) */
  measuredUnit: RegExp;
  rateUnits: Set<string>;
  totalWords: Set<string>;
  /** a word that starts with 提升/提高 */
  upgradeVerb: RegExp;
  thresholdWords: Set<string>;
  thresholdVerbs: Set<string>;
  termPrefixes: Set<string>;
  verbPrefixes: Set<string>;
  /** a grade of government (省级, 县级) */
  grade: RegExp;
  /** a unit that classes the thing after it (千伏, 万吨级) */
  classUnit: RegExp;
  negations: Set<string>;
  denominators: Set<string>;
  serviceNumbers: Set<string>;
  positionWords: Set<string>;
  placeChars: Set<string>;
  /** a word that ends as a place name does (北岭县) */
  placeNameEnd: RegExp;
  dateEnds: Set<string>;
  dateLeads: Set<string>;
  edgeStart: Set<string>;
  edgeEnd: Set<string>;
  ownedNouns: Set<string>;
  predicateTails: Set<string>;
  completionVerbs: Set<string>;
  /** what befell people: 死亡人数 or 受伤人数, by the word that says it (死亡, 亡; 受伤, 伤) */
  casualtyWords: Map<string, string>;
}

// A name does not start right after a word of time or a function word.
const NAME_START = '(?<![今明去本全我年月日在对向为和与及的了是将把被从共各名个])';
// …and holds none of these.
const NAME_CHAR = '(?:(?![年月日全各每的在和与及并等是为了从由向对据经])\\p{Script=Han})';

export function buildLexicon(f: Fragments): Lexicon {
  const qualifierWords = new Map<string, Qualifier>();
  for (const [set, q] of [['QUAL_OVER', 'over'], ['QUAL_NEARLY', 'nearly'], ['QUAL_ABOUT', 'about'], ['QUAL_UNDER', 'under']] as const) {
    for (const w of f.words(set)) if (!qualifierWords.has(w)) qualifierWords.set(w, q);
  }
  return {
    placeWhole: new Set(f.words('PLACE_WHOLE')),
    placeSubjects: new Set(f.words('PLACE_SUBJECT')),
    placeSuffix: f.words('PLACE_SUFFIX'),
    timeWords: new Set(f.words('TIME_WORD')),
    determiners: new Set(f.words('DETERMINER')),
    lightVerbs: new Set(f.words('LIGHT_VERB')),
    actionVerbs: new Set(f.words('ACTION_VERB')),
    loneVerbs: new Set(f.words('LONE_VERB')),
    areaWords: new Set(f.words('AREA_WORD')),
    notPlaces: new Set(f.words('NOT_PLACE')),
    targetWords: new Set(f.words('TARGET_WORD')),
    ageGroups: new Set(f.words('AGE_GROUP')),
    deedDirections: [...f.words('DEED_UP').map((w) => [w, 'up'] as [string, Direction]), ...f.words('DEED_DOWN').map((w) => [w, 'down'] as [string, Direction])].sort((a, b) => b[0].length - a[0].length),
    rateWords: new Set([...f.words('RATE_OF_CHANGE_UP'), ...f.words('RATE_OF_CHANGE_DOWN')]),
    cueWords: new Set([...f.words('LEVEL_VERB'), ...f.words('UP'), ...f.words('DOWN')]),
    peopleNouns: f.words('PEOPLE_NOUN'),
    measureHeads: f.words('MEASURE_HEAD'),
    idioms: new RegExp(f.source('IDIOM'), 'gu'),
    // A name ends in a place suffix and does not start after a word of time or a function word.
    // Not the whole of a share (占全国比重).
    subjectWords: new RegExp(`(?<!占)${f.source('PLACE_SUBJECT')}|${NAME_START}${NAME_CHAR}{2,3}(?<![城实施建社园景辖片校矿小库])(?:省|市|县|区|州)(?![级民场区委政长内外容值域])|${NAME_START}${NAME_CHAR}{2,6}?${f.source('BODY_SUFFIX')}`, 'gu'),
    subjectEnd: new RegExp(`[省市县区州${[...f.words('PLACE_SUBJECT'), ...f.words('BODY_SUFFIX')].map((w) => w.at(-1)).join('')}]`, 'u'),
    targetCue: new RegExp(`${f.source('TARGET_CUE')}|${f.source('TARGET_CUE_VERB')}`, 'u'),
    targetCueLevel: new RegExp(f.source('TARGET_CUE_LEVEL'), 'u'),
    timeUnits: new Set(f.words('TIME_UNIT')),
    comparisonClause: new RegExp(`^(?:(?<yoy>${f.source('YOY')})|(?<pop>${f.source('POP')})|与(?<benchmark>${f.source('PERIOD_BENCHMARK')})相比)$`, 'u'),
    qualifierBefore: new RegExp(`${f.source('QUAL_BEFORE')}$`, 'u'),
    qualifierWords,
    qualifierFalseFriends: new Set(f.words('QUAL_FALSE_FRIEND')),
    planHeading: new RegExp(f.source('PLAN_HEADING'), 'u'),
    reviewHeading: new RegExp(f.source('REVIEW_HEADING'), 'u'),
    planSentence: new RegExp(f.source('PLAN_SENTENCE'), 'u'),
    goalLanguage: new RegExp(f.source('GOAL_LANGUAGE'), 'u'),
    reviewOpening: new RegExp(`^(?:各位代表[，,])?(?:${f.source('REVIEW_OPENING')})`, 'u'),
    listGap: new Set(f.words('LIST_GAP')),
    respectively: new RegExp(f.source('RESPECTIVELY'), 'u'),
    respectivelyNear: new RegExp(f.source('RESPECTIVELY_NEAR'), 'u'),
    eachMember: new RegExp(f.source('EACH_MEMBER'), 'u'),
    averageOnly: new Set(f.words('AVERAGE_ONLY')),
    timeAverages: new Set(f.words('TIME_AVERAGE')),
    measuredUnit: new RegExp(`^${f.source('MEASURED_UNIT')}`, 'u'),
    rateUnits: new Set(f.words('RATE_UNIT')),
    totalWords: new Set(f.words('TOTAL_WORD')),
    upgradeVerb: new RegExp(`^${f.source('UPGRADE_VERB')}`, 'u'),
    thresholdWords: new Set(f.words('THRESHOLD_WORD')),
    thresholdVerbs: new Set(f.words('THRESHOLD_VERB')),
    termPrefixes: new Set(f.words('TERM_PREFIX')),
    verbPrefixes: new Set(f.words('VERB_PREFIX')),
    grade: new RegExp(`^(?:${f.source('GRADE')})$`, 'u'),
    classUnit: new RegExp(`^(?:${f.source('CLASS_UNIT')})$`, 'u'),
    negations: new Set(f.words('NEGATION')),
    denominators: new Set(f.words('DENOMINATOR')),
    serviceNumbers: new Set(f.words('SERVICE_NUMBER')),
    positionWords: new Set(f.words('POSITION_WORD')),
    placeChars: new Set(f.words('PLACE_CHAR')),
    placeNameEnd: new RegExp(`${f.source('PLACE_NAME_END')}$`, 'u'),
    dateEnds: new Set(f.words('DATE_END')),
    dateLeads: new Set(f.words('DATE_LEAD')),
    edgeStart: new Set(f.words('PHRASE_EDGE_START')),
    edgeEnd: new Set(f.words('PHRASE_EDGE_END')),
    ownedNouns: new Set(f.words('OWNED_NOUN')),
    predicateTails: new Set(f.words('PREDICATE_TAIL')),
    completionVerbs: new Set(f.words('COMPLETION_VERB')),
    casualtyWords: new Map([...f.words('DEATH_WORD').map((w) => [w, '死亡人数'] as const), ...f.words('INJURY_WORD').map((w) => [w, '受伤人数'] as const)]),
  };
}
