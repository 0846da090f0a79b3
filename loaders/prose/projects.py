"""Projects named in running text, and what the text says of how they relate.

A project is named by a quoted title next to the word "project" (the project "Title",
the “Title” project, "The second, “Title”, …" after a sentence about two projects), or as
"the Capitalised Name in Title Case project", "IOM's project Capitalised Title", "Finca Sana,
a primary health care project", or by a capitalised name that ends in
Project/Programme/Initiative — but not a country's standing national programme ("the
National Tuberculosis Programme" is a government body, not a project), nor an organisation's
name before "project" ("the IOM project “…”"). The one named most often (the first named on
a tie) is the one an article reports on. A sentence that names another project with
words of continuity ("builds on", "follow-up to", "second phase of", "initiated within
the X project … sustained") makes that project a predecessor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from mhkg.iri import normalise_name
from mhkg.loaders import data
from mhkg.loaders.prose import civil, dates
from mhkg.loaders.prose.names import HEADS, OWNER_POSSESSIVE

OPEN_QUOTES, CLOSE_QUOTES = '"“«', '"”»'
_QUOTED = rf"[{OPEN_QUOTES}](?P<quoted>[^{CLOSE_QUOTES}\n]{{3,200}})[{CLOSE_QUOTES}]"
# ("Mesoamerica–Caribbean", "HIV/AIDS" are one word)
_CAPITALISED = r"[A-Z][\w'’-]*(?:[–/][A-Z][\w'’-]*)?"
PROJECT_WORD = r"(?:project|programme|program|initiative)"
# the small words between a title's capitalised words: "Health for All Migrants along the
# Southern Route", "Fighting TB among Mobile Workers"
_SMALL_WORD = (
    r"(?:of|for|and|in|on|the|to|with|through|along|against|among|amongst|at|from|by|within|"
    r"across|into|towards|under|between|after|"
    # and a title's in French, Spanish or Portuguese: "Salud en Frontera", "Saúde sem Fronteiras"
    r"de|del|da|do|dos|das|du|des|la|las|los|el|en|et|y|e|sem|sin|sans|con|com|para|pour|por)"
)
_TITLE = rf"{_CAPITALISED}(?: (?:{_SMALL_WORD} )*{_CAPITALISED}){{0,12}}"
# a title before the word in lower case may hold small words: "the Addressing Mixed
# Migration Flows in Eastern Africa project"
_PHASE = r"(?:(?:first|second|third|fourth|next|new|final) phase of the )"
_NAMED = rf"\b[Tt]he {_PHASE}?(?P<named>{_TITLE})"
_ENUMERATED = r"\b[Tt]he (?:first|second|third|fourth|other|former|latter)(?: one)?,? "
# an apposition that says a name is a state's own programme, not a project: '"100 Million
# Healthy Lives", the presidential initiative to …', "…, the government's vaccination
# campaign", "…, a national programme"
PUBLIC_APPOSITION = re.compile(
    rf"[{CLOSE_QUOTES}]?,? (?:the|an?) (?:[\w-]+ ){{0,2}}?(?:presidential|national|government|"
    r"government['’]s|state|ministry['’]s|federal|country['’]s) (?:[\w-]+ ){0,2}?"
    r"(?:initiative|programme|program|campaign|strategy|plan|scheme)\b"
)
# a standing programme of a government, not a project: "the National Malaria Control Programme"
# (also "the National Programme of Hygiene at Borders", a body named by what it is "of")
NATIONAL_PROGRAMME = re.compile(
    # (a country's word may come first: "the Iraqi National Tuberculosis Program")
    # (or a province's, a district's: "the Provincial TB Control Programme Khyber Pakhtunkhwa";
    # its portfolios may be listed: "the National Tuberculosis, Leprosy and Lung Disease
    # Program")
    r"^(?:[A-Z][\w'’-]+ ){0,2}(?:National|Provincial|District|County|Departmental) "
    r"(?:(?:[A-Z][\w/-]*|and|&),? ){0,7}Program(?:me)?(?: [A-Z][\w-]*(?: [A-Z][\w-]*)?$)?"
    r"(?: (?:of|for|on) [A-Z][^,;]{0,80})?$"
    # and in French or Spanish order: "Programme National de Santé Mentale"
    r"|^Program(?:me|a)? Nacional|^Programme National"
)
# a programme's name going on in French or Spanish order: "… Programme National de …"
NAMED_ON = re.compile(r" Na[ct]ional\b")
# the small words between the capitalised words of a title after "the project"
_TITLE_LINK = rf"(?:{_SMALL_WORD}|a|an)"
# a list of countries inside a title: "… in Egypt, Libya, Morocco, Tunisia and Yemen"
TITLE_LIST_TAIL = re.compile(
    rf"(?:, {_CAPITALISED}(?: {_CAPITALISED}){{0,2}}){{1,8}},? and {_CAPITALISED}"
    rf"(?: {_CAPITALISED}){{0,2}}"
)
# (with digits, or a phase's number after a space: "RAI3E", "TEAM 2")
_ACRONYM = r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*(?: \d{1,2})?"
# a name whose head says what it is, first: "the Partnership on Health and Mobility in East and
# Southern Africa (PHAMESA)", "IOM's Programme for Migrant Health (PMH)"
_HEAD_FIRST = r"(?:Partnership|Programme|Program|Project|Initiative) (?:on|for) "
# a donor's word after its name: "the EU-funded …"
_DONOR_WORD = r"(?:funded|financed|supported|sponsored|backed)"
# the words before "project" that say what kind: "the three-year project", "the EU-funded
# regional project"
_MODIFIERS = (
    r"(?:(?:[a-z0-9][\w-]*|[A-Z][\w.]*-(?:funded|financed|supported|led|backed|sponsored)) )"
    r"{0,3}"
)
# what begins a body's name, not a project's
_BODY_HEAD = r"(?:Ministry|Government|Department|Office|Council|Agency|Institute|University)\b"
# the words that name what follows: "a project called Health Corridors", "the project, titled …"
_CALLED = r"(?:(?:entitled|titled|called|named|known as|dubbed) )"
# an apposition that says a name is a project's: "…, IOM's regional migration health programme"
# (words that say what kind of project, not what it is to another: "a regional project", "a
# primary health care project"; not "a partner of the project", "an NGO that runs the project")
_KIND_WORD = (
    r"(?!(?:of|the|that|which|who|in|for|to|with|runs?|ran|under|an?|by|from|at|on|as|through)"
    r"\b)[\w-]+"
)
# the word ends the phrase: "a regional project funded by …", not "a programme coordinator",
# "a project partner"
_PROJECT_ENDS = (
    r"(?=[,.;:)]|$| (?:funded|financed|run|implemented|led|supported|launched|managed|that|"
    r"which|whose|in|for|of|by|with|on|to|from|across|covering|aimed|aiming|hosted|co-funded|"
    r"co-financed|coordinated|executed|operated|sponsored|backed|based|through)\b)"
)
_SAID_PROJECT = (
    rf", (?:an?|the|its|their|[A-Z]{{2,}}['’]s) (?:{_KIND_WORD} ){{1,5}}?{PROJECT_WORD}\b"
    rf"{_PROJECT_ENDS}"
)
_OWNED = r"(?:[Tt]he|[Ii]ts|[Tt]heir|[A-Z]{2,}['’]s)"
# what may begin the phrase before "project": _OWNED, or an indefinite article
_DETERMINER = rf"(?:{_OWNED}|[Aa]n?)"
# the other way round, the title spelling out the acronym's letters: "the PHAMT project
# (Promoting Health Access for Migrant Workers in Thailand)", "the MERIT project – Migrant
# Emergency Response In Towns –"
SPELLED_OUT = re.compile(
    rf"\b{_OWNED} (?P<acronym>{_ACRONYM}) {PROJECT_WORD} "
    rf"(?:\((?P<title>{_TITLE})\)|[–—] (?P<dashed>{_TITLE}) [–—])"
)
# a word between a project's owner and its name that says which of its projects it is: "IOM's
# earlier Migration for Development in Ethiopia (MIDEth) programme", "under the earlier USAID
# Dialogue on HIV and Tuberculosis Project"
_WHICH = r"(?:(?:earlier|previous|former|current|ongoing|new) )?"
# "the Healthy Borders Initiative (HBI)", "the Promoting Health Access … (PHAMT) project"
DEFINITIONS = [
    re.compile(
        # (a phase's number and what it is for may follow the head: "the Regional
        # Artemisinin-resistance Initiative 4 Elimination (RAI4E)")
        rf"\b[Tt]he (?P<title>{_TITLE} (?:Project|Programme|Program|Initiative)"
        rf"(?: \d{{1,2}} {_CAPITALISED})?) \((?P<acronym>{_ACRONYM})\)"
    ),
    # (or its owner's: "IOM's Regional Cooperation Arrangement (RCA) programme")
    re.compile(
        rf"\b{_OWNED} {_WHICH}(?P<title>{_TITLE}) \((?P<acronym>{_ACRONYM})\) {PROJECT_WORD}\b"
    ),
    re.compile(rf"\b{_OWNED} (?P<title>{_HEAD_FIRST}{_TITLE}) \((?P<acronym>{_ACRONYM})\)"),
    re.compile(
        rf"(?:^|(?<=\b[Tt]he ))(?P<title>{_TITLE}) \((?P<acronym>{_ACRONYM})\){_SAID_PROJECT}"
    ),
    SPELLED_OUT,
    # after the word: "the EU-funded project Sustaining Migration Management in Georgia
    # (SMMIG)", "IOM's earlier project, Strengthening … (STREAM)"
    re.compile(rf"\b{PROJECT_WORD},? {_CALLED}?(?P<title>{_TITLE}) \((?P<acronym>{_ACRONYM})\)"),
]
# an acronym with its title between dashes, said to be a project's: "SAMHI – Safe Migration and
# Health for Indonesian Migrant Workers – a project that IOM implements" (its letters need not
# spell the title out: the apposition says what it is)
DASHED_TITLE = re.compile(
    rf"\b(?P<acronym>{_ACRONYM}) [–—] (?P<title>{_TITLE}) [–—],? (?:an?|the|its) "
    rf"(?:{_KIND_WORD} ){{0,4}}?{PROJECT_WORD}\b{_PROJECT_ENDS}"
)
DEFINITIONS.append(DASHED_TITLE)
# what a name a project is part of comes after ("part of Healthy Borders, a project …")
_PART_OF_WORDS = ("part of", "under", "through", "within", "phase of")
_AFTER_PART_OF = "|".join(rf"(?<=\b{words} )" for words in _PART_OF_WORDS)
# what a project belongs to, or is run under, before its name and an apposition saying it is one:
# "under the Integrated Health Response for … in Norte de Santander, a project funded by …",
# "belong to Saúde sem Fronteiras (Health Without Borders), an initiative of IOM"
_BEFORE_APPOSED = "|".join(
    rf"(?<=\b{words} )" for words in (*_PART_OF_WORDS, "belong to", "belongs to")
)
# a donor's verb before what it funds: "Japan has funded Safe Passage, an IOM project …"
_AFTER_FUNDED = "|".join(rf"(?<=\b{verb} )" for verb in ("funded", "funds", "financed", "finances"))
# the article or owner of an apposition that says what a name is: "a regional project", "its
# regional initiative", "IOM's regional project", "the Global Fund's regional programme"
_APPOSED_DETERMINER = r"(?:an?|its|their|(?:the )?(?:[A-Z][\w.-]* ){0,3}[A-Z][\w.-]*['’]s)"
PROJECT_MENTIONS = [
    # the Promoting Health Access for Migrant Workers (PHAMT) project: the title, not the
    # acronym; but the MIDA project "Title" is that title
    (
        "acronym-definition",
        re.compile(rf"{DEFINITIONS[1].pattern}(?!,? ?[:]? ?[{OPEN_QUOTES}])"),
    ),
    # the project "Title" / the programme: “Title”
    # (or its phase: "It follows the first phase, “Title”, which ran …")
    (
        "quoted-title",
        re.compile(rf"\b(?:{PROJECT_WORD}\b[^.{OPEN_QUOTES}]{{0,40}}?|phase,? ){_QUOTED}", re.I),
    ),
    # the “Title” project
    ("quoted-title", re.compile(rf"{_QUOTED}\s+{PROJECT_WORD}\b", re.I)),
    # "Healthy Migrants, Healthy Communities", a project funded by …
    (
        "quoted-title",
        re.compile(
            # (a gloss in brackets between: '"Appui à la gestion sanitaire des frontières"
            # (Support to Border Health Management), a project that …')
            rf"{_QUOTED}(?<![,.!?][{CLOSE_QUOTES}])(?: \([^()]{{3,80}}\))?,? "
            rf"(?:an?|the|its|their|[A-Z]{{2,}}['’]s) "
            rf"(?:{_KIND_WORD} ){{0,4}}?{PROJECT_WORD}\b{_PROJECT_ENDS}"
        ),
    ),
    # "The second, “Title”, will …" (after "two projects")
    ("quoted-title", re.compile(rf"{_ENUMERATED}{_QUOTED}")),
    # IOM's project Ebola Virus Disease Preparedness in South Sudan (three words or more);
    # IOM's regional project …; the joint action …; "The project, Title, is implemented"
    (
        "named-project",
        re.compile(
            # (a body's acronym may say whose: "under the IOM project Health for …"; a title
            # may have a subtitle after a colon: "Safe Transit: Health and Protection for …")
            rf"\b{_DETERMINER} {_MODIFIERS}(?:[A-Z]{{2,}} )?"
            rf"(?:{PROJECT_WORD}|(?:joint )?action)(?:,? (?:is |was )?{_CALLED}|(?P<apposed>, )| )"
            rf"(?!{_BODY_HEAD})(?P<named>{_CAPITALISED}"
            rf"(?::? (?:{_TITLE_LINK} ){{0,3}}"
            rf"{_CAPITALISED}){{2,16}})"
            # a name set off by a comma is closed by one ("The project, Title, is …"), not
            # the start of the sentence's clause ("Under a new programme, Ministry … were")
            rf"(?(apposed)(?= ?\(|[,;:–—]|\.?$))"
        ),
    ),
    # a name of any length the text says is the project's: "under the project known as TB sin
    # Fronteras", "a programme called Salud Migrante"
    (
        "named-project",
        re.compile(
            rf"\b{_DETERMINER} {_MODIFIERS}{PROJECT_WORD},? (?:is |was )?{_CALLED}"
            rf"(?!{_BODY_HEAD})"
            rf"(?P<named>{_CAPITALISED}(?: (?:{_TITLE_LINK} ){{0,3}}{_CAPITALISED})*)"
        ),
    ),
    # a name of two words after the word, closed by a comma or by what a project does: "the
    # project Stronger Together, run by …", "the initiative Safe Ports aims to …" (not a
    # body's name: "for the project Ministry Staff, a desk was set up")
    (
        "named-project",
        re.compile(
            rf"\b{_DETERMINER} {_MODIFIERS}"
            rf"{PROJECT_WORD} (?!{_BODY_HEAD})(?![A-Z]{{2,}} )"
            rf"(?P<named>{_CAPITALISED} (?:{_TITLE_LINK} ){{0,2}}{_CAPITALISED})"
            rf"(?=[,;(]| (?:is|was|will|aims|seeks|targets|started|began|"
            r"funded|financed|implemented|supports|supported|reached|trained)\b)"
        ),
    ),
    # Finca Sana, a primary health care project run by IOM
    (
        "named-project",
        re.compile(
            # (or after what it is part of, or who funds it: "The training is part of Healthy
            # Borders, a regional project funded by Japan", "under SHIELD, IOM's regional
            # project on …", "Japan has funded Safe Passage, an IOM project that …")
            rf"(?:^|(?<=[.;:–—] )|{_AFTER_PART_OF}|{_AFTER_FUNDED})"
            rf"(?P<named>{_CAPITALISED}(?: {_CAPITALISED}){{0,5}}), {_APPOSED_DETERMINER} "
            rf"(?:{_KIND_WORD} ){{0,5}}{PROJECT_WORD}\b{_PROJECT_ENDS}"
        ),
    ),
    (
        "named-project",
        re.compile(
            # (two words at least: "within Kenya, a national programme" names a place)
            rf"(?:{_BEFORE_APPOSED}|{_AFTER_FUNDED})(?:the )?"
            rf"(?P<named>{_CAPITALISED} (?:{_SMALL_WORD} )*{_TITLE})"
            rf"(?: \([^()]{{3,80}}\))?, {_APPOSED_DETERMINER} "
            rf"(?:{_KIND_WORD} ){{0,5}}{PROJECT_WORD}\b{_PROJECT_ENDS}"
        ),
    ),
    # a title without a project's word, part of its owner's work and funded: "The work is part
    # of IOM's Post-Cyclone Pam Health and Displacement Response, financed by CERF", "financed
    # under IOM's Integrated Health Response for …, funded by PRM"
    (
        "named-project",
        re.compile(
            rf"(?:(?<=\bpart of )|(?<=\bunder )|(?<=\bbuilds on )|(?<=\bbuilt on )"
            rf"|(?<=\bfollows )|(?<=\bcontinues )){_OWNED} (?:earlier |previous |first )?"
            rf"(?!{_BODY_HEAD})(?P<named>{_CAPITALISED} {_TITLE})"
            r"(?<!Division)(?<!Unit)(?<!Department)(?<!Office)(?<!Centre)(?<!Center)(?<!Fund)"
            # (or funded in a relative clause: "…, which CERF funded in 2021")
            rf"(?:,? (?={_DONOR_WORD} by\b)|, (?=which (?:[A-Z][\w.-]* ){{1,4}}"
            r"(?:funded|financed|supported)\b))"
        ),
    ),
    # "SAMHI – Safe Migration and Health … – a project that IOM implements"
    ("acronym-definition", DASHED_TITLE),
    # an acronym that IOM carries out, runs or implements: "the first product of CHAMP, which
    # IOM carries out in Fiji, …"
    (
        "named-project",
        re.compile(
            rf"\b(?P<named>(?!IOM\b){_ACRONYM}), which (?:IOM|the Organization) (?:also )?"
            r"(?:carries out|implements|runs|leads|manages|coordinates)\b"
        ),
    ),
    # a title whose own last word is a capitalised "Project", after what the work is done
    # under or through: "organized by IOM under the USAID Dialogue on HIV and TB Project"
    (
        "named-project",
        re.compile(
            rf"\b(?:under|through|of|within|from|for|by) {_OWNED} {_WHICH}"
            rf"(?!{_BODY_HEAD})(?P<named>{_CAPITALISED} (?:(?:{_SMALL_WORD} )*{_CAPITALISED} )"
            rf"{{0,12}}Project)\b"
        ),
    ),
    # the Sahel-Care project (the word in lower case is not part of the name); "IOM's
    # Re-Health project", "the same Re-Health project", "its pilot Healthy Villages project"
    ("named-project", re.compile(rf"{_NAMED} {PROJECT_WORD}\b")),
    # a pilot by its name: "the Safe Labour Migration and Health pilot that IOM ran" (not "the
    # pilot phase", "the Ministry of Health pilot project": a project's word after it)
    ("named-project", re.compile(rf"{_NAMED} pilot\b(?! (?:phase|{PROJECT_WORD})\b)")),
    (
        "named-project",
        re.compile(
            # (not a topic in capitals, nor a government's standing programme: "the next
            # national HIV programme")
            rf"\b{_OWNED} (?:(?!phase\b|of\b|national\b)[a-z][\w-]* ){{0,2}}"
            rf"(?P<named>(?![A-Z]+ (?:{_SMALL_WORD} )*(?:[a-z]|[A-Z]+ {PROJECT_WORD}\b)){_TITLE}) "
            rf"{PROJECT_WORD}\b"
        ),
    ),
    # after an indefinite article, a name of two words or more before its capitalised word:
    # "under a new Psychosocial Support and Conflict Transformation Certificate Programme" (not
    # "a one-year Government Programme", "a New Initiative")
    (
        "named-project",
        re.compile(
            rf"\b[Aa]n? (?:(?!national\b)[a-z][\w-]* )?(?P<named>{_CAPITALISED}"
            rf"(?: (?:and )?{_CAPITALISED}){{1,7}} (?:Project|Programme|Program|Initiative))\b"
        ),
    ),
    # a name the text says is a project's by an apposition: "the Partnership on Health and
    # Mobility in East and Southern Africa (PHAMESA), IOM's regional … programme"; and a
    # name whose head says it first, with its acronym: "Renamed the Partnership on … (PHAMESA)"
    # (or after its owner's possessive: "IOM's Health Sector Support for …, the broader
    # programme funded by …")
    (
        "named-project",
        re.compile(rf"(?:^|(?<=\b[Tt]he )|(?<=['’]s ))(?P<named>{_TITLE}){_SAID_PROJECT}"),
    ),
    ("acronym-definition", DEFINITIONS[3]),
    ("acronym-definition", DEFINITIONS[2]),
    # (the title with its phase's number: "the Regional … Initiative 4 Elimination (RAI4E)")
    ("acronym-definition", DEFINITIONS[0]),
    ("acronym-definition", SPELLED_OUT),
    # the Border Health Initiative (capitalised, the word is part of the name)
    (
        "named-project",
        re.compile(
            # ("IOM's Migrant Health Promotion and Care Programme")
            # ("the new Migration Health Country Strategy Project")
            rf"\b{_OWNED} (?:(?!national\b)[a-z][\w-]* |[A-Z][\w.]*-{_DONOR_WORD} )?"
            rf"(?P<named>{_CAPITALISED}(?: (?:and )?{_CAPITALISED}){{0,5}}"
            # (a list closed by "and": "Migrant Protection, Return and Reintegration Programme")
            rf"(?:(?:, {_CAPITALISED}){{1,4}},? and {_CAPITALISED}(?: {_CAPITALISED}){{0,2}})? "
            r"(?:Project|Programme|Program|Initiative)"
            # "the Joint Project on Migration Health": what it is on or for, itself a title
            # ("the EU-IOM Joint Initiative for Migrant Protection and Reintegration")
            rf"(?: (?:on|for) (?:the )?{_CAPITALISED}"
            rf"(?: (?:{_TITLE_LINK} ){{0,2}}{_CAPITALISED}){{0,8}})?)\b"
        ),
    ),
]
# who funds or leads a project, before its name: "the Canadian-funded PROTECT project"
_FUNDED_BY = re.compile(
    # (a donor of several words: "the Global Fund-supported …", "the European Union-funded …")
    r"^(?:(?:[A-Z][\w.]* ){0,3}[A-Z][\w.]*[-–](?:funded|financed|supported|sponsored|backed|"
    r"led)(?: |$))+"
)
# a donor before the channel it pays through, not part of the channel's title: "the World Bank
# through the Southern Africa Tuberculosis and Health Systems Support (SATBHSS) project"
_CHANNEL = re.compile(r"^(?P<body>.+?) (?:through|via) (?:the )?(?P<rest>[A-Z].*)$")
# a body's name, then what it worked under: "… Health Department under Safe and Healthy Work …"
_BODY_THEN_UNDER = re.compile(rf"\b(?:{HEADS}|Ministry|Government) (?:under|through|within) ")
# when, after a name: "the X Initiative for Y and Z in May", "… on Monday"
_WHEN = re.compile(
    rf" (?:in|on|from|since|until|by) (?:{'|'.join(dates.MONTH_NAMES + dates.WEEKDAYS)})$"
)
CONTINUITY = re.compile(
    r"\b(?:builds? (?:up)?on|building (?:up)?on|follow(?:s|ing)?[- ]up (?:to|of|on)|"
    r"continu(?:es|ing) (?:the|its|their|on|from)\b|continuation of|successor (?:to|of)|"
    r"(?:second|third|next|new) phase of|"
    r"previous phase|scal(?:es|ing) up|initiated (?:with)?in|sustained|used as a basis|"
    r"lessons (?:learned|learnt) (?:from|under|in))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ProjectMention:
    start: int
    end: int
    title: str
    rule: str


# a count of projects before a list of their titles: "financed by two IOM projects: A,
# funded by USAID, and the B, supported by CERF", "three programmes, A, B and C"
LISTED = re.compile(
    r"\b(?:two|three|four|five|several) (?:[A-Z]{2,}(?:['’]s)? |[a-z][\w-]* ){0,2}"
    r"(?:projects|programmes|programs|initiatives)(?::|,) "
)
# where one listed title ends and the next begins: "…, funded by X (ACR), and the B"; "; B"
_NEXT_LISTED = re.compile(r",? and (?:the )?|; (?:and )?(?:the )?|, (?:the )?(?=[A-Z])")
_LISTED_TITLE = re.compile(
    rf"(?:the )?(?P<named>{_CAPITALISED}(?: (?:{_SMALL_WORD} )*{_CAPITALISED}){{2,12}})"
)
_LAST_LISTED = re.compile(rf" and (?:the )?(?={_CAPITALISED} {_CAPITALISED})")
_LISTED_AT_MOST = 5


def listed(sentence: str) -> list[ProjectMention]:
    """The titles of a list a count of projects announces, each told apart by where the next
    begins ("two IOM projects: A, funded by USAID, and the B, supported by CERF"; "three
    programmes, A, B and C"): titles of three capitalised words or more; what is said of each
    between them (its donor) is skipped."""
    found: list[ProjectMention] = []
    for count in LISTED.finditer(sentence):
        at, by_commas = count.end(), False
        for _ in range(_LISTED_AT_MOST):
            item = _LISTED_TITLE.match(sentence, at)
            if item is None:
                break
            title, end = item["named"], item.end()
            last = _LAST_LISTED.search(title)
            if last and (by_commas or last.group().endswith("the ")):
                # "A, B and C": in a list told by commas alone, "and" closes it; "A and the
                # B" is two
                title, end = title[: last.start()], item.start("named") + last.start()
            if (
                _organisation(title)
                or NATIONAL_PROGRAMME.match(title)
                or re.match(_BODY_HEAD, title)
            ):
                break  # bodies listed, not projects
            found.append(ProjectMention(item.start("named"), end, title, "listed"))
            following = _NEXT_LISTED.search(sentence, end)
            if following is None or re.search(r"[.:]\s", sentence[end : following.start()]):
                break
            at = following.end()
            by_commas = by_commas or following.group() == ", "
    return found


# a title in single quotes: "under the project 'Supporting Protection …'" (an apostrophe is
# within a word or ends one, a quote opens before a capital and closes before no letter)
_SINGLE_QUOTED = re.compile(r"(?<![\w'’])['‘](?=[A-Z])(?P<title>[^'’\n]{3,200}?)['’](?!\w)")


def _double_quoted(sentence: str) -> str:
    """The sentence with titles in single quotes in double ones (the same length)."""
    return _SINGLE_QUOTED.sub(lambda m: f"“{m['title']}”", sentence)


def find(sentence: str) -> list[ProjectMention]:
    """The projects a sentence names, in reading order."""
    sentence = _double_quoted(sentence)
    found: dict[tuple[int, str], ProjectMention] = {}
    for rule, pattern in PROJECT_MENTIONS:
        for match in pattern.finditer(sentence):
            parts = match.groupdict()
            if pattern is SPELLED_OUT:
                title = _spelled_title(match) or ""
            else:
                title = parts.get("quoted") or parts.get("named") or parts.get("title") or ""
            if NATIONAL_PROGRAMME.match(title):
                continue  # not "the National Tuberculosis Programme, UNHCR and WHO" either
            if match.groupdict().get("named") and (
                tail := TITLE_LIST_TAIL.match(sentence, match.end("named"))
            ):
                title += tail.group()  # "… in Egypt, Libya, Morocco, Tunisia and Yemen"
            title = _FUNDED_BY.sub("", title.strip(" ,."))  # not "Canadian-funded PROTECT"
            title = _WHEN.sub("", title)  # "… Initiative for … and Reintegration in May"
            if (channel := _CHANNEL.match(title)) and _organisation(channel["body"]):
                title = channel["rest"]  # "the World Bank through the … Support (SATBHSS) project"
            if under := _BODY_THEN_UNDER.search(title):
                # "the Authority's Occupational Safety and Health Department under Safe and
                # Healthy Work for Migrant Workers, an IOM initiative": the body did the work
                # under the title
                title = title[under.end() :]
            if not parts.get("quoted"):  # a quoted title is given whole
                title = OWNER_POSSESSIVE.sub("", title)  # "the Global Fund's Regional … Initiative"
            if NATIONAL_PROGRAMME.match(title) or _organisation(title):
                continue  # a government's standing programme or a known body, not a project
            if title.endswith(("Programme", "Program", "Programa")) and NAMED_ON.match(
                sentence, match.end()
            ):
                continue  # "the Congolese Programme National d'Hygiène aux Frontières": a body
            named = next((g for g in ("quoted", "named", "title") if parts.get(g)), None)
            if named and PUBLIC_APPOSITION.match(sentence, match.end(named)):
                continue  # '"100 Million Healthy Lives", the presidential initiative to …'
            if not title or re.search(r"['’]s$", title):
                # (no title ends in an owner's possessive: "the Government of Canada under
                # IOM's project 'Salud para Caminantes'", whose project is IOM's, named after)
                continue
            overlapping = [
                key for key, m in found.items() if m.start < match.end() and match.start() < m.end
            ]
            # of two readings of one mention, the longer title: "the regional Migrant Health
            # in the Horn of Africa project", not "the Horn of Africa project"
            if all(len(found[key].title) < len(title) for key in overlapping):
                for key in overlapping:
                    del found[key]
                found[(match.start(), title)] = ProjectMention(
                    match.start(), match.end(), title, rule
                )
    for mention in listed(sentence):
        if not any(mention.start < m.end and m.start < mention.end for m in found.values()):
            found[(mention.start, mention.title)] = mention
    return sorted(found.values(), key=lambda m: m.start)


def quoted_name(sentence: str) -> str | None:
    """The first name in quotes a sentence gives in title case ("IOM launched “Healthy Ports
    for All” in Dakar"): what an article that names no project in any other form reports on
    (not quoted speech: “we were tired,” she said; nor a body's name quoted after what it is:
    'the NGO "Ahtari Baht" in Qurghonteppa')."""
    sentence = _double_quoted(sentence)
    for match in _QUOTED_TITLE.finditer(sentence):
        if BODY_BEFORE_QUOTE.search(sentence, 0, match.start()):
            continue
        title = match["quoted"].strip()
        words = title.split()
        capitalised = [w for w in words if w[:1].isupper()]
        content = [w for w in words if not re.fullmatch(_SMALL_WORD, w)]
        if (
            len(capitalised) >= 2
            and len(capitalised) == len(content)
            and not re.search(r"[.!?;]", title)
            and not (NATIONAL_PROGRAMME.match(title) or _organisation(title))
        ):
            return title
    return None


_QUOTED_TITLE = re.compile(_QUOTED)
# what a body is, right before its quoted name: 'the NGO "Anis"', 'the public association'
BODY_BEFORE_QUOTE = re.compile(rf"\b{civil.WHAT},? $")


def _organisation(title: str) -> bool:
    """A title the directory of organisations knows ("the United Nations Development
    Programme") names a body, not a project."""
    return normalise_name(title) in data.organisation_index()


def acronyms(sentence: str) -> dict[str, str]:
    """The project acronyms a sentence defines, and the titles they stand for."""
    sentence = _double_quoted(sentence)
    found = {}
    for pattern in DEFINITIONS:
        for m in pattern.finditer(sentence):
            title = _spelled_title(m) if pattern is SPELLED_OUT else m["title"]
            if title and not (NATIONAL_PROGRAMME.match(title) or _organisation(title)):
                found[m["acronym"]] = title
    return found


def _spelled_title(match: re.Match) -> str | None:
    """The title after an acronym (SPELLED_OUT) if it spells the acronym out: its letters
    are, in order, initials of the title's words ("PHAMT": Promoting Health Access for
    Migrant Workers in Thailand)."""
    title = match["dashed"] or match["title"]
    initials = iter(word[0].upper() for word in re.split(r"[\s/–-]+", title) if word)
    letters = [c for c in match["acronym"] if c.isupper()]
    return title if letters[0] == title[0] and all(c in initials for c in letters) else None


def reported(mentions: list[ProjectMention], before: Iterable[ProjectMention] = ()) -> str | None:
    """The title named most often, the first named on a tie but for one told as what came
    `before` ("has hosted specialists since the MIDA Ghana Health project")."""
    if not mentions:
        return None
    counts = Counter(normalise_name(m.title) for m in mentions)
    best = max(counts.values())
    tied = [m for m in mentions if counts[normalise_name(m.title)] == best]
    earlier = {normalise_name(m.title) for m in before}
    return next((m.title for m in tied if normalise_name(m.title) not in earlier), tied[0].title)


# a project told as what came before: "since the MIDA Ghana Health project"
_SINCE = re.compile(r"\b(?:since|before) (?:the )?$")


def told_as_before(text: str, mention: ProjectMention) -> bool:
    """Whether the sentence tells the project as what came before ("since the X project")."""
    return _SINCE.search(text, max(0, mention.start - 12), mention.start) is not None


# an article that says it is about several projects: "launched two projects", "belong to two
# initiatives", "both programmes"
SEVERAL = re.compile(
    r"(?:\b(?:the|these|launch(?:ed|es)?|start(?:ed|s)?|sign(?:ed|s)?|announc(?:ed|es)|"
    r"present(?:ed|s)|open(?:ed|s)|belongs? to|(?:are|is) part of|under|through) "
    r"(?:two|three|four|several) |\bboth )(?:[a-z][\w-]* ){0,2}"
    r"(?:projects|programmes|programs|initiatives)\b",
    re.IGNORECASE,
)
# a project named aside, to compare or as an example: "Like the X project, …", "including"
ASIDE = re.compile(r"\b(?:[Ll]ike|[Uu]nlike|[Aa]s with|[Ii]ncluding|[Ss]uch as) (?:the )?$")


def aside(text: str, mention: ProjectMention) -> bool:
    """Whether the sentence names the project aside ("Like the X project, …")."""
    return ASIDE.search(text, max(0, mention.start - 16), mention.start) is not None


def reported_together(sentences: Iterable[tuple[str, list[ProjectMention]]]) -> list[str]:
    """The titles an article reports on together, in reading order: each project it names
    (not as one another continues) when it says it is about several or names two in one
    sentence; else none (the one named most often is then the one reported on)."""
    titles: dict[str, str] = {}
    several = False
    for text, mentions in sentences:
        continuity = speaks_of_continuity(text)
        several = several or bool(SEVERAL.search(text))
        named = {normalise_name(m.title): m.title for m in mentions if not aside(text, m)}
        several = several or (len(named) > 1 and not continuity)
        if not continuity:
            for key, title in named.items():
                titles.setdefault(key, title)
    return list(titles.values()) if several and len(titles) > 1 else []


# a sentence about the project just named, by its kind: "The programme, which runs under the
# umbrella of …, is funded by …" (not one naming it: "The programme “Title” …")
_REFERS_BACK = re.compile(
    rf"^(?:The|This) (?:[a-z][\w-]* ){{0,2}}{PROJECT_WORD}\b"
    rf"(?!,? (?:[A-Z]|[{OPEN_QUOTES}]))"
)
# a sentence that names it anew: "The programme, now called the X (ACR), …", "was renamed"
_RENAMES = re.compile(r"\b(?:called|named|renamed|known as|entitled|titled)\b")


def refers_back(sentence: str, mention: ProjectMention) -> bool:
    """Whether a sentence begins with the project an earlier one named, by its kind, before
    it names another (an umbrella, a partner's): the other is not what it is about."""
    start = _REFERS_BACK.match(sentence)
    return (
        start is not None
        and mention.start >= start.end()
        and not _RENAMES.search(sentence, start.end(), mention.start)
    )


def speaks_of_continuity(sentence: str) -> bool:
    return bool(CONTINUITY.search(sentence))
