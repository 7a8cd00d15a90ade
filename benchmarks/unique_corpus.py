"""Copy a benchmark corpus with every prose line made unique (for the paragraph memo's cost).

The generated corpus repeats most of its paragraphs (its articles are drawn from a pool of
seed paragraphs), and medlint memoises the pure per-paragraph steps by text, so on it a run
is faster than on an archive whose paragraphs are all different. This copy appends a
unique nonsense word ("Zq123.") to every prose line, which defeats the memo while keeping
the work per paragraph the same, so both figures can be measured:

    python benchmarks/unique_corpus.py benchmarks/corpus/c2000 /tmp/c2000u
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(source: str, target: str) -> int:
    out = Path(target)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for path in sorted(Path(source).iterdir()):
        lines = []
        for line in path.read_text(encoding="utf-8").split("\n"):
            stripped = line.strip()
            prose = stripped and (not stripped.startswith("<") or stripped.startswith("<p>"))
            if prose:
                n += 1
                if line.rstrip().endswith("</p>"):
                    line = line.rstrip()[:-4] + f" Zq{n}.</p>"
                else:
                    line = line.rstrip() + f" Zq{n}."
            lines.append(line)
        (out / path.name).write_text("\n".join(lines), encoding="utf-8")
    print(f"{n} lines made unique in {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: unique_corpus.py SOURCE_DIR TARGET_DIR")
    sys.exit(main(sys.argv[1], sys.argv[2]))
