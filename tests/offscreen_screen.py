"""The screen Qt's offscreen platform gives the tests: 1920×1080, not its default of 800×600.

Windows are kept inside their screen (``fit_to_screen``), and the tests look at them at the
size they open at on a laptop (the main window at 1280×800).
"""

import json
import tempfile
from pathlib import Path

CONFIG = Path(tempfile.gettempdir()) / "casetracker-tests-screen.json"
CONFIG.write_text(
    json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080}]})
)
PLATFORM = f"offscreen:configfile={CONFIG}"
