"""Linux packages of the frozen app: a .deb (dpkg-deb) and a self-contained .tar.gz.

The .deb installs the app folder as ``/usr/lib/casetracker`` with ``/usr/bin/casetracker``
pointing into it, a desktop entry, icons in the hicolor theme, the AppStream metainfo and a
copyright file, all named by the app id (``casetracker/app_id.py``) that desktops match
windows by. Its control file comes from ``linux/control.in``; the libraries listed in
``linux/system-libraries.txt`` are left out of the bundle (see the reasons there) and the .deb
depends on their packages instead.

The project has no public address yet, so none is invented: the homepage (control file and
metainfo) and the screenshots' address (metainfo) are written only when the release gives them.
"""

import gzip
import io
import platform
import re
import shutil
import tarfile
from pathlib import Path
from xml.sax.saxutils import escape

from installer import icons
from installer.commands import run, source_date_epoch, tree_size
from installer.layout import APP, APP_ID, BUILD, DIST, ICONS, INSTALLER, ROOT, SVG_ICON, BuildError

LINUX = INSTALLER / "linux"
DESKTOP_ENTRY = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
CONTROL_TEMPLATE = LINUX / "control.in"
DEFAULT_MAINTAINER = "Casetracker maintainers <maintainers@casetracker.invalid>"
#: Lines ``dpkg-deb --contents`` must show: the command, the menu entry, the software-centre
#: entry and the icon where desktops look for them by the app id (``--smoke`` checks them).
DEB_LANDMARKS = (
    f"./usr/bin/{APP} -> ../lib/{APP}/{APP}",
    f"./usr/lib/{APP}/{APP}",
    f"./usr/share/applications/{APP_ID}.desktop",
    f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
    f"./usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
    f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    f"./usr/share/doc/{APP}/copyright",
)
SCREENSHOTS = ROOT / "docs" / "screenshots"
#: What a software centre shows, in order: English image, Russian image, their captions. The
#: images are docs/screenshots/ (demo data: fictional people), published under
#: CASETRACKER_SCREENSHOTS_URL.
STORE_SCREENSHOTS = (
    (
        "03-today.png",
        "31-ru-today.png",
        "Today: the open flags, the most alarming first",
        "Сегодня: открытые сигналы, самые тревожные сверху",
    ),
    (
        "05-cases-search-latin-finds-cyrillic.png",
        "32-ru-cases-search.png",
        "Cases: search in Latin or Cyrillic letters",
        "Дела: поиск латиницей или кириллицей",
    ),
    (
        "11-case-details.png",
        "33-ru-case-details.png",
        "A case: the person, his service and the flags",
        "Дело: человек, служба и сигналы",
    ),
    (
        "15-log-a-contact.png",
        "34-ru-log-a-contact.png",
        "Log a contact",
        "Записать контакт",
    ),
)


def system_libraries(table: Path = LINUX / "system-libraries.txt") -> dict[str, str]:
    """File-name prefix -> the Debian package(s) that provide it."""
    found: dict[str, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split(None, 1)
        if words:
            found[words[0]] = words[1].strip() if len(words) > 1 else ""
    return found


def deb_architecture() -> str:
    try:
        return run(["dpkg", "--print-architecture"], capture=True).stdout.strip()
    except (OSError, BuildError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def control_text(
    version: str,
    arch: str,
    installed_kib: int,
    env: dict[str, str],
    template: Path = CONTROL_TEMPLATE,
) -> str:
    """The control template with its placeholders filled (maintainer and homepage from env)."""
    text = template.read_text(encoding="utf-8")
    homepage = published_url(env, "CASETRACKER_HOMEPAGE")
    if not homepage:  # no guessed address: at-risk users must not be sent to a stranger's site
        text = re.sub(r"(?m)^Homepage: @HOMEPAGE@\n", "", text)
    values = {
        "@VERSION@": version,
        "@ARCH@": arch,
        "@INSTALLED_SIZE@": str(installed_kib),
        "@MAINTAINER@": env.get("CASETRACKER_MAINTAINER", DEFAULT_MAINTAINER),
        "@HOMEPAGE@": homepage,
    }
    for key, value in values.items():
        text = text.replace(key, value)
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise BuildError(f"control.in has placeholders build.py does not fill: {left}")
    return text


def published_url(env: dict[str, str], name: str) -> str:
    """An address the release gives in ``env``, or "" when it gives none; https only."""
    url = env.get(name, "").strip()
    if url and not re.fullmatch(r"https://[^\s<>\"']+", url):
        raise BuildError(f"{name} must be an https:// address, not {url!r}")
    return url.rstrip("/")


def metainfo_text(env: dict[str, str], template: Path = METAINFO) -> str:
    """The AppStream metainfo, with the homepage and screenshots where the release has them."""
    extra: list[str] = []
    homepage = published_url(env, "CASETRACKER_HOMEPAGE")
    if homepage:
        extra.append(f'  <url type="homepage">{escape(homepage)}</url>')
    base = published_url(env, "CASETRACKER_SCREENSHOTS_URL")
    if base:
        extra.append("  <screenshots>")
        for number, (image, image_ru, caption, caption_ru) in enumerate(STORE_SCREENSHOTS):
            kind = ' type="default"' if number == 0 else ""
            extra += [
                f"    <screenshot{kind}>",
                f"      <caption>{escape(caption)}</caption>",
                f'      <caption xml:lang="ru">{escape(caption_ru)}</caption>',
                f"      <image>{escape(base)}/{image}</image>",
                f'      <image xml:lang="ru">{escape(base)}/{image_ru}</image>',
                "    </screenshot>",
            ]
        extra.append("  </screenshots>")
    text = template.read_text(encoding="utf-8")
    if not extra:
        return text
    head, tail = text.rsplit("</component>", 1)
    return head + "\n".join(extra) + "\n</component>" + tail


def control_field(control: str, name: str) -> str:
    """One field of a Debian control paragraph, continuation lines joined."""
    found = re.search(rf"^{re.escape(name)}:(.*(?:\n[ \t].*)*)", control, re.M)
    return " ".join(found.group(1).split()) if found else ""


def parse_depends(depends: str) -> list[set[str]]:
    """``a (>= 1), b | c`` -> [{"a"}, {"b", "c"}]: package names, per clause."""
    clauses = []
    for clause in depends.split(","):
        names = {re.split(r"[\s(:]", alt.strip(), maxsplit=1)[0] for alt in clause.split("|")}
        names.discard("")
        if names:
            clauses.append(names)
    return clauses


def normalise_modes(root: Path) -> None:
    """Directories and executables 0755, other files 0644, as a package ships them."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def stage_deb(
    bundle: Path,
    root: Path,
    version: str,
    arch: str,
    env: dict[str, str],
    icon_dir: Path = ICONS,
) -> str:
    """The package's files under ``root``; returns the control text written to DEBIAN/.

    ``icon_dir`` holds ``casetracker-<size>.png`` (installer/icons.py renders them)."""
    usr = root / "usr"
    shutil.copytree(bundle, usr / "lib" / APP, symlinks=True)
    (usr / "bin").mkdir(parents=True)
    (usr / "bin" / APP).symlink_to(f"../lib/{APP}/{APP}")
    (usr / "share" / "applications").mkdir(parents=True)
    shutil.copyfile(DESKTOP_ENTRY, usr / "share" / "applications" / DESKTOP_ENTRY.name)
    (usr / "share" / "metainfo").mkdir(parents=True)
    (usr / "share" / "metainfo" / METAINFO.name).write_text(metainfo_text(env), encoding="utf-8")
    theme = usr / "share" / "icons" / "hicolor"
    for size in icons.SIZES:
        apps = theme / f"{size}x{size}" / "apps"
        apps.mkdir(parents=True)
        shutil.copyfile(icon_dir / f"casetracker-{size}.png", apps / f"{APP_ID}.png")
    (theme / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(SVG_ICON, theme / "scalable" / "apps" / f"{APP_ID}.svg")
    (usr / "share" / "doc" / APP).mkdir(parents=True)
    shutil.copyfile(LINUX / "copyright", usr / "share" / "doc" / APP / "copyright")
    normalise_modes(usr)
    installed_kib = (tree_size(root)[0] + 1023) // 1024
    control = control_text(version, arch, installed_kib, env)
    (root / "DEBIAN").mkdir(mode=0o755)
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    (root / "DEBIAN" / "control").chmod(0o644)
    return control


def build_deb(bundle: Path, version: str, arch: str, env: dict[str, str]) -> Path:
    root = BUILD / "deb" / f"{APP}_{version}_{arch}"
    shutil.rmtree(root.parent, ignore_errors=True)
    root.mkdir(parents=True)
    stage_deb(bundle, root, version, arch, env)
    out = DIST / f"{APP}_{version}_{arch}.deb"
    stamp = {**env, "SOURCE_DATE_EPOCH": str(source_date_epoch())}
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, out], env=stamp)
    return out


def build_tarball(bundle: Path, version: str, arch: str, env: dict[str, str]) -> Path:
    """``casetracker-<version>/``: the app folder, its desktop entry and icon, a README."""
    top = f"{APP}-{version}"
    out = DIST / f"{APP}-{version}-linux-{arch}.tar.gz"
    mtime = source_date_epoch()
    extras = {
        f"{top}/{DESKTOP_ENTRY.name}": DESKTOP_ENTRY.read_bytes(),
        f"{top}/{APP_ID}.png": (ICONS / "casetracker.png").read_bytes(),
        f"{top}/README.txt": tarball_readme(version, arch, env).encode(),
    }

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = mtime
        if not info.issym():
            info.mode = 0o755 if info.isdir() or info.mode & 0o111 else 0o644
        return info

    with (
        out.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=mtime) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        tar.add(bundle, arcname=top, recursive=False, filter=owned_by_root)
        for path in sorted(bundle.rglob("*")):
            name = f"{top}/{path.relative_to(bundle)}"
            tar.add(path, arcname=name, recursive=False, filter=owned_by_root)
        for name, data in extras.items():
            info = owned_by_root(tarfile.TarInfo(name))
            info.size, info.mode = len(data), 0o644
            tar.addfile(info, fileobj=io.BytesIO(data))
    return out


def tarball_readme(version: str, arch: str, env: dict[str, str]) -> str:
    depends = parse_depends(control_field(control_text(version, arch, 0, env), "Depends"))
    packages = " ".join(sorted(min(alternatives) for alternatives in depends))
    return f"""Casetracker {version} for Linux ({arch}): a self-contained folder.

Start the desktop app:   ./casetracker
The command line:        ./casetracker --help
Check it works:          ./casetracker --self-test
Add it to the menu:      put this folder's casetracker on your PATH, then copy
                         {APP_ID}.desktop to ~/.local/share/applications/ and
                         {APP_ID}.png to ~/.local/share/icons/hicolor/256x256/apps/

It uses these system libraries (Debian/Ubuntu package names; desktops have most of them):
{packages}

On Debian or Ubuntu the .deb is simpler: sudo apt install ./casetracker_{version}_{arch}.deb
"""
