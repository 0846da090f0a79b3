"""The role an organisation plays in a project, from what the text says just before its name
("funded by", "implemented by", "in cooperation with"), else from its kind."""

from __future__ import annotations

import re

from mhkg.loaders.organisations import Organisation
from mhkg.vocab import MHKG

ROLE_CUES = [
    ("funder", r"fund(?:ed|ing)? (?:by|from)|financ(?:ed|ial support|ing) (?:by|of|from)|"
               r"(?:with|thanks to|made possible by) (?:the )?(?:generous )?(?:financial )?"
               r"support (?:of|from)|"
               r"grant from|donor|sponsored by|co-?funded by|"
               # "Funding came from …", "a contribution of USD 2 million from …", "donated by"
               # (a contribution of money: "a contribution of USD 2 million from")
               r"funding (?:came|comes) from|"
               r"contribution (?:of (?:USD|US\$|EUR|GBP|CHF|[$€£\d])[\w.,$€£ ]{0,24} )?from|"
               r"donat(?:ed by|ions? from)"),
    ("implementer", r"implemented by|carried out by|executed by|led by|implementing (?:agency|"
                    r"organi[sz]ation)"),
    ("beneficiary", r"benefit(?:ing|s)? |for the benefit of|beneficiar"),
    ("partner", r"in (?:cooperation|collaboration|partnership|coordination) with|partner|"
                r"together with|jointly with|involving|with the participation of"),
]  # fmt: skip
ROLE_CUE_PATTERNS = [(role, re.compile(rf"(?:{cue})", re.I)) for role, cue in ROLE_CUES]
DELEGATION = re.compile(r"\bdelegat(?:ion|es)\b", re.I)
DEFAULT_ROLES = {MHKG.Fund: "funder", MHKG.Group: "beneficiary"}


def role_of(organisation: Organisation, cue: str | None) -> str:
    """A committee coordinates and a fund funds whatever the text around them says; others
    take the role their cue gives, else their kind's usual one, else partner."""
    if organisation.kind == MHKG.CoordinationBody:
        return "coordination"
    return cue or DEFAULT_ROLES.get(organisation.kind, "partner")


def cue(sentence: str, start: int, previous_end: int) -> str | None:
    """The role that the last cue between the previous organisation named and this one gives."""
    window = sentence[previous_end:start]
    best: tuple[int, str] | None = None
    for role, pattern in ROLE_CUE_PATTERNS:
        for match in pattern.finditer(window):
            if role == "implementer" and DELEGATION.search(window, 0, match.start()):
                continue  # "The delegation was led by the Institute …": not the project
            if best is None or match.end() > best[0]:
                best = (match.end(), role)
    return best[1] if best else None


# what a body does, said right after its name: "the Ministry for Foreign Affairs, which has
# financed the project since 2008", "The Ministry … finances the project"
AFTER_NAME = re.compile(
    r"(?:,? (?:which|that|who) | )(?:has |have |had |also |is |are |was |were )*"
    r"(?:(?P<verb>co-?financ|co-?fund|financ|fund|sponsor|implement)(?:e|es|ed|ing|s)?\b"
    r"(?! by\b)"
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
    return AFTER_ROLES.get(match["verb"], "funder")
