"""Bodies named in French, Spanish, Portuguese or Italian: "the Ministère de la Santé Publique
et de la Lutte contre le Sida", "the Secretaría de Salud (SESAL)", "the Serviço Distrital de
Saúde, Mulher e Acção Social (SDSMAS)", "the Azienda Sanitaria Provinciale (ASP) di
Siracusa", "the NGO Colectiva Mujer y Salud".

Such a name starts with a head word of its language that says what kind of body it is
(Ministère, Secretaría, Instituto, Serviço, Azienda, Colectiva, …) and runs on over
capitalised words and that language's small words (de, du, des, d', di, del, do, y, e, et,
…); it must hold one such small word or an accented letter, so that an English name ("the
Police Force", "the Service Centre") is not read as one. A list inside the name is kept
where a conjunction of the language closes it ("Saúde, Mulher e Acção Social"). What
follows the name in brackets is its acronym, its English gloss, or both ("(the Ministry of
Public Health and the Fight against AIDS)", "(National Office of Family and Population,
ONFP)"); an acronym in brackets inside the name is its acronym ("Azienda Sanitaria
Provinciale (ASP) di Siracusa").

The name is read token by token (no pattern with nested repetition: texts are untrusted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mhkg.vocab import MHKG

HEADS = {
    **dict.fromkeys(
        ("Ministère", "Ministerio", "Ministério", "Ministero", "Secretaría", "Secretaria",
         "Secrétariat"),
        MHKG.Ministry,
    ),
    **dict.fromkeys(
        ("Direction", "Dirección", "Direção", "Direcção", "Direzione", "Directión", "Institut",
         "Instituto", "Istituto", "Office", "Oficina", "Serviço", "Serviços", "Servicio",
         "Servicios", "Servizio", "Service", "Services", "Police", "Policía", "Polícia",
         "Polizia", "Gendarmería", "Azienda", "Agence", "Agencia", "Agência", "Agenzia",
         "Programme", "Programa", "Programma", "Caisse", "Centre", "Centro", "Hôpital",
         "Hospital", "Ospedale", "Comisión", "Comissão", "Commission", "Commissione", "Conseil",
         "Consejo", "Conselho", "Consiglio", "Délégation", "Delegación", "Delegação",
         "Jefatura", "Unidad", "Unidade", "Departamento", "Département", "Dipartimento",
         "Superintendencia", "Procuraduría", "Defensoría", "Autoridad", "Autorité", "Autoridade",
         "Observatoire", "Observatorio", "Observatório", "Osservatorio", "Cellule",
         # (heads English shares: read only with the language's small words, "Bureau National
         # de Gestion …", not "Bureau of Statistics")
         "Bureau"),
        MHKG.GovernmentAgency,
    ),
    **dict.fromkeys(
        ("Mairie", "Municipalidad", "Municipio", "Município", "Alcaldía", "Prefeitura",
         "Comune", "Gobierno", "Gouvernement", "Governo", "Intendencia"),
        MHKG.Government,
    ),
    **dict.fromkeys(
        ("Colectiva", "Colectivo", "Coletivo", "Società", "Sociedad", "Sociedade", "Société",
         "Federación", "Fédération", "Federação", "Federazione", "Red", "Rede", "Rete",
         "Movimiento", "Mouvement", "Movimento", "Asociación", "Associação", "Associazione",
         "Corporación", "Cooperativa", "Coopérative", "Collectif",
         "Association",  # ("Association pour l'Accueil …", not "Association of Nurses")
         "Misión", "Missão"),  # (a mission of a church: "the Misión Scalabriniana")
        MHKG.CivilSocietyOrganisation,
    ),
}  # fmt: skip
# the small words of these languages' names (English ones too: "Programme National on …" no)
LINKS = frozenset(
    "de del della delle dello dei degli di da do dos das du des la le les el los las lo "
    "aux au al à a et e y para pour per por contre contra en sur sobre con com avec".split()
)
# the small words only a name in another language holds (not "a", "la", "e" alone)
FOREIGN_LINKS = frozenset(
    "de del della delle dello dei degli di do dos das du des aux al et y".split()
)
CONJUNCTIONS = frozenset(("e", "et", "y"))
_TOKEN = re.compile(r"(?P<sep>, | )(?P<word>[^\W\d_][\w'’.-]*)")
_ELIDED = re.compile(r"^[dlDL]['’](?=[^\W\d_])")  # "d'Hygiène", "l'Air"
_ACRONYM = r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*"
BRACKETS = re.compile(r" \((?P<inside>[^()]{2,90})\)")
GLOSS = re.compile(
    rf"^(?:the )?(?P<gloss>[A-Z][\w'’-]*(?: [\w'’-]+){{0,12}}?)(?:, (?P<acronym>{_ACRONYM}))?$"
)
MAX_WORDS = 14


@dataclass(frozen=True)
class ForeignName:
    start: int
    end: int  # after its brackets, where they give its acronym or gloss
    name: str
    kind: object
    acronym: str | None = None
    gloss: str | None = None
    written: str | None = None  # as the text writes it, where an acronym is inside it


def find(sentence: str) -> list[ForeignName]:
    """The bodies the sentence names in another language, in reading order."""
    found: list[ForeignName] = []
    for match in re.finditer(rf"\b(?:{'|'.join(HEADS)})\b", sentence):
        if found and match.start() < found[-1].end:
            continue
        if (body := _read(sentence, match.start(), match.group())) is not None:
            found.append(body)
    return found


def _capitalised(word: str) -> bool:
    word = _ELIDED.sub("", word)
    return word[:1].isupper()


def _read(sentence: str, start: int, head: str) -> ForeignName | None:
    words = [(head, start + len(head))]  # each word and where it ends
    end = start + len(head)
    inside = None  # an acronym in brackets inside the name: its match
    while len(words) < MAX_WORDS:
        bracket = BRACKETS.match(sentence, end) if inside is None else None
        if bracket and re.fullmatch(_ACRONYM, bracket["inside"]):
            after = _TOKEN.match(sentence, bracket.end())
            if after and after["sep"] == " " and after["word"] in LINKS:
                inside, end = bracket, bracket.end()  # "… Provinciale (ASP) di Siracusa"
                continue
        token = _TOKEN.match(sentence, end)
        if token is None:
            break
        word = token["word"].rstrip(".")
        if token["sep"] == ", " and not _list_closes(sentence, token.start()):
            break
        if not (word in LINKS or _capitalised(word)):
            break
        end = token.start("word") + len(word)
        words.append((word, end))
    while words and words[-1][0] in LINKS:
        words.pop()
    if len(words) < 2:
        return None
    end = words[-1][1]
    if inside is not None and inside.start() >= end:
        inside = None  # (the words after it were small words only)
    written = sentence[start:end]
    name = written.replace(inside.group(), "") if inside else written
    lowered = {w.lower() for w, _ in words} | {"de" for w, _ in words if _ELIDED.match(w)}
    # (or an accented head, which no English name has: "the Misión Scalabriniana")
    if not (lowered & FOREIGN_LINKS or re.search(r"[À-ÿ]", name)):
        return None  # an English name: "the Police Force"
    acronym = inside["inside"] if inside else None
    body = ForeignName(start, end, name, HEADS[head], acronym, None, written if inside else None)
    return _with_brackets(sentence, body)


def _list_closes(sentence: str, at: int) -> bool:
    """Whether a list inside a name, at a comma, is closed by the language's conjunction
    before the name ends ("de Saúde, Mulher e Acção Social")."""
    for count, token in enumerate(_TOKEN.finditer(sentence, at + 1)):
        word = token["word"]
        if count > 6 or (token["sep"] == ", " and count):
            return False
        if word in CONJUNCTIONS:  # (then a name's word: "et des Étrangers", "e Acção")
            following = _TOKEN.match(sentence, token.end())
            if following and following["word"] in LINKS:
                following = _TOKEN.match(sentence, following.end())
            return bool(following and _capitalised(following["word"]))
        if not (word in LINKS or _capitalised(word)):
            return False
    return False


def _with_brackets(sentence: str, body: ForeignName) -> ForeignName:
    """Its acronym or English gloss, in brackets after it."""
    after = BRACKETS.match(sentence, body.end)
    if after is None:
        return body
    inside = after["inside"]
    if re.fullmatch(_ACRONYM, inside):
        if body.acronym:
            return body
        return ForeignName(body.start, after.end(), body.name, body.kind, inside)
    gloss = GLOSS.match(inside)
    if gloss is None or re.search(r"[À-ÿ]", gloss["gloss"]):
        return body
    acronym = gloss["acronym"] or body.acronym
    return ForeignName(
        body.start, after.end(), body.name, body.kind, acronym, gloss["gloss"], body.written
    )
