"""At 200 % on a 1920×1080 screen, every window and dialog lies inside the screen's free area.

``scaled_walk`` opens them as a person does (shortcuts, buttons, a row and Enter) in a process
of its own: the scale factor and the screen must be set before Qt starts. Qt's offscreen
platform takes the screen from a configuration file.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREEN = {"x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96}
SHOWN = {
    "StartWindow", "MainWindow", "CaseWindow", "NewCaseDialog", "LogContactDialog",
    "ExportDialog", "BundleImportDialog", "ImportWizard", "RecipientsDialog", "FacilityDialog",
    "StatusDialog", "MoveDialog", "RelativeDialog", "SourceDialog", "AllegationDialog",
    "RequestDialog", "ConsentDialog",
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_window_fits_a_1920x1080_screen_at_200_percent(tmp_path: Path, language: str) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", **SCREEN, "dpr": 1}]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "2",
        "CASETRACKER_LANGUAGE": language,
        "CASETRACKER_KDF_TARGET_MS": "0",
        "PYTHONPATH": str(ROOT),
    }
    walk = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "gui" / "scaled_walk.py")],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert walk.returncode == 0, walk.stderr[-2000:]
    seen = json.loads(walk.stdout)
    assert {s["window"] for s in seen} >= SHOWN
    for shown in seen:
        x, y, width, height = shown["frame"]
        left, top, free_width, free_height = shown["free"]
        assert (free_width, free_height) == (960, 540)  # 1920×1080 at 200 %
        inside = left <= x and top <= y and x + width <= left + free_width
        assert inside and y + height <= top + free_height, shown
