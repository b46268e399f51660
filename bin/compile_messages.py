"""Compile the gettext catalogues (.po → .mo) into the build directory, out of the source tree."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from museion.core.catalogues import COMPILED_LOCALE_DIR, compile_catalogues  # noqa: E402

for path in compile_catalogues(COMPILED_LOCALE_DIR):
    print(f"compiled {path}")
