"""Packaging Casetracker: ``python installer/build.py``; see docs/release.md.

- ``build``           the command: freeze, package for this platform, optional checks
- ``layout``          where things are and what they are called; the version
- ``commands``        running tools, reporting, temporary folders
- ``icons``           every icon format from ``assets/casetracker.svg``
- ``linux_package``   the .deb and the .tar.gz (data in ``linux/``)
- ``flatpak_manifest`` the Flatpak manifest in ``flatpak/``, written from the lock
- ``windows_package`` the Inno Setup installer (script in ``windows/``)
- ``macos_package``   the .dmg (script in ``macos/``)
- ``checks``          smoke tests of what was built: ``--version``, ``--self-test``, libraries
- ``startup``         start-up time under Xvfb
"""
