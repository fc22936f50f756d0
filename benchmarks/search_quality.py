"""How well search and the duplicate finder cope with spellings: precision and recall, measured.

    python -m benchmarks.search_quality            # print the tables (Markdown)
    python -m benchmarks.search_quality --write docs/i18n.md

Data (tab-separated, in ``tests/data``): ``transliteration-pairs.tsv`` and ``name-variants.tsv``
(real Latin spellings of Cyrillic names: passports, BGN/PCGN, GOST, English, German…),
``different-names.tsv`` (different names that must stay apart) and ``name-typos.tsv`` (the same
man typed twice, and near-misses that are two men). On top, typing slips generated with a fixed
seed in names built like the demo data's. ``--write`` replaces the part of the file between
``<!-- search-quality:start -->`` and ``<!-- search-quality:end -->``.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sys
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from casetracker.services.duplicates import find_pairs, name_key
from casetracker.services.search_text import build_key, matches, transliterate

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
START, END = "<!-- search-quality:start -->", "<!-- search-quality:end -->"
CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщыьэюя"


def load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@dataclass(frozen=True)
class Score:
    label: str
    hits: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.hits / self.total if self.total else 100.0


@dataclass(frozen=True)
class Report:
    search: list[Score]  # recall of cross-script search, per spelling system
    misses: list[tuple[str, str, str]]  # (system, cyrillic, latin) not found
    equivalence: tuple[int, int, int]  # true positives, false positives, false negatives
    spellings: int  # distinct spellings compared pairwise
    collisions: list[tuple[str, str]]  # listed different names treated as one
    listed_negatives: int
    typos: tuple[int, int, int, int]  # listed: caught, of; flagged near-misses, of
    generated: tuple[int, int, int, int]  # generated: caught, of; false pairs, names compared

    @property
    def precision(self) -> float:
        tp, fp, _fn = self.equivalence
        return 100.0 * tp / (tp + fp) if tp + fp else 100.0

    @property
    def recall(self) -> float:
        tp, _fp, fn = self.equivalence
        return 100.0 * tp / (tp + fn) if tp + fn else 100.0


def found_both_ways(cyrillic: str, latin: str) -> bool:
    """A search for either spelling finds a record holding the other."""
    return matches(build_key(cyrillic), latin) and matches(build_key(latin), cyrillic)


def _search(variants: list[dict[str, str]]) -> tuple[list[Score], list[tuple[str, str, str]]]:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for row in variants:
        ok = found_both_ways(row["cyrillic"], row["latin"])
        per[row["system"]][0] += ok
        per[row["system"]][1] += 1
        if not ok:
            misses.append((row["system"], row["cyrillic"], row["latin"]))
    scores = [Score(system, hits, total) for system, (hits, total) in per.items()]
    scores.sort(key=lambda s: (-s.total, s.label))
    return scores, misses


def _equivalence(variants: list[dict[str, str]], extra: list[str]) -> tuple[int, int, int, int]:
    """Over every pair of distinct spellings: is "same skeleton" the same as "same name"?"""
    identity: dict[str, str] = {}
    for row in variants:
        identity.setdefault(row["cyrillic"], row["cyrillic"])
        identity.setdefault(row["latin"], row["cyrillic"])
    for name in extra:
        identity.setdefault(name, name)
    skeleton = {spelling: transliterate(spelling) for spelling in identity}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(identity), 2):
        same, alike = identity[a] == identity[b], skeleton[a] == skeleton[b]
        tp += same and alike
        fp += alike and not same
        fn += same and not alike
    return tp, fp, fn, len(identity)


def _cyrillic(text: str) -> bool:
    return any(ch.lower() in CYRILLIC_LETTERS for ch in text)


def _slip(word: str, rng: random.Random) -> str:
    """One typing slip: a letter left out, doubled wrongly, changed, or two letters swapped."""
    i = rng.randrange(len(word))
    kind = rng.choice(("delete", "insert", "change", "swap"))
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "insert":
        return word[:i] + rng.choice(CYRILLIC_LETTERS) + word[i:]
    if kind == "change":
        return word[:i] + rng.choice(CYRILLIC_LETTERS.replace(word[i], "")) + word[i + 1 :]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _generated(seed: int = 7, count: int = 1000) -> tuple[int, int, int, int]:
    """Slips in demo-style full names: how many are caught, and false pairs among clean names."""
    from casetracker.services import demo

    rng = random.Random(seed)
    caught = 0
    for _ in range(count):
        words = [
            rng.choice(demo.SURNAMES),
            rng.choice(demo.FIRST_NAMES),
            rng.choice(demo.PATRONYMICS),
        ]
        typed = list(words)
        which = rng.randrange(3)
        typed[which] = _slip(words[which].lower(), rng).capitalize()
        pair = [
            (uuid.uuid4(), "A", " ".join(words), None, ""),
            (uuid.uuid4(), "B", " ".join(typed), None, ""),
        ]
        caught += bool(find_pairs(pair))
    clean: dict[str, str] = {}
    while len(clean) < 2000:
        name = (
            f"{rng.choice(demo.SURNAMES)} {rng.choice(demo.FIRST_NAMES)} "
            f"{rng.choice(demo.PATRONYMICS)}"
        )
        clean.setdefault(name_key(name), name)
    rows = [(uuid.uuid4(), f"R{i:05d}", name, None, "") for i, name in enumerate(clean.values())]
    false_pairs = len(find_pairs(rows))
    return caught, count, false_pairs, len(rows)


def evaluate(data: Path = DATA) -> Report:
    variants = [
        {"cyrillic": r["cyrillic"], "latin": r["latin"], "system": "given pairs"}
        for r in load(data / "transliteration-pairs.tsv")
    ] + load(data / "name-variants.tsv")
    different = load(data / "different-names.tsv")
    typos = load(data / "name-typos.tsv")
    search, misses = _search(variants)
    collisions = [
        (r["a"], r["b"]) for r in different if transliterate(r["a"]) == transliterate(r["b"])
    ]
    # The register adds the Cyrillic names of the different-names list (its Latin rows would
    # need their Cyrillic identity; they are checked as pairs above).
    extra = [n for r in different for n in (r["a"], r["b"]) if _cyrillic(n)]
    tp, fp, fn, spellings = _equivalence(variants, extra)
    caught = flagged = yes = no = 0
    for r in typos:
        pair = [(uuid.uuid4(), "A", r["a"], None, ""), (uuid.uuid4(), "B", r["b"], None, "")]
        pointed_out = bool(find_pairs(pair))
        if r["expected"] == "yes":
            yes += 1
            caught += pointed_out
        else:
            no += 1
            flagged += pointed_out
    return Report(
        search=search,
        misses=misses,
        equivalence=(tp, fp, fn),
        spellings=spellings,
        collisions=collisions,
        listed_negatives=len(different),
        typos=(caught, yes, flagged, no),
        generated=_generated(),
    )


SYSTEMS = {
    "given pairs": "transliteration-pairs.tsv",
    "icao": "passports since 2013 (ICAO 9303)",
    "mvd": "passports 1997–2010",
    "bgn": "BGN/PCGN",
    "gost": "GOST 7.79-2000 B",
    "scholarly": "scholarly (č, š, ž)",
    "english": "English press",
    "translation": "English equivalents (Andrew, Eugene)",
    "german": "German",
    "french": "French",
}


def markdown(report: Report) -> str:
    lines = [
        "Cross-script search: a search for either spelling finds a record holding the other.",
        "",
        "| spellings | pairs | found | recall |",
        "|---|---:|---:|---:|",
    ]
    total_hits = sum(s.hits for s in report.search)
    total = sum(s.total for s in report.search)
    for s in report.search:
        label = SYSTEMS.get(s.label, s.label)
        lines.append(f"| {label} | {s.total} | {s.hits} | {s.percent:.0f} % |")
    lines.append(
        f"| **all** | **{total}** | **{total_hits}** | **{100 * total_hits / total:.1f} %** |"
    )
    tp, fp, fn = report.equivalence
    lines += [
        "",
        "Not found: "
        + ", ".join(
            f"{latin} / {cyr} ({SYSTEMS.get(system, system)})"
            for system, cyr, latin in report.misses
        )
        + ".",
        "",
        f"Which spellings count as one name: every pair of the {report.spellings} distinct "
        "spellings above and in the list of different names:",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| precision (pairs treated as one name that are one name) | {report.precision:.1f} % |",
        f"| recall (pairs of one name treated as one) | {report.recall:.1f} % |",
        f"| true / false positives, false negatives | {tp} / {fp} / {fn} |",
        f"| listed different names treated as one | {len(report.collisions)} of "
        f"{report.listed_negatives} |",
        "",
        "Treated as one although different: "
        + ", ".join(f"{a} / {b}" for a, b in report.collisions)
        + ".",
        "",
        "Duplicate finder (one man entered twice):",
        "",
        "| test | result |",
        "|---|---:|",
    ]
    caught, yes, flagged, no = report.typos
    g_caught, g_total, g_false, g_rows = report.generated
    lines += [
        f"| listed typing slips pointed out | {caught} of {yes} |",
        f"| listed near-misses (two men) pointed out by mistake | {flagged} of {no} |",
        f"| generated slips (seed 7) pointed out | {g_caught} of {g_total} "
        f"({100 * g_caught / g_total:.0f} %) |",
        f"| false pairs among {g_rows} different demo-style names | {g_false} |",
    ]
    return "\n".join(lines) + "\n"


def write(path: Path, table: str) -> None:
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{table}{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--write", type=Path, help="put the tables into this Markdown file")
    args = parser.parse_args(argv)
    table = markdown(evaluate())
    if args.write:
        write(args.write, table)
    else:
        sys.stdout.write(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
