"""The role an organisation plays in a project, from what the text says just before its name
("funded by", "implemented by", "in cooperation with"), else from its kind."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from mhkg.iri import normalise_name
from mhkg.loaders.organisations import IOM, Organisation
from mhkg.vocab import MHKG

if TYPE_CHECKING:
    from mhkg.loaders.prose.reading import SentenceReading

ROLE_CUES = [
    ("funder", r"fund(?:ed|ing)? (?:by|from)|financ(?:ed|ial support|ing) (?:by|of|from)|"
               r"(?:with|thanks to|made possible by) (?:the )?(?:generous )?financial "
               r"support (?:of|from)|"
               r"grant from|donor|sponsored by|co-?funded by|"
               # "Funding came from …", "a contribution of USD 2 million from …", "donated by"
               # (a contribution of money: "a contribution of USD 2 million from")
               r"funding (?:came|comes) from|"
               r"contribution (?:of (?:USD|US\$|EUR|GBP|CHF|[$€£\d])[\w.,$€£ ]{0,24} )?from|"
               r"donat(?:ed by|ions? from)|"
               # "a reallocation of funds from", "a release of USD 100,000 from", "with a
               # contribution of JPY 1,019,000,000 (approximately USD 6.9 million) from"
               r"\bfunds from|(?:contribution|release|allocation|grant) of "
               r"(?:USD|US\$|EUR|GBP|CHF|JPY|NOK|SEK|DKK|AUD|CAD|[$€£¥]) ?[\d.,]{1,16}"
               r"(?: (?:million|billion))?(?: \([^()]{0,48}\))? from|"
               # a few words before the agent: "funded in part by", "financed until 2024 by"
               # (no other verb among them: "funded projects implemented by")
               r"\b(?:fund|financ|sponsor)ed"
               r"(?: (?!by\b)(?![\w-]*ed\b)(?!run\b|led\b|managed\b|operated\b)[\w-]+){1,3} by"),
    # "implemented jointly by", "implemented in the region by", "run by"; "led by" only for
    # what a project is ("The project is led by …", not "The delegation was led by …", "the
    # response led by …", "Sessions were led by …")
    ("implementer", r"(?:implemented|executed|co-implemented)"
                    r"(?: (?:jointly|in [\w ]{1,30}?|together|mainly|locally))? by|"
                    # "carried out by" of the project only: an activity carried out by a body
                    # is its part, not the project's running ("The screening was carried out
                    # by the Provincial Health Department with IOM": a partner)
                    r"\b(?:it|project|programme|program|initiative|action|which)"
                    r"(?: (?:is|was|are|were|will be|has been|is being))?,? carried out"
                    r"(?: (?:jointly|in [\w ]{1,30}?|together|mainly|locally))? by|"
                    # ("run by" and "led by" too, of a project: not "a shelter run by …")
                    r"(?:project|programme|program|initiative|action|which|it)"
                    r"(?: (?:is|was|are|were|will be|has been|is being))?(?: jointly| co-)? "
                    r"(?:led|run) by|"
                    # (after another verb of it: "The project is funded by the EU and led by
                    # …", "The project, led by …")
                    r"(?:,| and) led by|"
                    r"implementing (?:agency|organi[sz]ation)|"
                    # "IOM leads it with ESCAP and the ILO", "which IOM leads with UNFPA": co-leads
                    r"\bleads? (?:it |the (?:project|programme|initiative|action) )?"
                    r"(?:jointly )?with"),
    # what a funder pays through: its own agency ("which the Government of Canada funds
    # through Global Affairs Canada": a funder) or another body that runs it ("Japan funds
    # the project through IOM": the implementer; `role_of`)
    ("through", r"\b(?:funds|finances|fund|finance) (?:[\w-]+ ){0,3}?through"),
    # support said plainly: a donor's, or the publisher's own work (`role_of`): "with the
    # support of the Government of Japan", "with support from IOM", "supported by the …"
    ("support", r"(?:with|thanks to|made possible by) (?:the )?(?:generous )?support "
                r"(?:of|from)|(?<!technically )supported by"),
    ("beneficiary", r"benefit(?:ing|s)? |for the benefit of|beneficiar"),
    ("partner", r"in (?:cooperation|collaboration|partnership|coordination) with|partner|"
                r"together with|jointly with|involving|with the participation of"),
]  # fmt: skip
ROLE_CUE_PATTERNS = [(role, re.compile(rf"(?:{cue})", re.I)) for role, cue in ROLE_CUES]
DELEGATION = re.compile(r"\bdelegat(?:ion|es)\b", re.I)
DEFAULT_ROLES = {MHKG.Fund: "funder", MHKG.Group: "beneficiary"}


def role_of(organisation: Organisation, cue: str | None) -> str:
    """A committee coordinates whatever the text around it says, unless it says the
    committee pays or runs the project ("funded by the Stop TB Partnership"); others take the
    role their cue gives, else their kind's usual one (a fund funds), else partner."""
    if cue == "support":  # IOM supports what it implements (its fund funds); others pay
        publisher = IOM in (organisation, organisation.parent) and organisation.kind != MHKG.Fund
        return "implementer" if publisher else "funder"
    if cue == "through":
        public = organisation.kind in (MHKG.Government, MHKG.Ministry, MHKG.GovernmentAgency)
        return "funder" if public or organisation.kind == MHKG.Fund else "implementer"
    if organisation.kind == MHKG.CoordinationBody and cue not in ("funder", "implementer"):
        return "coordination"
    return cue or DEFAULT_ROLES.get(organisation.kind, "partner")


# what a cue's words govern when they are people, not the body named after them: "led by
# speakers from the …", "with donors and heads of …", "with the support of volunteers from …"
PEOPLE_BETWEEN = re.compile(
    # (not money: "funded by contributions from the EU", "with funds of the …")
    r"\b(?!(?:funds|contributions|grants|donations|resources|allocations|loans)\b)"
    r"[a-z][\w-]*(?:s|ff|ers|ors|ists|ians|eers) (?:from|of|at|with) (?:the |its |their )?$"
)
# a count right before a name: the name qualifies what is counted, which the cue governs
# ("financed by two IOM projects", "funded by three WHO grants")
COUNTED = re.compile(r"\b(?:two|three|four|five|six|several|both) $")
# a body named with another after the cue of both: "implemented by IOM together with the
# Ministry of Health" (not set off by a comma: "implemented by UNICEF, together with UNFPA")
JOINTLY = re.compile(r"^ (?:together|jointly) with (?:the )?$")
# the channel a funder pays through: "funded by the Government of Canada through Global
# Affairs Canada", "by the EU, through its humanitarian aid office"
CHANNEL = re.compile(r"^,? (?:through|via) (?:the |its |their )?$")


def cue(
    sentence: str, start: int, previous_end: int, previous_told: str | None = None
) -> str | None:
    """The role that the last cue between the previous organisation named and this one gives
    (not a cue for the people named between: "led by speakers from the …"); a body
    implementing "together with" the one before implements too."""
    window = sentence[previous_end:start]
    if previous_told == "implementer" and JOINTLY.match(window):
        return "implementer"
    if previous_told in ("funder", "support") and CHANNEL.match(window):
        # (its support: "thanks to the support of the Australian Government through its
        # Department of Foreign Affairs" pays through its department)
        return previous_told
    best: tuple[int, str] | None = None
    for role, pattern in ROLE_CUE_PATTERNS:
        for match in pattern.finditer(window):
            if role == "implementer" and DELEGATION.search(window, 0, match.start()):
                continue  # "The delegation was led by the Institute …": not the project
            if best is None or match.end() > best[0]:
                best = (match.end(), role)
    if best and (PEOPLE_BETWEEN.search(window, best[0]) or COUNTED.search(window, best[0])):
        return None
    return best[1] if best else None


# a name, then the same body or its unit: "the Swedish International Development Cooperation
# Agency (Sida)", "the European Union's humanitarian aid department (ECHO)", "the US State
# Department's Bureau of Population, …"
SAME_BODY = re.compile(r" \(|['’]s (?:[a-z][\w-]* ){0,4}\(?")


def same_body(sentence: str, previous_end: int, start: int) -> bool:
    """Whether a name follows the one before as its bracketed other name or its unit."""
    return SAME_BODY.fullmatch(sentence, previous_end, start) is not None


# what a body does, said right after its name: "the Ministry for Foreign Affairs, which has
# financed the project since 2008", "The Ministry … finances the project"
AFTER_NAME = re.compile(
    # a donor's name made an adjective: "the EU-funded project", "a Japan-financed clinic"
    r"-(?:(?P<adjective>funded|financed|sponsored)|(?P<supported>supported))\b"
    # a donor's possessive before its money: "with the EU's financial support", "thanks to
    # Japan's generous funding" (its plain support is no money: "the Ministry's support")
    r"|['’]s (?:generous |continued |kind )?(?:financial support|funding|financing|"
    r"financial contribution|grant|donation)\b"
    r"(?! (?:shortfall|gap|cuts?|appeal|application|request|needs)\b)"
    # a donor in apposition: "Sida, the programme's main donor, …"
    r"|, (?:the |its |our )(?:project's |programme's |initiative's )?"
    r"(?:main |principal |largest |sole |long-standing )?(?:donor|funder)\b"
    r"|(?:,? (?:which|that|who) | )(?:has |have |had |also |is |are |was |were )*"
    r"(?:(?P<verb>co-?financ|co-?fund|financ|fund|sponsor|implement)(?:e|es|ed|ing|s)?\b"
    r"(?! by\b)"
    # what runs a project, told of its subjects: "a campaign that IOM and the Ministry ran
    # from …", "the Ministry and IOM jointly run the project", "IOM leads it" (not what a
    # body runs of its own: "which runs a listening service", "which leads the policy")
    r"|(?:jointly |together )?(?P<runs>ran|run|runs|co-?lead|co-?leads|leads)\b"
    r"(?= (?:it|them|the (?:project|programme|program|initiative|action|campaign)s?)\b"
    r"| (?:from|on|in|at|since|until|between|together|jointly)\b|[,.;]|$)"
    # "the Government of Germany provided EUR 500,000", "… is the main donor"
    r"|provid(?:ed|es) (?:(?:USD|US\$|EUR|GBP|CHF|JPY|[$€£])|(?:a )?(?:grant|funding|funds)\b)"
    r"|the (?:main |principal |largest |sole )?donor\b)"
)
AFTER_ROLES = {"implement": "implementer"}


def cue_after(sentence: str, end: int) -> str | None:
    """The role a verb right after an organisation's name gives it."""
    match = AFTER_NAME.match(sentence, end)
    if match is None:
        return None
    if match["runs"]:
        return "implementer"
    if match["supported"]:
        return "support"  # a donor's, or the publisher's own work (`role_of`)
    return AFTER_ROLES.get(match["verb"], "funder")


def settle(readings: Sequence[SentenceReading]) -> None:
    """A body the document says funds or runs its project, and names elsewhere with no cue,
    plays that role there too: "The Ministry for Foreign Affairs finances the project" makes
    "Representatives of the Ministry for Foreign Affairs took part" no partnership of its own.
    Only where the document gives it one such role (IOM's role is the publisher's rule)."""
    told: dict[tuple, set[str]] = {}
    for reading in readings:
        for mention in reading.organisations:
            if mention.cued:
                told.setdefault(_identity(mention.organisation), set()).add(mention.role)
    for reading in readings:
        for index, mention in enumerate(reading.organisations):
            roles = told.get(_identity(mention.organisation), set())
            if mention.cued or mention.role != "partner" or len(roles) != 1:
                continue
            (role,) = roles
            publisher = IOM in (mention.organisation, mention.organisation.parent)
            if role in ("funder", "implementer") and not publisher:
                reading.organisations[index] = replace(mention, role=role)


def _identity(organisation: Organisation) -> tuple[str, str | None]:
    """What one body is in a document, however the text names it (as its IRI is minted)."""
    name = organisation.key or organisation.acronym or organisation.name
    return normalise_name(name), organisation.country
