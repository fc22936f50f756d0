"""An installed wheel runs in Russian: the translations are compiled into it when it is built.

Built as one installing Casetracker would (``pip wheel``, and the sdist → wheel path that
distributions take), from a copy of the files git lists in this checkout, so the build's
``build/`` and ``*.egg-info`` land outside the checkout and two test workers never share them.
``--no-build-isolation`` builds with this environment's setuptools and PySide6 (the ones
[build-system] names) instead of downloading them into a fresh one each run: the three builds
and the install take about ten seconds.
"""

import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import casetracker

ROOT = Path(__file__).resolve().parents[2]
DIST_INFO = f"casetracker-{casetracker.__version__}.dist-info"
CATALOGUES = {f"casetracker/i18n/translations/casetracker_{lang}.qm" for lang in ("en", "ru")}
SHIPPED = CATALOGUES | {"casetracker/team/schema.sql", f"{DIST_INFO}/licenses/LICENSE"}


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path
    wheel_from_sdist: Path
    installed: Path
    elsewhere: Path


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def only(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for text in pyproject["build-system"]["requires"]:  # --no-build-isolation builds with ours
        need, have = Requirement(text), version(Requirement(text).name)
        assert need.specifier.contains(have), f"{need.name} {have} is here; the build needs {need}"
    base = tmp_path_factory.mktemp("packaging")
    checkout = base / "checkout"
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT)
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():  # not a file deleted but not yet committed
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, checkout / name)
    # Nothing from an index: no download, no check for a newer pip.
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    pip_wheel = [*pip, "wheel", "--quiet", "--no-index", "--no-deps", "--no-build-isolation"]
    run([*pip_wheel, "--wheel-dir", str(base / "wheel"), str(checkout)], base)
    make_sdist = (
        "import sys; from setuptools import build_meta; build_meta.build_sdist(sys.argv[1])"
    )
    run([sys.executable, "-c", make_sdist, str(base / "sdist")], checkout)
    sdist = only(base / "sdist", "*.tar.gz")
    run([*pip_wheel, "--wheel-dir", str(base / "from-sdist"), str(sdist)], base)
    wheel = only(base / "wheel", "*.whl")
    installed = base / "installed"
    pip_install = [*pip, "install", "--quiet", "--no-index", "--no-deps"]
    run([*pip_install, "--target", str(installed), str(wheel)], base)
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return Built(wheel, sdist, only(base / "from-sdist", "*.whl"), installed, elsewhere)


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_a_wheel_installed_away_from_the_checkout_speaks_russian(built: Built) -> None:
    """One test, not several on the one fixture: pytest-xdist deals tests to its workers one
    by one, and each worker that got one would build the wheels again."""
    the_wheels_hold_the_compiled_translations_the_licence_and_the_schema(built)
    the_installed_wheel_answers_in_russian_without_the_checkout(built)


def the_wheels_hold_the_compiled_translations_the_licence_and_the_schema(built: Built) -> None:
    from_checkout, from_sdist = wheel_names(built.wheel), wheel_names(built.wheel_from_sdist)
    assert SHIPPED.issubset(from_checkout)
    assert from_sdist == from_checkout  # the sdist loses nothing the wheel needs
    with tarfile.open(built.sdist) as archive:
        in_sdist = {name.split("/", 1)[-1] for name in archive.getnames()}
    assert {"resources/translations/casetracker_ru.ts", "setup.py", "LICENSE"} <= in_sdist
    assert not [name for name in in_sdist if name.endswith(".qm")]  # compiled, not shipped


def the_installed_wheel_answers_in_russian_without_the_checkout(built: Built) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(PYTHONPATH=str(built.installed), CASETRACKER_LANGUAGE="ru")
    env.update(HOME=str(built.elsewhere), QT_QPA_PLATFORM="offscreen")
    env.update(PYTHONUTF8="1")  # Cyrillic through a pipe on Windows, whose pipes are cp1252
    assert not built.elsewhere.is_relative_to(ROOT)
    where = run(
        [sys.executable, "-c", "import casetracker.i18n.catalog as c; print(c.__file__)"],
        built.elsewhere,
        env,
    )
    assert Path(where.strip()).is_relative_to(built.installed)
    scripts = os.pathsep.join(str(built.installed / d) for d in ("bin", "Scripts"))
    console_script = shutil.which("casetracker", path=scripts)
    assert console_script is not None
    help_text = run([console_script, "--help"], built.elsewhere, env)
    assert help_text.startswith("использование: casetracker")
    assert "Зашифрованный учёт дел задержанных военнослужащих" in help_text
    assert "Encrypted" not in help_text
