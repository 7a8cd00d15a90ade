"""``medlint init``: a commented starter configuration and facts file.

The starter facts file holds one *placeholder* product, marked
``unverified`` with a source entry that says to fill it in: medlint must
never ship an invented medical fact, and an unverified fact is never checked
against, so the placeholder cannot produce a finding. Existing files are
never overwritten without ``--force``, and nothing is written unless every
target can be written (a half-initialised project is confusing).
"""

from __future__ import annotations

import sys
from pathlib import Path

from medlint.errors import EXIT_OK, MedlintError

TEMPLATES = Path(__file__).parent / "data" / "templates"
# target file name -> template file name
FILES = {".medlint.yaml": "medlint.yaml", "facts.yaml": "facts.yaml"}


def write_starter(directory: str, *, force: bool = False) -> int:
    """Write the starter files into ``directory``; refuse to overwrite unless ``force``."""
    from medlint.fileio import atomic_write

    base = Path(directory)
    if not base.is_dir():
        raise MedlintError("not a directory", directory)
    targets = {base / name: TEMPLATES / template for name, template in FILES.items()}
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        raise MedlintError(f"{', '.join(existing)} already exist(s); use --force to overwrite")
    for target, template in targets.items():
        try:
            atomic_write(str(target), template.read_text(encoding="utf-8"))
        except OSError as exc:
            raise MedlintError(f"cannot write: {exc.strerror}", str(target)) from None
        print(f"wrote {target}", file=sys.stderr)
    print(
        "next: replace the placeholder in facts.yaml, then run 'medlint facts validate facts.yaml'",
        file=sys.stderr,
    )
    return EXIT_OK
