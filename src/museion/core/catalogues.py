"""The interface's gettext catalogues, compiled out of the source tree.

Each language's catalogues (the project's, then each app's own `locale/`) are merged into one
`.mo` per domain under the build directory that `LOCALE_PATHS` names. The project's entries win
over an app's, as Django's own order would have it. polib does the work: no system gettext.
"""

import os
from pathlib import Path

import polib

SOURCE_ROOT = Path(__file__).resolve().parent.parent  # src/museion
PROJECT_CATALOGUES = SOURCE_ROOT / "locale"
COMPILED_LOCALE_DIR = Path(
    os.environ.get("MUSEION_LOCALE_DIR", SOURCE_ROOT.parent.parent / "build" / "locale")
)


def source_catalogues() -> dict[tuple[str, str], list[Path]]:
    """(language, domain) → its .po files, the project's first."""
    found: dict[tuple[str, str], list[Path]] = {}
    project = sorted(PROJECT_CATALOGUES.glob("*/LC_MESSAGES/*.po"))
    apps = sorted(SOURCE_ROOT.glob("*/locale/*/LC_MESSAGES/*.po"))
    for path in project + [p for p in apps if PROJECT_CATALOGUES not in p.parents]:
        found.setdefault((path.parent.parent.name, path.stem), []).append(path)
    return found


def compile_catalogues(out_dir: Path, *, only_if_newer: bool = False) -> list[Path]:
    """Write out_dir/<language>/LC_MESSAGES/<domain>.mo; returns those written."""
    written = []
    for (language, domain), paths in source_catalogues().items():
        mo_path = out_dir / language / "LC_MESSAGES" / f"{domain}.mo"
        newest = max(path.stat().st_mtime for path in paths)
        if only_if_newer and mo_path.exists() and mo_path.stat().st_mtime >= newest:
            continue
        merged = polib.pofile(str(paths[0]))
        seen = {(entry.msgctxt, entry.msgid) for entry in merged}
        for path in paths[1:]:
            for entry in polib.pofile(str(path)):
                if not entry.obsolete and (entry.msgctxt, entry.msgid) not in seen:
                    seen.add((entry.msgctxt, entry.msgid))
                    merged.append(entry)
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        partial = mo_path.with_name(f"{mo_path.name}.{os.getpid()}.tmp")  # parallel test workers
        merged.save_as_mofile(str(partial))
        os.replace(partial, mo_path)
        written.append(mo_path)
    return written
