"""Search keys that ignore case and script.

SQLite's ``LIKE`` folds ASCII only, so we never ask SQLite to fold: every searchable row keeps a
``search_key`` built here (case-folded original text plus a script-neutral transliteration), and a
query is turned into the same two forms. Both sides go through identical rules, so what matters is
that the spellings of one name converge (Александр / Aleksandr / Alexander), not that the
transliteration is pretty.
"""

import functools
import re
import unicodedata
from collections.abc import Sequence

_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
}  # fmt: skip

# Bump when the rules below change: vaults rebuild their stored keys on open (search_keys.py).
KEY_VERSION = 3
# Between the fields' parts of a record's key (``build_fields_key``); folding never makes it.
FIELD_MARK = "\x1e"

# Latin letters with diacritics (scholarly / ISO 9 / Czech-style spellings), before accents go.
_DIACRITICS = str.maketrans(
    {"č": "ch", "š": "sh", "ž": "zh", "ŝ": "shch", "ĉ": "ch", "ǆ": "dzh", "û": "iu", "â": "ia"}
)
# Apostrophes and quotes inside a word stand for ь/ъ (Il'ya, Ob"yedkov, Ry'bakov): drop them.
_APOSTROPHES = re.compile("['\u2019\u02bc\u02b9\u02ba\u00b4`\u2032\u2033\"\u201d\u00b7]")

# Order matters: multi-letter Latin spellings become one placeholder before single letters move.
_LATIN_RULES: tuple[tuple[str, str], ...] = (
    (r"off\b", "ov"),  # émigré spellings: Smirnoff / Смирнов
    (r"eff\b", "ev"),
    (r"x", "ks"),
    (r"schtsch", "Щ"),  # German
    (r"tsch", "Ч"),  # German
    (r"shch|shtch|shh|sch", "Щ"),  # ICAO, GOST 7.79 (shh), English (sch)
    (r"zh", "Ж"),
    (r"ch|tch", "Ч"),
    (r"sh", "Ш"),
    # г, х and a bare h are one sound class: Luhansk / Луганск, Hasan / Хасан / Гасан.
    (r"kh", "g"),
    (r"ts|tz|cz|c(?=[eiy])", "Ц"),
    (r"c", "k"),
    (r"h", "g"),
    (r"(?<=[ЖЧШЩ])o", "e"),  # ё after hushers: Chernyshov / Чернышёв
    (r"[yji]o", "e"),  # ё: Fyodorov / Фёдоров, Artyom / Артём
    (r"w", "v"),
    (r"[yj]", "i"),
    (r"i+a", "Я"),  # я: Natalia / Natalya / Наталья, Brianka / Bryanka / Брянка
    (r"i+u", "Ю"),  # ю: Yuri / Iurii / Юрий
    (r"i+(?=[eo])", ""),  # е after ь: Soloviev / Solovev / Соловьёв
    (r"i+", "i"),
    (r"(?<=[bdfgklmnprstvzЖЧШЩЦ])er\b", "r"),  # Alexander / Aleksandr, Peter / Пётр
    (r"(.)\1+", r"\1"),
)
_COMPILED = tuple((re.compile(p), r) for p, r in _LATIN_RULES)
_WORD_SEP = re.compile(r"[^\w]+", re.UNICODE)

# English names that are not spellings of the Russian ones but stand for them in the press.
_EQUIVALENTS = {
    "andrew": "andrei", "eugene": "evgeni", "michael": "mikhail", "paul": "pavel",
    "constantine": "konstantin", "nicholas": "nikolai", "george": "georgi",
    "gregory": "grigori", "stephen": "stepan", "steven": "stepan", "theodore": "fedor",
    "jacob": "iakov", "joseph": "iosif", "matthew": "matvei", "basil": "vasili",
}  # fmt: skip


def fold(text: str) -> str:
    """Case- and accent-insensitive form; ё and е are one letter for searching."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # NFKD splits й into и + breve and ё into е + diaeresis; both fold to their base letter.
    return " ".join(_WORD_SEP.sub(" ", text).split())


def _words(text: str) -> list[str]:
    """Like ``fold``, but č/š/ž keep their sound and apostrophes do not split a word."""
    text = text.casefold().translate(_DIACRITICS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WORD_SEP.sub(" ", _APOSTROPHES.sub("", text)).split()


def transliterate(text: str) -> str:
    """Script-neutral skeleton: the same string for the usual spellings of one name."""
    return " ".join(_skeleton(word) for word in _words(text))


@functools.lru_cache(maxsize=1 << 16)
def _skeleton(word: str) -> str:
    # Twenty-odd regular expressions per word; an organisation's names, places and units
    # repeat, so rebuilding 60,000 keys mostly finds its words here. The words are vault
    # data: `forget_words` clears them when a vault closes.
    latin = "".join(_CYR_TO_LAT.get(ch, ch) for ch in word)
    latin = _EQUIVALENTS.get(latin, latin)
    for pattern, repl in _COMPILED:
        latin = pattern.sub(repl, latin)
    return latin


def forget_words() -> None:
    """Drop the remembered words (names among them), e.g. when a vault is locked or closed."""
    _skeleton.cache_clear()


def build_key(*parts: str | None) -> str:
    """Key stored on a row: folded text and its transliteration, separated so they never join."""
    text = " ".join(p for p in parts if p)
    return f" {fold(text)} \x1f {transliterate(text)} "


def build_fields_key(*fields: Sequence[str | None]) -> str:
    """A key in parts, one per field (each a ``build_key``), so that ``field_of`` can say
    which field a hit is in. A phrase never runs from one field into the next."""
    return FIELD_MARK.join(build_key(*parts) for parts in fields)


def field_of(key: str, forms: list[str]) -> int | None:
    """The number of the first field of ``key`` holding one of ``forms``; None when none does."""
    found = [at for form in forms if (at := key.find(form)) >= 0]
    return key.count(FIELD_MARK, 0, min(found)) if found else None


def first_field(key: str) -> str:
    """The first field's part of a ``build_fields_key`` key."""
    end = key.find(FIELD_MARK)
    return key if end < 0 else key[:end]


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


def excerpt(
    text: str, forms: list[str], *, before: int = 1, after: int = 3, longest: int = 60
) -> str:
    """The words of ``text`` where ``forms`` (a ``query_forms``) are found, with a few either
    side ("…" where cut), as the text was written: what a list shows to say why a note
    matched (the match near the start, so that a narrow column still shows it)."""
    words = text.split()
    size = len(forms[0].split())
    # As many words as the query has, or one more (punctuation can split a word in two).
    for width in (size, size + 1):
        for start in range(len(words) - width + 1):
            end = start + width
            if any(form in build_key(" ".join(words[start:end])) for form in forms):
                first, last = max(0, start - before), min(len(words), end + after)
                shown = " ".join(words[first:last])
                if len(shown) > longest:
                    shown = " ".join(words[start:end])[:longest]
                    first, last = start, end
                return ("…" if first else "") + shown + ("…" if last < len(words) else "")
    return text if len(text) <= longest else text[:longest] + "…"
