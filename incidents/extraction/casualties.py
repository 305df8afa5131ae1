"""Casualty and downed-drone counts in a piece of text: numbers, number words and "no casualties" phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from incidents.extraction import cues, morphology
from incidents.extraction.numbers import NUMBER, to_int

_PEOPLE = "(?:" + cues.grouped(
    r"people|persons?|civilians?|residents?|servicem[ae]n|soldiers?|troops|children|child|kids?|m[ae]n|wom[ae]n|boys?|"
    r"girls?|teenagers?|adults?|workers?|employees?|pensioners?|victims?|passengers?|firefighters?|rescuers?|"
    r"police officers?|officers?|members?|staff|inhabitants|individuals|servicemembers|infants?|babies|baby|drivers?|pilots?|"
    r"pedestrians?|passers-by|passer-by|guards?|farmers?|volunteers?|journalists?|medics?|paramedics?|doctors?|nurses?|"
    r"students?|pupils?|elderly|pensioner|retirees?|wife|husband|sons?|daughters?|mother|father|"
    r"neighbou?rs?|brothers?|sisters?|sailors?|seam[ae]n|crew members?|miners?|fisherm[ae]n|security guards?".split("|")
    + [r"grand(?:mother|father|sons?|daughters?)"]) + ")"  # grouped by first letter (cues.grouped): the same alternation
def _spaced(words: str) -> str:
    """A fragment of an alternation followed by a space ("at least" -> "at least ", "a|b" -> "(?:a|b) ")."""
    return f"(?:{words}) " if cues._top_level_bar(words) else f"{words} "


_BOUNDS = sorted((w for w in cues.lexicon()["count_bounds"] if not w.startswith("_")), key=len, reverse=True)
_QUANT = rf"(?:{cues.grouped([_spaced(b) for b in _BOUNDS] + ['a total of ', 'another ', 'further ', 'an additional '])})?"
_ADJ = rf"(?:(?!(?:{NUMBER}) )[a-z0-9-]+ ){{0,2}}"
_ASIDE = r"(?:,? (?:including|among them|most of them|mostly|(?:one|two|three|four|five|some|several|all|both) of (?:them|whom)) [^,]{1,40},)? "
# "two employees of the terminal were injured", "three workers at the plant": where the people were, before the verb.
_OF_WHAT = r"(?: (?:of|at|from) (?:the |a |an )?[\w-]+(?: [\w-]+)?)?"
_BE = r"(?:(?:were|was|have been|has been|had been|are|is|got|being|had|has|have) )?(?:(?:\w+ly|later|also) )?"  # "were later killed"

_AGED = r"(?: aged \d{1,3}(?:(?:,| and) \d{1,3})*)?"  # "two men aged 41 and 56 were injured": their ages, not counts
# "The passenger, a 58-year-old woman, has been taken to hospital": who the person is, between commas.
_APPOSITION = r"(?:, (?:a|an|the) [^,.;]{1,40},)?"
_KILL = r"(?:killed|dead|died|perished|lost their lives|lost his life|lost her life)"
_HURT = (r"(?:injured|wounded|hurt|hospitali[sz]ed|(?:sustained|suffered|received) (?:(?:minor|light|slight|serious|severe|"
         r"moderate|multiple|shrapnel|burn|head|leg) )*(?:injuries|wounds)|"
         r"treated for (?:(?:minor|light|slight|serious|severe|moderate) )?(?:smoke inhalation|injuries|wounds|shrapnel wounds|burns|cuts)|taken to (?:a |the )?(?:[\w-]+ ){0,3}?hospital)")
# "The number of people killed when ... has risen to 10": an updated figure.
_RISEN_TO = rf"[^.;]{{0,140}}?\b(?:rose|risen|climbed|reached|increased|jumped|grew|stood|stands) (?:to |at )?{_QUANT}(?P<n>{NUMBER})\b"
# "the driver was wounded", "a woman was killed": one person named by a singular noun (the `who` group).

# "injuring the driver and his passenger", "killing a man and his wife": two people, each named by a singular noun.
_PAIR = (rf"(?:the|a|an|its|his|her|their) (?P<n>){_ADJ}{_PEOPLE}(?<!s) (?P<one>and) (?:his|her|their|the|a|an) (?P<m>){_ADJ}"
         rf"(?P<who>{_PEOPLE})\b(?<!s)(?= |,|\.|$)")

_PATTERNS = {
    "killed": [
        rf"\b(?:killing|killed|kills|claim(?:ed|ing|s) the lives of|left) {_QUANT}(?P<n>{NUMBER})\b(?! (?:drones?|missiles?|km|miles))",
        rf"\b{_QUANT}(?P<n>{NUMBER}) {_ADJ}{_PEOPLE}{_AGED}{_OF_WHAT}{_ASIDE}{_BE}{_KILL}",
        rf"\b{_QUANT}(?P<n>{NUMBER}) (?:(?:people|persons) )?(?:dead|killed|(?-i:KIA))\b",  # "1 KIA": killed in action
        rf"(?<!no )(?<!no-)(?<![\w-])(?!no\b|none\b)(?P<n>{NUMBER}) (?:were|was|have been|had been) (?:dead|killed)\b",
        rf"\bdeath toll (?:\w+ ){{0,3}}?(?:to|at|of|is|was|reached|stands at) {_QUANT}(?P<n>{NUMBER})\b",
        rf"\bdeath toll\b[^.;]{{0,140}}?\b(?:rose|risen|climbed|reached|increased|jumped|grew|stood|stands) (?:to |at )?{_QUANT}(?P<n>{NUMBER})\b",
        rf"\b(?:killing|killed) (?:the|its|his|her|their) (?P<n>){_ADJ}(?-i:[a-z]+)\b(?<!s)(?= |,|\.|$)",
        rf"\bnumber of (?:people |those |civilians )?(?:killed|dead)\b{_RISEN_TO}",
        rf"\b(?:the|a|an|his|her|their) (?P<n>){_ADJ}(?P<who>{_PEOPLE}) (?:was|has been|had been) (?:\w+ly )?{_KILL}",
        rf"\b(?:the|a|an|his|her|their) (?P<n>){_ADJ}(?P<who>{_PEOPLE}){_APPOSITION} (?:has |had |later )?(?:died|perished)\b",
        rf"\b(?:killing|killed|kills) (?:the|a|an|its|his|her|their) (?P<n>){_ADJ}(?P<who>{_PEOPLE})\b(?= |,|\.|$)",
        rf"\b(?:killing|killed) {_PAIR}",
        rf"\b(?:killing|killed) (?:the|a|an|his|her|their) {_ADJ}(?P<n>couple)\b(?! of)"  # "killing an elderly couple"
        rf"(?: and (?:their|her|his) (?:(?P<m>{NUMBER}) (?:[\w-]+ )?(?:children|sons|daughters|kids|grandchildren)"
        rf"|(?P<one>(?:[\w-]+ )?(?:child|son|daughter|baby|grandchild|grandson|granddaughter))))?",  # "... and their two children"
        rf"\b(?:pulled|pulling|recovered|recovering|retrieved|retrieving|found) {_QUANT}(?P<n>{NUMBER}) bodies\b",
        rf"\b{_QUANT}(?P<n>{NUMBER}) bodies (?:were|have been|had been) (?:\w+ly )?(?:pulled|recovered|retrieved|found)\b",
        rf"(?:^|[,;:] )(?P<n>)(?P<who>{_PEOPLE}) (?:killed|dead)(?=[.,;)]|$)",  # a short post: "driver killed."
    ],
    "injured": [
        rf"\b(?:injuring|wounding|injured|wounded|hurting|leaving|injures|wounds|hurts) {_QUANT}(?P<n>{NUMBER})\b(?! (?:drones?|missiles?|km|miles|dead|killed))",
        rf"\b{_QUANT}(?P<n>{NUMBER}) {_ADJ}{_PEOPLE}{_AGED}{_OF_WHAT}{_ASIDE}{_BE}{_HURT}",
        rf"(?<!no )(?<!no-)(?<!\d and )(?!no[ -])\b{_QUANT}(?P<n>{NUMBER}) (?:(?:others?|more) )?(?:(?:were|are) )?(?:injured|wounded|hurt|hospitali[sz]ed|(?-i:WIA))\b",  # not "men aged 41 and 56 were injured"
        rf"\bnumber of (?:people |those |civilians )?(?:injured|wounded|hurt) (?:at|to) {_QUANT}(?P<n>{NUMBER})\b",  # "put the number of injured at 64"
        rf"\b(?:the|a|an|his|her|their) (?P<n>){_ADJ}(?P<who>{_PEOPLE}){_APPOSITION} (?:has |had )?(?:sustained|suffered|received) "
        rf"(?:[\w-]+ ){{0,2}}(?:injuries|wounds)\b",  # "The driver, a man, suffered shrapnel wounds"
        rf"\bnumber of (?:people |those |civilians )?(?:injured|wounded|hurt)\b{_RISEN_TO}",
        rf"\b(?:the|a|an|his|her|their) (?P<n>){_ADJ}(?P<who>{_PEOPLE})(?: \(\d{{1,3}}\)|, \d{{1,3}},|{_APPOSITION}) (?:was|has been|had been) (?:\w+ly )?{_HURT}",
        rf"\b(?:injuring|wounding|injured|wounded|injures|wounds) (?:the|its|his|her|their) (?P<n>){_ADJ}(?P<who>{_PEOPLE})\b(?= |,|\.|$)",
        rf"\b(?:injuring|wounding|injured|wounded) {_PAIR}",
        rf"(?:^|[,;:] )(?P<n>)(?P<who>{_PEOPLE})(?: \(\d{{1,3}}\))? (?:injured|wounded|hurt)(?=[.,;)]|$)",  # a post: ", man (54) wounded"
        rf"^(?P<n>)(?P<who>he|she) (?:was|has been|had been) (?:\w+ly )?{_HURT}",
        # "one resident with minor injuries", "two men with shrapnel wounds": the people named with their wounds
        rf"\b{_QUANT}(?P<n>{NUMBER}) {_ADJ}{_PEOPLE} (?:(?:were |was )?(?:left |hospitali[sz]ed |taken to hospital )?with|suffering) "
        rf"(?:(?:minor|light|slight|serious|severe|moderate|multiple|shrapnel|burn|head|leg|gunshot) )*(?:injuries|wounds|burns)\b",  # "... on a 63-year-old man; he was hospitalised"
        # "A woman was killed and her husband wounded": the second person's "was" left out after the first's
        rf"\b{_KILL} and (?:the|a|an|his|her|their) (?P<n>){_ADJ}(?P<who>{_PEOPLE})\b(?<!s) (?:wounded|injured|hurt)\b",
    ],
}
_ZERO = {
    ("killed", "injured"): [
        r"\bno (?:reported )?casualties\b(?! (?:figures|figure|details))",
        r"\bwithout (?:any )?casualties\b",
        r"\b(?:no one|no-one|nobody) (?:was|had been|has been) (?:killed or )?(?:injured or killed|killed or injured|hurt or killed|harmed|hurt)\b",
        r"\bno victims\b",
        r"\bthere were no casualties\b",
        r"\bno (?:deaths|fatalities) (?:or|and) (?:injuries|injured)\b",  # "No deaths or injuries were reported"
        r"\b(?:did not|didn't|has not|hasn't|have not|haven't) report(?:ed)? any (?:casualties|victims)\b",
    ],
    ("killed",): [r"\bno (?:deaths|fatalities|one was killed|one died)\b", r"\bnobody was killed\b", r"\bno one (?:was )?killed\b"],
    ("injured",): [r"\bno (?:injuries|one was (?:injured|hurt|wounded))\b", r"\bnobody was (?:injured|hurt|wounded)\b",
                   r"\b(?:no one|no-one|nobody) (?:injured|hurt|wounded)\b",  # a short post: "no one hurt"
                   r"\b(?:did not|didn't|has not|hasn't|have not|haven't) report(?:ed)? any (?:injuries|injured)\b"],
}
# Russian and Ukrainian word order: "погибли 12 человек", "ранены двое", "ще 43 поранені", "поранено дюжину людей".
_STILL = rf"(?:{cues.grouped([_spaced(w) for w in 'ещё|еще|ще|также|також|по меньшей мере|как минимум|не менее|щонайменше|не менше'.split('|')])})?"


# "получили ранения", "отримали поранення": a light verb before the casualty noun.
_LIGHT = r"(?:получил\w*|получив\w*|отримал\w*|отримав\w*|зазнал\w*|дістал\w*|дістав\w*) "
# One person named by a singular noun ("ранена женщина", "загинув чоловік", "водитель получил ранения").
_SINGLE = (r"женщин[аыу]|мужчин[аыу]|водител[ья]|фельдшер[аи]?|медик[аи]?|пассажир[аи]?|пасажир[аи]?|охранник[аи]?|"
           r"сотрудник[аи]?|працівник[аи]?|ребён(?:ок|ка)|ребен(?:ок|ка)|подрост(?:ок|ка)|пенсионерк?[аиу]?|жител[ья]|"
           r"жительниц[аыу]|жінк[аиу]|чоловік(?:а)?|водій|водія|дитин[аиу]|підліт(?:ок|ка)|пенсіонерк?[аиу]?|людин[аиу]|"
           r"охоронець|охоронця|рятувальник(?:а)?|поліцейськ(?:ий|ого)|військов(?:ий|ого)|пішохід|пішохода|"
           r"дівчинк[аиу]|хлопчик(?:а)?|енергетик(?:а)?|залізничник(?:а)?|фермер(?:а)?|тракторист(?:а)?|"
           r"работник[аи]?|рабоч(?:ий|его)|строител[ья]|электрик(?:а)?|механизатор(?:а)?|мальчик(?:а)?|девочк[аиу]|"
           r"девушк[аиу]|юнош[аи]|пожарн(?:ый|ого)|военнослужащ(?:ий|его)|журналист(?:а)?|волонт[её]р(?:а)?|"
           r"мешкан(?:ець|ця|ка|ки|ку)|хозя(?:ин|ина|йка|йки)|муж|мужа|жена|жену|"
           # kin, the second of a pair ("загинули чоловік і його чотирирічний син", "погибла женщина и её дочь")
           r"син|сина|сын|сына|донька|доньку|доньки|дочка|дочку|дочь|батько|батька|отец|отца|дружина|дружину|онук|онука|"
           r"онучк[аиу]|внук|внука|внучк[аиу]|брат|брата|сестр[аиу]|(?:\d+-(?:летн|річн)\w+ )(?:мужчин[аыу]|женщин[аыу]|чоловік(?:а)?|жінк[аиу])|"
           r"voditel[ʹ'’]?|voditel[iy]a|vodii|vodiia|zhenshchin[aeyu]|muzhchin[aeyu]|zhink[aiu]|cholovik(?:a)?|"
           r"reb[eyi]?o?nok|rebenka|dytyn[aiu]|pensioner(?:ka|ku)?|passazhir|pasazhyr")


# "Два человека, в том числе ребёнок, получили ранения": an aside between the count and its verb.
_SLAVIC_ASIDE = r", (?:в том числе|среди них|из них|серед них|у тому числі|з них|зокрема) [^,.;]{1,40}, "


_SECOND = rf"(?:(?P<m>{NUMBER}) (?:[\w-]+ )?(?:{'|'.join(cues.slavic('people'))})|(?P<one>{_SINGLE}))"


_RISE = r"(?:вырос\w*|возрос\w*|увеличил\w*|достиг\w*|зрос\w*|збільшил\w*|сягну\w*)"  # a toll rose to a figure


def _slavic(name: str) -> list[str]:
    verb, people = cues.grouped(cues.slavic(name)), cues.grouped(cues.slavic("people"))
    return [rf"(?<![\w-])(?:{verb})(?: [—–-]|:)? (?:{_LIGHT})?(?:(?:{people}) )?{_STILL}(?P<n>{NUMBER})(?![\w-])",
            rf"(?<![\w-]){_STILL}(?P<n>{NUMBER}) (?:(?:[\w-]+ )?(?:{people})(?:{_SLAVIC_ASIDE}| ))?(?:[—–-] )?(?:(?:были|було|были) )?(?:{_LIGHT})?(?:{verb})",
            rf"(?<![\w-])(?:{verb}) (?P<n>)(?:[\w-]+ )?(?:{_SINGLE})(?![\w-])",
            rf"(?<![\w-])(?:число|количество|кількість) (?:{verb}),? (?:[\w,'’-]+ ){{0,12}}?{_RISE} (?:до )?(?P<n>{NUMBER})(?![\w-])",
            # "зросла кількість постраждалих від удару до чотирьох": the verb first
            rf"(?<![\w-]){_RISE} (?:число|количество|кількість) (?:{verb}),? (?:[\w,'’-]+ ){{0,12}}?до (?P<n>{NUMBER})(?![\w-])",
            rf"(?<![\w-])(?P<n>)(?:{_SINGLE}) (?:[\w-]+ ){{0,2}}?(?:[—–-] )?(?:{_LIGHT}(?:[\w-]+ )?)?(?:{verb})",
            # "поранено не трьох, а двох людей", "погибли не пятеро, а четверо": the figure corrected in the same breath
            rf"(?<![\w-])(?:{verb}) (?:[\w-]+ )?(?:не|не\s+уже) (?:{NUMBER}),? (?:а|но) (?P<n>{NUMBER})(?![\w-])",
            # "Мужчина, раненный при атаке на Новый Оскол, скончался": a participle's aside between the person and the verb
            rf"(?<![\w-])(?P<n>)(?:{_SINGLE}), [^,.;]{{1,80}}, (?:{_LIGHT})?(?:{verb})",
            # "женщина 1958 года рождения, получила порезы", "мужчина 1975 г.р. ранен": a person with a year of birth
            rf"(?<![\w-])(?P<n>)(?:{_SINGLE}),? \d{{4}} (?:года рождения|г\. ?р\.|року народження|р\. ?н\.),? (?:{_LIGHT})?(?:{verb})",
            # "Два сотрудника химического предприятия в Новомосковске получили ранения": the count, then a long aside
            rf"(?<![\w-])(?P<n>{NUMBER}) (?:{people}) [^,.;:]{{1,80}}? {_LIGHT}(?:{verb})",
            # "двое детей и женщина пострадали", "ранены трое мужчин и двое детей": two groups joined, summed (_largest)
            rf"(?<![\w-])(?P<n>{NUMBER}) (?:[\w-]+ )?(?:{people}) (?:и|і|та|й) {_SECOND} (?:[—–-] )?(?:{_LIGHT})?(?:{verb})",
            rf"(?<![\w-])(?:{verb}) (?P<n>{NUMBER}) (?:[\w-]+ )?(?:{people}) (?:и|і|та|й) {_SECOND}(?![\w-])",
            # "ранены водитель и двое пассажиров": one person, then a counted group, summed
            rf"(?<![\w-])(?:{verb}) (?P<n>)(?:[\w-]+ )?(?:{_SINGLE}) (?:и|і|та|й) (?P<m>{NUMBER}) (?:[\w-]+ )?(?:{people})(?![\w-])",
            # "пострадали фельдшер и водитель", "водій і пасажир поранені": two people, each named by a singular noun
            rf"(?<![\w-])(?:{verb}) (?P<n>)(?:[\w-]+ )?(?:{_SINGLE}) (?:и|і|та|й) (?:[\w'’-]+ ){{0,2}}?(?P<m>)(?P<one>{_SINGLE})(?![\w-])",
            rf"(?<![\w-])(?P<n>)(?:{_SINGLE}) (?:и|і|та|й) (?P<m>)(?P<one>{_SINGLE}) (?:[—–-] )?(?:{_LIGHT})?(?:{verb})",
            # "поранено машиніста", "погиб охранник": a singular noun for a person, read by the dictionary
            rf"(?<![\w-])(?:{verb}) (?P<n>)(?P<who>(?:[\w'’-]+ )?[а-яёіїєґ'’-]+)(?![\w-])"]


_LATIN_COUNT = {name: len(patterns) for name, patterns in _PATTERNS.items()}  # the Slavic patterns follow these
for _name in ("killed", "injured"):
    _PATTERNS[_name] += _slavic(_name)
# "є загиблий та п'ятеро поранених", "есть пострадавший": one person told by the participle alone (a plural says no count)
_PATTERNS["killed"].append(r"(?<![\w-])(?:є|есть) (?P<n>)(?P<who>(?:загибл|погибш)(?:ий|а|ая))(?![\w-])")
_PATTERNS["injured"].append(r"(?<![\w-])(?:є|есть) (?P<n>)(?P<who>(?:поранен|ранен|постраждал|пострадавш|травмован)(?:ий|а|ая))(?![\w-])")
# "Пострадавшего госпитализировали", "раненую доставили в больницу": one hurt person, the object of the care given
_PATTERNS["injured"].append(r"(?<![\w-])(?P<n>)(?P<who>(?:поранен|ранен|постраждал|пострадавш|травмован)(?:ого|его|ую|у))"
                            r" (?:[\w-]+ )?(?:госпитализир\w*|госпіталізува\w*|доставил\w*|доставили|увезл\w*|перевезл\w*|"
                            r"госпіталізовано|доправил\w*)(?![\w-])")
# "чоловік живий — він дістав важкі поранення": one person told by the pronoun of the sentence before ("he was hurt")
_PATTERNS["injured"].append(r"(?<![\w-])(?P<n>)(?P<who>він|вона|он|она) "
                            r"(?:(?:дістав|дістала|отримав|отримала|получил|получила|зазнав|зазнала) (?:[\w'’-]+ )?"
                            r"(?:поранен|ранени|ранен|травм)\w*|(?:був|була|был|была) (?:[\w'’-]+ )?(?:поранен|ранен|травмован)\w*)")
_ZERO[("killed", "injured")] += [rf"(?<![\w-])(?:{w})" for w in cues.slavic("zero_casualties")]
# each led by a look-ahead for the characters it can start with (cues.led): the same matches, found faster
_PATTERNS = {name: [cues.led(re.compile(p, re.IGNORECASE)) for p in patterns] for name, patterns in _PATTERNS.items()}
_ZERO = {fields: [cues.led(re.compile(p, re.IGNORECASE)) for p in patterns] for fields, patterns in _ZERO.items()}
# A cheap first look: the words every pattern of a field needs (no such word, no count to look for).
_HINTS = {"killed": ("kill", "dead", "died", "perish", "lost", "lives", "death", "bodies", "погиб", "убит", "скончал", "смертельн", "загин", "загиб",
                     "вбит", "помер", "житт", "гибел", "жизн", "pogib", "zahyn", "kia", "врятува",
                     "убил", "вбил", "вбив", "тело", "тела"),  # the active verbs: "дрон убил двух человек", "ракета вбила трьох"
          "injured": ("injur", "wound", "hurt", "hospital", "leaving", "treated for", "ранен", "пострада", "травм", "госпитал", "поранен",
                      "постражд", "госпітал", "ranen", "postrad", "postrazhd", "wia", "ожог",
                      "шпиталіз", "допомог", "порез", "звернул", "ранил", "поранив"),
          "drones_downed": ("down", "intercept", "destroy", "neutrali", "suppress", "repel", "jammed", "eliminat", "sbit",
                            "sbili", "сбит", "сбил", "уничтож", "перехват", "перехвач", "подавл", "нейтрализ", "отраж", "отраз",
                            "збит", "збил", "знищ", "перехоп", "нейтраліз", "відбил", "знешкод", "обезвред"),
          "zero": ("no", "without", "nobody", "нет", "без", "немає", "ніхто", "никто", "net", "bez", "nemaie", "не пострада",
                   "не постражд", "не травмов", "не поранен")}
_NOT_STATED = re.compile(r"\bno (?:immediate )?(?:reports|information|word|details) (?:of|on|about) (?:any )?(?:casualties|injuries|victims)", re.IGNORECASE)

_DRONE = r"(?:drones?|UAVs?|unmanned aerial vehicles?|unmanned aircraft|Shaheds?|kamikaze drones?|aerial targets?)"
_DOWN = r"(?:shot down|shooting down|downed|downing|intercepting|destroying|intercepted|destroyed|neutrali[sz]ed|suppressed|brought down|repelled|jammed|eliminated)"
_DOWNED = [
    rf"\b{_QUANT}(?P<n>{NUMBER}) {_ADJ}{_DRONE} (?:(?:were|was|have been|had been|had|have) )?(?:\w+ly )?{_DOWN}",
    rf"\b{_DOWN}(?: or {_DOWN})? {_QUANT}(?P<n>{NUMBER}) {_ADJ}{_DRONE}",
]
_SLAVIC_DOWN = cues.grouped(cues.slavic("interception"))
_SLAVIC_DRONE = cues.grouped([w for lang in cues.LANGUAGES for w in cues.own_lexicon(lang)["weapons"]["drone"]])
_SLAVIC_TARGET = r"(?:воздушн|повітрян)\w* (?:цел|ціл)\w*"  # "сбито 3 воздушных цели", "збито 5 повітряних цілей"
_DOWNED += [rf"(?<![\w-])(?:{_SLAVIC_DOWN}) (?:[\w-]+ ){{0,3}}?(?P<n>{NUMBER}) (?:[\w-]+ )?(?:{_SLAVIC_DRONE}|{_DRONE}|{_SLAVIC_TARGET})",
            rf"(?<![\w-])(?P<n>{NUMBER}) (?:[\w-]+ )?(?:{_SLAVIC_DRONE}|{_DRONE}|{_SLAVIC_TARGET}) (?:[\w-]+ ){{0,2}}?(?:{_SLAVIC_DOWN})"]
_DOWNED = [cues.led(re.compile(p, re.IGNORECASE)) for p in _DOWNED]


@dataclass(frozen=True)
class Count:
    """A count found in text: its value and the [start, end) span of the phrase, relative to the text searched."""

    value: int
    start: int
    end: int


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TRANSLIT = ("ranen", "pogib", "zahyn", "postrad", "postrazhd")  # Latin-script Russian and Ukrainian casualty words


def find_casualties(text: str) -> dict[str, Count]:
    """killed/injured counts stated in `text`; a field is absent when the text does not state it."""
    return dict(_casualties_in(text))


@lru_cache(maxsize=cues.CACHED_TEXTS)
def _casualties_in(text: str) -> dict[str, Count]:
    """find_casualties, remembered per text (a copy is handed out: the dictionary is the caller's to change)."""
    found: dict[str, Count] = {}
    lower = text.lower()
    if "no" in lower and _NOT_STATED.search(text):
        return found
    for fields, patterns in _ZERO.items() if cues.mentions_any(lower, _HINTS["zero"]) else ():
        for pattern in patterns:
            match = pattern.search(text)
            if match:
                for name in fields:
                    found.setdefault(name, Count(0, match.start(), match.end()))
    cyrillic = _CYRILLIC.search(lower) is not None or cues.mentions_any(lower, _TRANSLIT)  # Slavic words, either script
    for name, patterns in _PATTERNS.items():
        patterns = patterns if cyrillic else patterns[:_LATIN_COUNT[name]]
        best = _largest(text, patterns) if cues.mentions_any(lower, _HINTS[name]) else None
        if best is not None:
            found[name] = best
    return found


def every_count(text: str, name: str) -> list[Count]:
    """Every killed or injured count (name) stated in `text`, not only the largest: a clause may tell several places'."""
    lower = text.lower()
    if ("no" in lower and _NOT_STATED.search(text)) or not cues.mentions_any(lower, _HINTS[name]):
        return []
    cyrillic = _CYRILLIC.search(lower) is not None or cues.mentions_any(lower, _TRANSLIT)
    patterns = _PATTERNS[name] if cyrillic else _PATTERNS[name][:_LATIN_COUNT[name]]
    out = []
    for pattern in patterns:
        out += [count for match in pattern.finditer(text) if (count := _count_of(text, pattern, match)) is not None]
    return out


# "killed two people in Kostiantynivka and one in Druzhkivka": a place phrase, then the next place's count with the verb
# left out (and its noun: "one", "three others").
_ELLIPTIC_NEXT = re.compile(rf"(?:\s+{_PEOPLE})?\s+(?:in|near|at|outside)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?"
                            rf"(?:\s+(?:region|oblast|district|community))?(?:,\s*(?:and\s+)?|\s+and\s+)(?P<n>{NUMBER})"
                            r"(?:\s+(?:more|others?|people|persons?|civilians?))?(?=\s+(?:in|near|at|outside)\s)", re.IGNORECASE)


# "у Херсоні поранено двох, у Білозерці — трьох", "в Белгороде ранены четыре человека, в Шебекино — двое": the next place
# after a comma, a dash, then its count alone.
_ELLIPTIC_NEXT_SLAVIC = re.compile(
    rf"(?:\s+(?:{'|'.join(cues.slavic('people'))})\w*)?\s*,\s*(?:(?:а|і|та|и)\s+)?(?:в|у|во|на)\s+(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’-]*"
    rf"(?:[ -](?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’-]*)?\s*[—–]\s*(?:(?:ще|ещё|еще)\s+)?(?P<n>{NUMBER})(?![\w'’-])", re.IGNORECASE)


def counts_follow_places(text: str) -> bool:
    """True for Russian and Ukrainian text, where a list's counts follow their places ('у X — двох')."""
    return _CYRILLIC.search(text) is not None


def elliptic_counts(text: str, count: Count) -> list[Count]:
    """The counts told after `count` for further places with the verb left out ("killed two in X and one in Y": one)."""
    out = []
    pattern = _ELLIPTIC_NEXT_SLAVIC if counts_follow_places(text) else _ELLIPTIC_NEXT
    match = pattern.match(text, count.end)
    while match is not None and (value := to_int(match.group("n"))) is not None:
        out.append(Count(value, match.start("n"), match.end("n")))
        match = pattern.match(text, match.end())
    return out


@lru_cache(maxsize=cues.CACHED_TEXTS)
def find_downed(text: str) -> Count | None:
    """How many drones the text says were shot down, neutralised or destroyed (the largest figure), or None (cached:
    a clause is asked twice, for counts before each site and for the total)."""
    return _largest(text, _DOWNED) if cues.mentions_any(text.lower(), _HINTS["drones_downed"]) else None


def _largest(text: str, patterns: list[re.Pattern[str]]) -> Count | None:
    best: Count | None = None
    for pattern in patterns:
        for match in pattern.finditer(text):
            count = _count_of(text, pattern, match)
            if count is not None and (best is None or count.value > best.value):
                best = count
    return best


def _count_of(text: str, pattern: re.Pattern[str], match: re.Match[str]) -> Count | None:
    """The count a pattern's match states, or None (no number, or a year, time or age)."""
    who = match.group("who") if "who" in pattern.groupindex else match.group(0)
    value = to_int(match.group("n")) if match.group("n") else (1 if _singular_person(who) else None)
    if value is not None and "m" in pattern.groupindex and (match.group("m") or match.group("one")):
        value += (to_int(match.group("m")) or 0) if match.group("m") else 1  # "двое детей и женщина": three
    if value is None or _is_not_a_count(text, match):
        return None
    return Count(value, match.start(), match.end())


_ONE_PARTICIPLE = re.compile(r"(?:загибл|погибш|поранен|ранен|постраждал|пострадавш|травмован)(?:ий|а|ая|ого|его|ую|у)",
                             re.IGNORECASE)  # "пострадавшего госпитализировали": one person, the object of the care
_SINGLE_WORD = re.compile(rf"(?<![\w-])(?:{_SINGLE})(?![\w-])", re.IGNORECASE)
_PEOPLE_LAST = re.compile(rf"\b{_PEOPLE}$", re.IGNORECASE)


# "пострадали несколько человек", "кілька людей", "several people": an unstated number, not one person.
_SEVERAL = re.compile(r"(?<![\w-])(?:несколько|нескольких|кілька|кількох|декілька|декількох|several|a few|some)\s+(?:[\w-]+\s+)?[\w-]+$",
                      re.IGNORECASE)


def _singular_person(phrase: str) -> bool:
    """'killing the driver': one person, when the last word names a person."""
    if _SEVERAL.search(phrase):
        return False
    if (_SINGLE_WORD.search(phrase) or _ONE_PARTICIPLE.fullmatch(phrase)
            or phrase.lower() in ("he", "she", "він", "вона", "он", "она")):
        return True
    if _CYRILLIC.search(phrase):
        return morphology.singular_person(phrase.split()[-1])
    return bool(_PEOPLE_LAST.search(phrase)) and not phrase.lower().endswith(("people", "children", "men", "women", "staff"))


_MONTH_BEFORE = re.compile(r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
                           r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+$")


def _is_not_a_count(text: str, match: re.Match) -> bool:
    """Years, times and percentages look like numbers but are not counts."""
    after = text[match.end("n"):match.end("n") + 6]
    raw = match.group("n")
    if re.match(r"\s*(?:лет|год[аy]?|рок\w*|years?[- ]old)(?![\w-])", text[match.end("n"):match.end("n") + 12], re.I):
        return True  # an age ("женщина 67 лет", "жінка 70 років"), not a count
    if raw.isdigit() and _MONTH_BEFORE.search(text, max(0, match.start("n") - 12), match.start("n")):
        return True  # a day of the month ("on the morning of Jan. 14 injured 11 people"), not a count
    return bool(re.match(r"\s*(?:%|percent|per cent|a\.?m|p\.?m|:\d)", after, re.I)) or (raw.isdigit() and 1900 <= int(raw) <= 2100)


def bound_of(phrase: str) -> tuple[str, str] | None:
    """('at least', 'a lower bound') when a count phrase qualifies its number as a bound or an estimate, else None."""
    match = re.search(rf"\b({'|'.join(_BOUNDS)})\s+(?:{NUMBER})\b", phrase, re.IGNORECASE)
    return (match.group(1).lower(), cues.lexicon()["count_bounds"][match.group(1).lower()]) if match else None
