"""Fast fuzzing: every reader of untrusted bytes fails only with its documented errors.

tests/sharing/test_properties.py feeds random values to the loaders. This adds:

- a smoke run of every target of torture/fuzz.py (the long suite's fuzzer) in one process
  whose address space is limited to 2 GiB, with a per-input timeout, plus the "bombs"
  (a 300 MB deflated member, JSON nested 200,000 deep, billion laughs in an XLSX, a 60 MB
  cell, a header asking Argon2 for 4 GiB) each measured with tracemalloc;
- hypothesis properties that go past the checksum and the signature, where random bytes
  never get: a vault header rewritten with a valid checksum, a cases.json validly signed
  and previewed for merging, canonical CSV rows of any text imported (dry run).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetracker.sharing import canonical_csv
from torture import fuzz
from torture.common import REPO_ROOT

QUICK = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.mark.skipif(sys.platform == "win32", reason="the memory limit is POSIX setrlimit")
def test_every_target_and_bomb_in_a_memory_limited_process(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "torture.fuzz_smoke", str(tmp_path), "--inputs", "30",
         "--seconds", "20", "--limit-mb", "2048"],
        env=fuzz.env_for_worker(), cwd=REPO_ROOT, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout)
    assert sorted(report["targets"]) == sorted(fuzz.TARGET_NAMES)
    for name, result in report["targets"].items():
        assert result["unexpected"] == [], (name, result["unexpected"])
        assert result["hangs"] == 0, name
        assert result["inputs"] >= 30, (name, result["inputs"])
    for name, bomb in report["bombs"].items():
        assert bomb["unexpected"] == [], (name, bomb)
        assert bomb["peak_mb"] < 64, (name, bomb)
        assert bomb["seconds"] < 10, (name, bomb)
    assert report["bombs"]["vault-header"]["outcome"] == "MemoryError"  # documented, no crash
    assert report["bombs"]["bundle-zip"]["outcome"] == "HostileArchive"


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[fuzz.Context]:
    folder = tmp_path_factory.mktemp("fuzz")
    fuzz.build_context_and_seeds(folder)
    made = fuzz.Context.from_files(folder)
    yield made
    made.close()


def _only_allowed(target_name: str, context: fuzz.Context, data: bytes) -> None:
    target = fuzz.targets()[target_name]
    result = fuzz.FuzzResult(target_name, "hypothesis")
    fuzz.run_one(target, context, data, result, timeout=10)
    assert result.unexpected == [], result.unexpected
    assert result.hangs == 0


json_leaf = (
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
    | st.sampled_from(["\ud800", "a\udfffb", "passphrase", "recovery", "argon2id", "AAAA"])
)  # fmt: skip
json_values = st.recursive(
    json_leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)


@QUICK
@given(data=st.data())
def test_a_vault_header_with_any_field_replaced_fails_only_as_damage(
    context: fuzz.Context, data: st.DataObject
) -> None:
    start, end = fuzz._header_span(context.vault_file)
    header = json.loads(context.vault_file[start:end])
    paths = [p for p in fuzz._paths(header) if p]
    path = data.draw(st.sampled_from(paths))
    parent = header
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = data.draw(json_values)
    _only_allowed("vault-header", context, json.dumps(header).encode())


@QUICK
@given(data=st.data())
def test_a_signed_bundle_with_any_field_replaced_fails_only_with_sharing_errors(
    context: fuzz.Context, data: st.DataObject
) -> None:
    document = json.loads(context.members["cases.json"])
    paths = [p for p in fuzz._paths(document) if p]
    path = data.draw(st.sampled_from(paths))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = data.draw(json_values)
    _only_allowed("bundle-signed", context, json.dumps(document).encode())


cell = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=25
) | st.sampled_from(["да", "нет", "31.02.2024", "2024-07-19", "detained", "basement", "=1+1"])


@QUICK
@given(rows=st.lists(st.lists(cell, min_size=5, max_size=5), min_size=1, max_size=6))
def test_canonical_csv_rows_of_any_text_import_or_are_reported(
    context: fuzz.Context, rows: list[list[str]]
) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["full_name", "status", "birth_date", "facility_kind", "relative_anonymous"])
    writer.writerows(rows)
    parsed = canonical_csv.parse(buffer.getvalue().encode("utf-8"))
    report = context.workspace().imports.apply(parsed, dry_run=True, skip_bad=True)
    assert report.cases_added + len(report.errors) + len(report.skipped_existing) >= len(
        [r for r in rows if any(c.strip() for c in r)]
    )
