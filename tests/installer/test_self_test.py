"""``casetracker --self-test`` (casetracker/selftest.py), run in-process on the source tree."""

import io
import tempfile
import zlib
from pathlib import Path

import pytest

from casetracker import selftest


def test_self_test_passes_and_leaves_nothing_in_the_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    out = io.StringIO()
    assert selftest.run(out) == selftest.EXIT_OK, out.getvalue()
    assert "FAIL" not in out.getvalue()
    assert out.getvalue().rstrip().endswith("s.")  # "Self-test passed in 0.9 s."
    assert list(tmp_path.iterdir()) == []


def test_a_failing_step_is_named_and_exits_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(selftest, "check_dossier", lambda pdf: selftest.check(False, "no font"))
    out = io.StringIO()
    assert selftest.run(out) == selftest.EXIT_FAILED
    assert "FAIL check the dossier draws Cyrillic" in out.getvalue()
    assert list(tmp_path.iterdir()) == []  # the vault is removed even after a failure


def pdf_with_cmap(cmap: bytes, *, compress: bool = True) -> bytes:
    stream = zlib.compress(cmap) if compress else cmap
    flate = b"/Filter /FlateDecode " if compress else b""
    return (
        b"%PDF-1.4\n7 0 obj\n<< " + flate + b"/Length " + str(len(stream)).encode() + b" >>\n"
        b"stream\n" + stream + b"\nendstream\nendobj\n"
    )


def test_drawn_characters_reads_bfchar_and_both_bfrange_forms() -> None:
    cmap = (
        b"2 beginbfchar\n<0003> <0416>\n<0004> <0449>\nendbfchar\n"
        b"2 beginbfrange\n<0005> <0006> <0401>\n<0007> <0008> [<0407> <042E>]\nendbfrange\n"
    )
    assert selftest.drawn_characters(pdf_with_cmap(cmap)) == set("ЖщЁЂЇЮ")
    assert selftest.drawn_characters(pdf_with_cmap(cmap, compress=False)) == set("ЖщЁЂЇЮ")


def test_a_character_drawn_as_the_missing_glyph_does_not_count() -> None:
    cmap = b"1 beginbfchar\n<0000> <0416>\nendbfchar\n"
    assert selftest.drawn_characters(pdf_with_cmap(cmap)) == set()


def test_a_dossier_without_cyrillic_glyphs_fails_the_check() -> None:
    pdf = pdf_with_cmap(b"1 beginbfchar\n<0003> <0041>\nendbfchar\n") + b"/FontFile2 9 0 R"
    with pytest.raises(selftest.SelfTestFailed, match="could not draw"):
        selftest.check_dossier(pdf)
    with pytest.raises(selftest.SelfTestFailed, match="not a PDF"):
        selftest.check_dossier(b"")
