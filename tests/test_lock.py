"""The dependency lock: uv.lock matches pyproject.toml, and the requirement files pip installs
from (scripts/bootstrap, CI) match uv.lock, version for version and hash for hash.

CI has no uv, so `uv lock --check` cannot run there; these checks stand in for it. A dependency
changed in pyproject.toml without `scripts/lock` fails here (CONTRIBUTING.md, "Dependencies").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
# Each exported file and the extra it adds to the runtime dependencies (None: runtime only).
EXPORTS = {"runtime": None, "test": "test", "release": "release", "bench": "bench"}
# The dependency group every exported file carries (pip and the build backend).
GROUP = "bootstrap"

# One requirement, however uv or pyproject spells it: name, extras, specifier, extra, marker.
Spec = tuple[str, frozenset[str], str, str, tuple[bool, ...]]


@dataclass(frozen=True)
class Pinned:
    version: str
    hashes: frozenset[str]


def _pyproject() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


def _lock() -> dict[str, Any]:
    with (ROOT / "uv.lock").open("rb") as f:
        return tomllib.load(f)


def _packages() -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in _lock()["package"]}


def _project() -> dict[str, Any]:
    return _packages()[canonicalize_name(_pyproject()["project"]["name"])]


# Where a marker is judged: uv rewrites markers (python_version as python_full_version, its own
# order and quotes), so two markers are the same when they agree in each of these places.
PLACES = [
    {
        "sys_platform": platform,
        "platform_system": system,
        "os_name": "nt" if platform == "win32" else "posix",
        "platform_machine": machine,
        "python_version": f"3.{minor}",
        "python_full_version": f"3.{minor}.0",
        "implementation_name": implementation.lower(),
        "platform_python_implementation": implementation,
    }
    for platform, system in (("linux", "Linux"), ("win32", "Windows"), ("darwin", "Darwin"))
    for machine in ("x86_64", "arm64")
    for minor in range(11, 16)
    for implementation in ("CPython", "PyPy")
]


def _marker(text: str) -> tuple[str, tuple[bool, ...]]:
    """A marker as the extra it names and where the rest holds."""
    extra = re.search(r"""extra == ['"]([^'"]+)['"]""", text)
    rest = re.sub(r"""(\s+and\s+)?extra == ['"][^'"]+['"](\s+and\s+)?""", " ", text).strip()
    holds = tuple(Marker(rest).evaluate(place) if rest else True for place in PLACES)
    return (extra.group(1) if extra else "", holds)


def _spec(text: str, extra: str = "") -> Spec:
    req = Requirement(text)
    marker = _marker(str(req.marker) if req.marker else "")[1]
    return (canonicalize_name(req.name), frozenset(req.extras), str(req.specifier), extra, marker)


def _locked_spec(entry: dict[str, Any]) -> Spec:
    extra, marker = _marker(entry.get("marker", ""))
    return (
        canonicalize_name(entry["name"]),
        frozenset(entry.get("extras", ())),
        str(SpecifierSet(entry.get("specifier", ""))),
        extra,
        marker,
    )


def _closure(roots: list[dict[str, Any]]) -> set[str]:
    """Every package a set of lock entries pulls in, on any platform, following extras."""
    packages = _packages()
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        entry = todo.pop()
        package = packages[entry["name"]]
        if entry["name"] not in seen:
            seen.add(entry["name"])
            todo.extend(package.get("dependencies", ()))
        for extra in entry.get("extra", ()):
            todo.extend(package.get("optional-dependencies", {}).get(extra, ()))
    return seen


def _exported(name: str) -> dict[str, Pinned]:
    """A requirements file written by `uv export`: name -> pinned version and hashes."""
    text = (ROOT / "requirements" / f"{name}.txt").read_text(encoding="utf-8")
    pins: dict[str, Pinned] = {}
    for line in re.sub(r"\\\n", " ", text).splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        hashes = frozenset(re.findall(r"--hash=(sha256:[0-9a-f]{64})", line))
        req = Requirement(line.split(" --hash", 1)[0])
        (specifier,) = req.specifier
        assert specifier.operator == "==", line
        assert hashes, f"{req.name} has no hash in requirements/{name}.txt"
        pins[canonicalize_name(req.name)] = Pinned(specifier.version, hashes)
    return pins


def _locked(package: dict[str, Any]) -> Pinned:
    files = [*package.get("wheels", ()), *([package["sdist"]] if "sdist" in package else [])]
    return Pinned(package["version"], frozenset(f["hash"] for f in files))


def test_the_lock_names_exactly_what_pyproject_asks_for() -> None:
    project = _pyproject()["project"]
    wanted = {_spec(d) for d in project["dependencies"]}
    for extra, deps in project["optional-dependencies"].items():
        wanted |= {_spec(d, extra) for d in deps}
    metadata = _project()["metadata"]
    assert {_locked_spec(e) for e in metadata["requires-dist"]} == wanted, (
        "pyproject.toml's dependencies changed since uv.lock was made: run scripts/lock"
    )
    assert set(metadata["provides-extras"]) == set(project["optional-dependencies"])
    groups = _pyproject().get("dependency-groups", {})
    locked_groups = metadata.get("requires-dev", {})
    assert {g: {_spec(d) for d in deps} for g, deps in groups.items()} == {
        g: {_locked_spec(e) for e in deps} for g, deps in locked_groups.items()
    }, "pyproject.toml's dependency groups changed since uv.lock was made: run scripts/lock"
    assert _lock()["requires-python"] == str(SpecifierSet(project["requires-python"]))


def test_every_locked_version_satisfies_what_asks_for_it() -> None:
    packages = _packages()
    for package in packages.values():
        asked = [
            *package.get("metadata", {}).get("requires-dist", ()),
            *(
                e
                for deps in package.get("metadata", {}).get("requires-dev", {}).values()
                for e in deps
            ),
        ]
        for entry in asked:
            locked = packages[canonicalize_name(entry["name"])]["version"]
            assert SpecifierSet(entry.get("specifier", "")).contains(locked, prereleases=True), (
                f"{entry['name']} {locked} does not satisfy {entry.get('specifier')}"
            )


def test_each_requirements_file_is_the_lock_exported() -> None:
    project = _project()
    packages = _packages()
    group = project["dev-dependencies"][GROUP]
    for name, extra in EXPORTS.items():
        roots = [*project["dependencies"], *group]
        if extra is not None:
            roots += project["optional-dependencies"][extra]
        exported = _exported(name)
        assert set(exported) == _closure(roots), f"requirements/{name}.txt is stale: scripts/lock"
        for package, pinned in exported.items():
            assert pinned == _locked(packages[package]), (
                f"requirements/{name}.txt pins {package} unlike uv.lock: run scripts/lock"
            )


def test_the_lock_covers_windows_and_macos_for_the_test_and_release_files() -> None:
    """PyInstaller's and pytest's platform-only dependencies are in the files CI installs there."""
    release, test = _exported("release"), _exported("test")
    for package in ("pywin32-ctypes", "pefile", "macholib"):
        assert package in release
    assert "colorama" in test


def test_the_build_backend_comes_from_the_lock() -> None:
    """bootstrap installs the project with --no-build-isolation: the locked venv must build it."""
    for name in ("test", "release", "runtime"):
        exported = _exported(name)
        for text in _pyproject()["build-system"]["requires"]:
            req = Requirement(text)
            pinned = exported.get(canonicalize_name(req.name))
            assert pinned is not None, (
                f"{req.name} (build-system) is not in requirements/{name}.txt"
            )
            assert req.specifier.contains(pinned.version, prereleases=True), text
