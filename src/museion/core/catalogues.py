"""The interface's gettext catalogues, compiled out of the source tree.

Each language's catalogues (the project's, then each app's own `locale/`) are merged into one
`.mo` per domain under the build directory that `LOCALE_PATHS` names. The project's entries win
over an app's, as Django's own order would have it. polib does the work: no system gettext.
"""

import gettext
import os
import re
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
        target = _plural_rule(merged)
        for path in paths[1:]:
            catalogue = polib.pofile(str(path))
            forms = _form_map(_plural_rule(catalogue), target)
            for entry in catalogue:
                if not entry.obsolete and (entry.msgctxt, entry.msgid) not in seen:
                    seen.add((entry.msgctxt, entry.msgid))
                    if entry.msgid_plural:
                        entry.msgstr_plural = {
                            k: entry.msgstr_plural.get(source, "") for k, source in forms.items()
                        }
                    merged.append(entry)
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        partial = mo_path.with_name(f"{mo_path.name}.{os.getpid()}.tmp")  # parallel test workers
        merged.save_as_mofile(str(partial))
        os.replace(partial, mo_path)
        written.append(mo_path)
    return written


def _plural_rule(catalogue: polib.POFile) -> tuple[int, str]:
    header = catalogue.metadata.get("Plural-Forms", "nplurals=2; plural=(n != 1);")
    count = int(re.search(r"nplurals\s*=\s*(\d+)", header).group(1))
    return count, re.search(r"plural\s*=\s*([^;]+)", header).group(1).strip()


def _form_map(source: tuple[int, str], target: tuple[int, str]) -> dict[int, int]:
    """For each plural form of the merged catalogue, the form of an app's catalogue to use.

    An app may write Spanish with two forms while the project uses three (millions apart): the
    merged entry must still have every form the project's rule can pick, or gettext falls back
    to English for those numbers.
    """
    source_rule, target_rule = gettext.c2py(source[1]), gettext.c2py(target[1])
    forms: dict[int, int] = {}
    for n in [*range(0, 201), 1_000_000, 2_000_000, 10**9]:
        forms.setdefault(target_rule(n), source_rule(n))
    return {k: forms.get(k, min(k, source[0] - 1)) for k in range(target[0])}
