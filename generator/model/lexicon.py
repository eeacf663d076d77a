"""The words of English news that the project reads and writes, each list written once.

Calendar words, number words, currencies and stop words. Extractors read
articles with them, pages write dates and numbers with them, the scorer and the schemas use
the same lists, so a word added here is known everywhere at once. Places, people's roles and
organisations are knowledge of the world, kept in `generator.model.gazetteer`.
"""

from __future__ import annotations


# -- calendar ------------------------------------------------------------------------------

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The short forms newsrooms write: the first three letters, and "Sept".
MONTH_ABBREVIATIONS = {name[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTH_ABBREVIATIONS["sept"] = 9
# Every way of writing a month, lowercase, to its number: "march", "mar", "sept" ...
MONTH_NUMBERS = {
    **{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
    **MONTH_ABBREVIATIONS,
}

# -- numbers -------------------------------------------------------------------------------

NUMBER_NAMES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
)
# Number words read as counts ("three days ago", "a dozen leaders", "nearly three dozen
# nations", "thirty-five countries"). Zero counts nothing, so it is not read.
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
NUMBER_WORDS = {
    **{name: number for number, name in enumerate(NUMBER_NAMES) if number},
    "a dozen": 12, "dozen": 12,
    **{f"{name} dozen": number * 12 for number, name in enumerate(NUMBER_NAMES[2:6], 2)},
    **_TENS,
    **{f"{ten}{joint}{name}": value + number for ten, value in _TENS.items()
       for number, name in enumerate(NUMBER_NAMES[1:10], 1) for joint in ("-", " ")},
}
# Words and abbreviations that scale a sum: "1.6bn", "500 million".
MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}

# -- money ---------------------------------------------------------------------------------

# The symbol articles write before a sum, to the currency's ISO 4217 code.
CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₴": "UAH", "AU$": "AUD", "A$": "AUD",
                    "CA$": "CAD", "C$": "CAD", "NZ$": "NZD"}
# The symbol pages write before a sum of a currency, by ISO 4217 code.
SYMBOL_OF_CURRENCY = {code: symbol for symbol, code in CURRENCY_SYMBOLS.items()}
# Currency names written after a sum ("1.6 billion pounds"), to the ISO 4217 code.
CURRENCY_WORDS = {
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "dollar": "USD", "dollars": "USD",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "hryvnia": "UAH", "hryvnias": "UAH",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "yuan": "CNY",
    # The Scandinavian crowns share a name, "kroner" being Danish and Norwegian alike: a bare
    # "kroner" says no currency, so only the Swedish plural and the named forms are read.
    "krona": "SEK", "kronor": "SEK", "swedish kronor": "SEK", "swedish crowns": "SEK",
    "norwegian kroner": "NOK", "norwegian crowns": "NOK", "danish kroner": "DKK", "danish crowns": "DKK",
    "swiss francs": "CHF", "zloty": "PLN", "zlotys": "PLN", "canadian dollars": "CAD",
    "australian dollars": "AUD", "new zealand dollars": "NZD", "us dollars": "USD",
    "koruna": "CZK", "czech crowns": "CZK",
}
# ISO 4217 codes news copy writes before a sum ("SEK 18bn", "NOK 85 billion").
CURRENCY_CODES = frozenset({"USD", "EUR", "GBP", "JPY", "UAH", "SEK", "NOK", "DKK", "CHF", "PLN", "CAD",
                            "AUD", "NZD", "CZK", "CNY", "RUB"})

# -- stop words ----------------------------------------------------------------------------

# Function words that say nothing about what a text is about: left out when texts are
# compared by their content words (merging facts across articles, scoring against gold).
STOP_WORDS = frozenset(
    """a an and are as at be been but by for from had has have he her his in into is it its of
    on or our she that the their them they this to was were will with would who which what
    when after before over than then there these those also said says not can could should
    must may any all more most other some such only just about against between during under
    while""".split()
)

# -- lists in prose ---------------------------------------------------------------------


def or_list(words: tuple[str, ...]) -> str:
    """'money, weapons or other': a list as a sentence says it."""
    return f"{', '.join(words[:-1])} or {words[-1]}" if len(words) > 1 else "".join(words)
