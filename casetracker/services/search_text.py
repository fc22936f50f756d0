"""Search keys that ignore case and script.

SQLite's ``LIKE`` folds ASCII only, so we never ask SQLite to fold: every searchable row keeps a
``search_key`` built here (case-folded original text plus a script-neutral transliteration), and a
query is turned into the same two forms. Both sides go through identical rules, so what matters is
that the spellings of one name converge (Александр / Aleksandr / Alexander), not that the
transliteration is pretty.
"""

import re
import unicodedata

_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
}  # fmt: skip

# Order matters: multi-letter Latin spellings become one placeholder before single letters move.
_LATIN_RULES: tuple[tuple[str, str], ...] = (
    (r"x", "ks"),
    (r"shch|shtch|sch", "Щ"),
    (r"zh", "Ж"),
    (r"kh", "Х"),
    (r"ch|tch", "Ч"),
    (r"sh", "Ш"),
    (r"ts|tz|cz|c(?=[eiy])", "Ц"),
    (r"c", "k"),
    (r"h", "g"),  # Ukrainian г: Luhansk / Луганск
    (r"[yji]o", "e"),  # ё: Fyodorov / Фёдоров, Artyom / Артём
    (r"w", "v"),
    (r"[yj]", "i"),
    (r"i+(?=[aeou])", ""),  # Юрий / Yuri / Iurii, Брянка / Bryanka / Brianka
    (r"i+", "i"),
    (r"(?<=[bdfgklmnprstvzЖХЧШЩЦ])er\b", "r"),  # Alexander / Aleksandr, Peter / Пётр
    (r"(.)\1+", r"\1"),
)
_COMPILED = tuple((re.compile(p), r) for p, r in _LATIN_RULES)
_WORD_SEP = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Case- and accent-insensitive form; ё and е are one letter for searching."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # NFKD splits й into и + breve and ё into е + diaeresis; both fold to their base letter.
    return " ".join(_WORD_SEP.sub(" ", text).split())


def transliterate(text: str) -> str:
    """Script-neutral skeleton: the same string for the usual spellings of one name."""
    words = []
    for word in fold(text).split():
        latin = "".join(_CYR_TO_LAT.get(ch, ch) for ch in word)
        for pattern, repl in _COMPILED:
            latin = pattern.sub(repl, latin)
        words.append(latin)
    return " ".join(words)


def build_key(*parts: str | None) -> str:
    """Key stored on a row: folded text and its transliteration, separated so they never join."""
    text = " ".join(p for p in parts if p)
    return f" {fold(text)} \x1f {transliterate(text)} "


def query_forms(query: str) -> list[str]:
    """What to look for in keys: the folded query and, when it says something, its skeleton."""
    folded = fold(query)
    if not folded:
        return []
    forms = [folded]
    skeleton = transliterate(query)
    if len(skeleton) >= 2 and skeleton != folded:
        forms.append(skeleton)
    return forms


def matches(key: str, query: str) -> bool:
    """Python twin of the SQL search, for lists that are already in memory."""
    return any(form in key for form in query_forms(query))
