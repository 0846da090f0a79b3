"""Sustainable Development Goals in running text, however they are worded.

Numbers count wherever they are unambiguous: "SDG 3", "SDGs 3 and 10", "Sustainable
Development Goal 5", "target 10.7" (its goal is the number before the dot). A goal named
by its title or a paraphrase ("good health and well-being", "reducing inequalities") or a
bare "goal number three" counts only in a sentence that speaks of the goals ("Sustainable
Development Goals", "SDGs", "2030 Agenda", "Global Goals"), since "gender equality" or
"decent work" alone need not mean the goal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen""".split(),
        start=1,
    )
}
_NUMBER = r"(?:1[0-7]|[1-9]|" + "|".join(NUMBER_WORDS) + r")\b"
_LIST = rf"{_NUMBER}(?:\s*(?:,|and|&|or)\s*{_NUMBER})*"

SDG_CONTEXT = re.compile(
    r"sustainable development goals?|\bSDGs?\b|2030 agenda|global goals", re.IGNORECASE
)
NUMBERED = [
    # SDG 3, SDGs 3 and 10, SDG #5, Sustainable Development Goal 16, Global Goal 4
    (
        "sdg-number",
        re.compile(
            r"\b(?:SDGs?|(?:Sustainable Development|Global) Goals?)\s*(?:#|No\.?|number)?\s*"
            rf"(?P<goals>{_LIST})",
            re.I,
        ),
    ),
    # target 10.7, SDG target 3.8, targets 10.7 and 3.8
    (
        "sdg-target",
        re.compile(
            r"\b(?:SDG\s+)?targets?\s+(?P<targets>\d{1,2}\.(?:\d{1,2}|[a-z])"
            r"(?:\s*(?:,|and)\s*\d{1,2}\.(?:\d{1,2}|[a-z]))*)\b",
            re.I,
        ),
    ),
]
IN_CONTEXT = [
    # goal number three, Goal 3, goals 3 and 10 (in a sentence about the SDGs)
    ("goal-number", re.compile(rf"\bgoals?\s*(?:#|No\.?|number)?\s*(?P<goals>{_LIST})", re.I)),
]
GOAL_NAMES = {
    1: r"no poverty|end(?:ing)? (?:extreme )?poverty|poverty (?:reduction|eradication)",
    2: r"zero hunger|end(?:ing)? hunger",
    3: r"good health and well-?being|health(?:y lives)? and well-?being|ensur\w* healthy lives",
    4: r"quality education|inclusive and equitable (?:quality )?education",
    5: r"gender equality",
    6: r"clean water and sanitation",
    7: r"affordable and clean energy",
    8: r"decent work and economic growth|decent work",
    9: r"industry,? innovation,? and infrastructure",
    10: r"reduc\w* inequalit\w*",
    11: r"sustainable cities and communities",
    12: r"responsible consumption and production",
    13: r"climate action",
    14: r"life below water",
    15: r"life on land",
    16: r"peace,? justice,? and strong institutions",
    17: r"partnerships? for the goals",
}
GOAL_NAME_PATTERNS = {
    goal: re.compile(rf"\b(?:{words})\b", re.I) for goal, words in GOAL_NAMES.items()
}


@dataclass(frozen=True)
class GoalMention:
    start: int  # offsets in the sentence
    end: int
    goal: int
    target: str | None = None  # "10.7" when a target was named
    rule: str = "sdg-number"


def find(sentence: str) -> list[GoalMention]:
    """The goals (and targets) a sentence names, in reading order, each once."""
    found = [m for rule, pattern in NUMBERED for m in _numbered(sentence, rule, pattern)]
    if SDG_CONTEXT.search(sentence):
        found += [m for rule, pattern in IN_CONTEXT for m in _numbered(sentence, rule, pattern)]
        for goal, pattern in GOAL_NAME_PATTERNS.items():
            found += [
                GoalMention(m.start(), m.end(), goal, rule="sdg-name")
                for m in pattern.finditer(sentence)
            ]
    unique: dict[tuple[int, str | None], GoalMention] = {}
    for mention in sorted(found, key=lambda m: m.start):
        unique.setdefault((mention.goal, mention.target), mention)
    return list(unique.values())


def _numbered(sentence: str, rule: str, pattern: re.Pattern[str]) -> list[GoalMention]:
    mentions = []
    for match in pattern.finditer(sentence):
        if "targets" in pattern.groupindex and match.group("targets"):
            targets = re.findall(r"\d{1,2}\.(?:\d{1,2}|[a-z])", match.group("targets"), re.I)
            for target in targets:
                goal = int(target.split(".")[0])
                if 1 <= goal <= 17:
                    mentions.append(
                        GoalMention(match.start(), match.end(), goal, target.lower(), rule)
                    )
            continue
        for number in re.findall(_NUMBER, match.group("goals"), re.I):
            goal = int(number) if number.isdigit() else NUMBER_WORDS[number.lower()]
            mentions.append(GoalMention(match.start(), match.end(), goal, rule=rule))
    return mentions
