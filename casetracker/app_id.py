"""The app's reverse-DNS id, the one name desktops use to match a window to its menu entry.

It names the Linux desktop entry, the icon, the AppStream metainfo and the Flatpak; it is the
macOS bundle identifier; the GUI gives it to Qt (``setDesktopFileName``), which hands it to
Wayland as the app id and to X11 as ``_GTK_APPLICATION_ID``. It decides nothing about where
vaults or settings live: those keep the application and organisation name ``Casetracker``.
"""

APP_ID = "org.casetracker.Casetracker"
