"""Compile the gettext catalogues (.po → .mo) with polib, so no system gettext is needed."""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "src" / "museion"

for po_path in sorted(ROOT.glob("**/locale/*/LC_MESSAGES/*.po")):
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"compiled {po_path.relative_to(ROOT.parent.parent)}")
