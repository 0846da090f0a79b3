"""The shapes of names in running text: proper names, acronyms, the words a body's name ends
in, and small helpers over them."""

from __future__ import annotations

import re

from mhkg.iri import normalise_name

# A word of a proper name, and the small words a name may hold between such words.
# One way only to match a word, or names of capitalised words backtrack exponentially.
# "U.S" keeps its inner dots only (a few); "Tacna–Arica" is one word
# (a capital may carry an accent or be a Latin letter of another alphabet: "Đorđević",
# "Örebro", "Łódź", "Şanlıurfa")
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# a possessive that opens a name, its owner's: "Senegal's Ministry of Health", "the Global
# Fund's Regional … Initiative" (but a group's possessive is part of a name: "the Women's
# Health Initiative")
OWNER_POSSESSIVE = re.compile(
    r"^(?:[A-Z][\w.-]* ){0,3}(?!(?:Women|Men|Children|Girls|Boys|People|Youth|Migrants|"
    r"Workers)['’])[A-Z][\w.-]*['’]s (?=[A-Z])"
)
CAP = rf"(?:[dl]['’]|(?:al|el)-)?[{UPPER}][\w’'&-]*(?:–[{UPPER}][\w’'&-]*)?(?:\.[\w’'&-]+){{0,4}}"
LINK = r"(?:of|for|and|on|the|in|de|del|la|des|du|to|&)"
# a name runs over capitalised words and the small words between them, but "and the" starts
# another name ("the Ministry of Health and the Ministry of Labour")
NAME = rf"{CAP}(?:,? (?!and the )(?:{LINK} )*{CAP})*"
# where brackets close a name, it may hold "and the" ("… of Southern Africa and the Indian
# Ocean (SAIO)"), "at" ("Directorate of Health Services at Borders (DHSB)": the acronym
# after it says where the name ends) and "their" ("… of Migrants and their Families (CM)")
BRACKETED_NAME = rf"{CAP}(?:,? (?:(?:{LINK}|at|their|its) )*{CAP})*"
ACRONYM = r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?: [A-Z]{2,})?"

# the world's regions, which name neither a body nor a person: "North Africa", "South-East
# Asia", "the Middle East", "Latin America and the Caribbean"
REGION_WORD = (
    r"(?:Africa|Asia|Europe|America|Americas|Caribbean|Pacific|Oceania|Mediterranean|Balkans|"
    r"Sahel|Maghreb|Mashreq|Middle East)"
)
_COMPASS = (
    r"(?:(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Latin|Sub-Saharan)"
    r"(?:[- ](?:East|West|Eastern|Western))?)"
)
WORLD_REGION = re.compile(rf"(?:(?:The|the) )?(?:{_COMPASS} )?{REGION_WORD}")

# what a body protects people from goes on with its name after this: "Republican Centre for
# Protection of Population from Tuberculosis", "Committee for the Protection of Children from
# Violence"
PROTECTION_OF = re.compile(r"\bProtection of (?:the )?[A-Z][a-z]+$")
# a company, by the form of its name: "TEBA Ltd", "Okada Diagnostics Ltd"
COMPANY_HEADS = "Ltd|Limited|PLC|LLC|GmbH"
HEADS = (
    r"Agency|Agencies|Council|Committee|Committees|Commission|Commissariat|Organi[sz]ation|Fund|Office|"
    r"Institute|Authority|Department|Directorate(?:[- ]General)?|Bank|Union|Association|Society|"
    r"Foundation|Secretariat|Board|Service|Services|Centre|Center|Network|Platform|Task Force|"
    r"Sub-Working Group|Working Group|Reference Group|Advisory Group|Steering Group|"
    r"Coordination Group|Sub-Committee|Subcommittee|Consultations|Alliance|"
    r"Coalition|Programme|Program|Mechanism|Embassy|Observatory|University Hospital|Hospital|"
    r"School|University|College|Bureau|Division|Health Area|Movement|Club|Team|Unit|Chamber|"
    r"Federation|Confederation|Trust|Red Cross|Red Crescent|"
    r"Administration|Coast Guard|Border Guard|Border Police|Gendarmerie|City Hall|Town Hall|"
    r"House of Assembly|Municipality|Autonomous Province|Autonomous Region|"
    r"Autonomous Community|Police Force|Forum|"
    # a public body's delegation in a region, not a visiting one: "the Logone Occidental
    # Regional Health Delegation", "the Far North Regional Delegation of Public Health"
    r"Health Delegation|Regional Delegation|Provincial Delegation|District Delegation|"
    + COMPANY_HEADS
)
# a head alone ("the Working Group", "the Fund") names no body of its own
BARE_HEAD = re.compile(rf"(?:(?:The|the|A|a|An|an) )?(?:{HEADS})s?")
# An acronym followed by one of these names a group of organisations, not the one it stands for.
COLLECTIVE = re.compile(
    r"\s+(?:agencies|entities|system|family|member states|partners)\b", re.IGNORECASE
)


def body_key(name: str) -> str:
    """What identifies a committee within its project, however a text words it: "National
    Coordinating Mechanism" and "Coordination Mechanism" are one body."""
    words = [w for w in normalise_name(name).split() if w not in ("project", "the")]
    return " ".join(re.sub(r"(?:ing|ion|ions|s)$", "", w) if len(w) > 5 else w for w in words)


def trim_to_acronym(name: str, acronym: str) -> str:
    """The words of `name` an acronym defined after it stands for: "the Regional Technical
    Working Groups (TWGs)" → "Technical Working Groups"."""
    name = re.sub(r"^(?:The|A|An) ", "", name)
    letters = re.sub(r"[^A-Z]", "", acronym)
    words = name.split()
    capitalised = [i for i, w in enumerate(words) if w[:1].isupper()]
    if len(capitalised) > len(letters) >= 2:
        first = capitalised[-len(letters)]
        if all(words[i][0] == letters[k] for k, i in enumerate(capitalised[-len(letters) :])):
            return " ".join(words[first:])
    return name


def last_item(name: str) -> tuple[int, str]:
    """Where the last item of a coordinated list of names starts, and its text: an acronym
    in brackets after "A, the B and C's D" stands for D alone.

    >>> last_item("IOM, the National Lung Hospital and Cambodia's National Centre")
    (36, "Cambodia's National Centre")
    >>> last_item("Ministry of Labour and Social Protection")
    (0, 'Ministry of Labour and Social Protection')
    """
    # (and a body's own unit after "its": "the Ministry of Health and its National Programme
    # for Border Hygiene (PNHF)"; not "… of Migrants and their Families (CM)")
    separators = (
        r", (?:and )?(?:the )?| and the | and (?=[A-Z][\w-]*(?: [A-Z][\w-]*)?['’]s )"
        rf"| and (?:its|their) (?=(?:[A-Z][\w-]* ){{0,4}}(?:{HEADS})\b)"
    )
    cuts = [m.end() for m in re.finditer(separators, name)]
    start = cuts[-1] if cuts else 0
    return start, name[start:]


def list_items(text: str) -> list[str]:
    """ "Kenya, Uganda and Tanzania" → its three names."""
    return [item for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text) if item]
