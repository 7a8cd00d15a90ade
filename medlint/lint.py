"""The public API: ``lint_paths`` and ``lint_text`` serve the CLI, the tests, editors and batch use.

The flow goes one way: discover files -> read each into a Document -> analyse
with the spaCy pipeline (built once) -> document checks -> corpus checks ->
sorted findings. One unreadable article becomes an error entry, never an
exception, so the others are still checked.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medlint.claims import Analysis, analyse
from medlint.documents import format_for, read_document
from medlint.errors import MedlintError
from medlint.extraction_memo import Memo
from medlint.facts import Facts, load_facts
from medlint.model import SEVERITY_RANK, Document, Finding, line_starts_of
from medlint.quantities import PARAGRAPH_MEMO
from medlint.rules import Rule, load_rules

MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(slots=True)
class Options:
    """What to check with: facts, rules and rule selection."""

    facts: list[str] = field(default_factory=list)
    rules_dirs: list[str] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    jobs: int = 1  # worker processes; 0 = every available core, 1 = in this process
    # Keep every Document in LintResult.documents (reports that show source context need
    # them); False lets memory grow only with the claims kept for the corpus checks.
    keep_documents: bool = True


@dataclass(slots=True)
class LintResult:
    # From lint_paths, a medlint.store.FindingStore: the sorted findings, read back from disk
    # article by article (close it, or let it be collected, to free the spool).
    findings: Sequence[Finding] = field(default_factory=list)
    errors: list[MedlintError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)


def _select(rules: list[Rule], options: Options) -> list[Rule]:
    known = {r.id for r in rules}
    for rid in [*(options.select or []), *options.ignore, *options.severity]:
        if rid not in known and rid != "ALL":
            raise MedlintError(f"unknown rule '{rid}' (see 'medlint rules')")
    out = []
    for rule in rules:
        if (
            options.select is not None
            and "ALL" not in options.select
            and rule.id not in options.select
        ):
            continue
        if options.select is None and not rule.enabled:
            continue
        if rule.id in options.ignore:
            continue
        if rule.id in options.severity:
            sev = options.severity[rule.id]
            if sev not in SEVERITY_RANK:
                raise MedlintError(f"severity for '{rule.id}' must be error, warning or info")
            rule.severity = sev
            rule.partial_severity = min(rule.partial_severity, sev, key=SEVERITY_RANK.__getitem__)
        out.append(rule)
    return out


class Engine:
    """Facts, rules and the NLP pipeline, loaded once and reused for every document."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        from medlint.cache import cached
        from medlint.facts import BUNDLED_FACTS
        from medlint.rules import rule_files

        facts_paths = [Path(p) for p in self.options.facts] or [BUNDLED_FACTS]
        self.facts: Facts = cached("facts", facts_paths, lambda: load_facts(self.options.facts))
        self.all_rules = cached(
            "rules",
            rule_files(self.options.rules_dirs),
            lambda: load_rules(self.options.rules_dirs),
        )
        self.rules = _select(self.all_rules, self.options)
        self._nlp: Any = None
        self._terms: Any = None
        self._scopes: tuple[list[Rule], list[Rule]] | None = None
        self._runners: list[tuple[Rule, Any]] | None = None
        self._corpus_attributes: list[set[str]] | None = None
        self._results: Any = False  # the per-article ResultCache, made on first use
        # Each paragraph's terms, by its text: an archive's repeated paragraphs (product
        # blurbs, disclaimers) go through the tokenizer once. Bounded (see analyse).
        self._terms_of: dict[str, list[tuple[str, str, int, int]]] = {}
        # Each unit's stand-in doc (its terms and quantities), by its text and kind (analyse).
        self._sdoc_of: dict[tuple[Any, ...], Any] = {}
        # Each unit's recorded claim extraction, by its text and the context it read
        # (medlint.extraction_memo): a repeated paragraph is extracted once. Bounded likewise;
        # None extracts every unit afresh (the tests compare the two).
        self._runs_of: Memo | None = Memo(PARAGRAPH_MEMO)

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from medlint.nlp import build_pipeline

            self._nlp = build_pipeline(self.facts)
            # spaCy refuses texts over 1M characters to protect its parser and NER, which this
            # pipeline does not have; one long paragraph (a 1 MB line) must not crash a run.
            self._nlp.max_length = MAX_FILE_BYTES + 1
        return self._nlp

    def analyse(self, doc: Document) -> Analysis:
        """Claims of one document; only units that name a product go through spaCy."""
        from medlint.claims import LightDoc, LightEnt, claim_text, header_quantities, may_inherit
        from medlint.documents.sections import makes_no_claims
        from medlint.nlp import QUANTITIES_KEY, TERMS_KEY, find_terms
        from medlint.prefilter import TermIndex
        from medlint.quantities import find_quantities

        if self._terms is None:
            self._terms = TermIndex(self.facts)
        terms = self._terms
        sdocs: list[Any] = []
        heavy: list[tuple[int, list[Any], tuple[Any, ...]]] = []
        references = doc.references
        texts: list[str] = []  # each unit's text as claims read it (markers blanked)
        # Each unit's stand-in doc depends on its text and on the parts of the unit in this
        # key alone (its kind, nesting, headers), so a repeated unit shares the one made for
        # it before (read only: the extractor reads its terms and quantities). Bounded.
        made = self._sdoc_of
        if len(made) >= PARAGRAPH_MEMO:
            made.clear()
        quiet: list[bool] = []  # each unit's makes_no_claims, for claims.analyse too
        for i, unit in enumerate(doc.units):
            text = claim_text(unit)
            texts.append(text)
            silent = references is not None and makes_no_claims(references, unit)
            quiet.append(silent)
            if silent:
                # Reference entries make no claims (claims.analyse skips them).
                sdocs.append(LightDoc(user_data={QUANTITIES_KEY: []}))
                continue
            key: tuple[Any, ...] = (text, unit.text, unit.kind, unit.list_depth)
            key += (unit.definition, unit.row_header, unit.column_header)
            sdoc = made.get(key)
            if sdoc is not None:
                sdocs.append(sdoc)
                continue
            if unit.kind == "heading" and terms.names_product(text):
                # No claims, but a heading that is a product's name gives it to the fields
                # below it (claims.inherit_leads): its terms, not its quantities.
                heavy.append((i, [], key))
                sdocs.append(None)
                continue
            if unit.kind in ("heading", "table_header"):
                # No claims either; only the conditions a title names (the article's subject).
                ents = [
                    LightEnt("CONDITION", cid, s, e, t)
                    for cid, s, e, t in terms.conditions_in(text)
                ]
                sdocs.append(
                    made.setdefault(key, LightDoc(ents=ents, user_data={QUANTITIES_KEY: []}))
                )
                continue
            quantities = find_quantities(text) or header_quantities(unit, text)
            # Product claims need the phrase matcher (names, makers, stabilizers, routes);
            # a unit naming no product can only make regimen, incidence or cost claims, which
            # need its quantities and the conditions it names, both found by regex, unless it
            # is a field that may inherit a product from above (claims.inherit_leads).
            if unit.kind == "table_cell" or terms.names_product(text) or may_inherit(unit):
                heavy.append((i, quantities, key))
                sdocs.append(None)
            else:
                ents = [
                    LightEnt("CONDITION", cid, s, e, t)
                    for cid, s, e, t in terms.conditions_in(text)
                ]
                sdocs.append(
                    made.setdefault(
                        key, LightDoc(ents=ents, user_data={QUANTITIES_KEY: quantities})
                    )
                )
        if heavy:
            # The pipeline's tokenizer and term matcher, called directly: the quantities were
            # found above, and the claims need only the terms' (kind, id, start, end).
            # Each text's terms are computed once per engine (they depend on the text and the
            # facts alone, and no reader mutates them).
            memo = self._terms_of
            wanted = [texts[i] for i, _, _ in heavy]
            missing = list(dict.fromkeys(t for t in wanted if t not in memo))
            if missing and len(memo) + len(missing) > PARAGRAPH_MEMO:
                memo.clear()  # bounded: start again with this article's paragraphs
                missing = list(dict.fromkeys(wanted))
            if missing:
                memo.update(zip(missing, find_terms(self.nlp, missing), strict=True))
            for (i, quantities, key), text in zip(heavy, wanted, strict=True):
                sdocs[i] = made.setdefault(
                    key, LightDoc(user_data={TERMS_KEY: memo[text], QUANTITIES_KEY: quantities})
                )
        return analyse(self.facts, doc, sdocs, texts, self._runs_of, quiet)

    @property
    def results_cache(self) -> Any:
        """The per-article :class:`~medlint.results_cache.ResultCache`, or None when off."""
        if self._results is False:
            from medlint.results_cache import ResultCache

            self._results = ResultCache.for_engine(self)
        return self._results

    def rules_by_scope(self) -> tuple[list[Rule], list[Rule]]:
        """(rules run per article, rules run over the whole corpus), worked out once."""
        if self._scopes is None:
            from medlint.parallel import is_corpus_rule

            corpus = [r for r in self.rules if is_corpus_rule(r)]
            self._scopes = ([r for r in self.rules if not is_corpus_rule(r)], corpus)
        return self._scopes

    def document_runners(self) -> list[tuple[Rule, Any]]:
        """(rule, its check's run function) of each per-article rule, looked up once per run."""
        if self._runners is None:
            from medlint.checks import CHECK_KINDS

            self._runners = [(r, CHECK_KINDS[r.kind].run) for r in self.rules_by_scope()[0]]
        return self._runners

    def corpus_attributes(self) -> list[set[str]]:
        """The attributes each corpus rule compares (only claims of these are kept)."""
        if self._corpus_attributes is None:
            self._corpus_attributes = [
                set(rule.compiled["attributes"]) for rule in self.rules_by_scope()[1]
            ]
        return self._corpus_attributes

    def check(self, analyses: list[Analysis]) -> list[Finding]:
        from medlint.checks import CHECK_KINDS

        findings: list[Finding] = []
        for rule in self.rules:
            kind = CHECK_KINDS[rule.kind]
            findings.extend(kind.run(rule, analyses, self.facts))
        return finalize(findings)


def finalize(findings: Iterable[Finding]) -> list[Finding]:
    """Sort, drop exact duplicates and give each finding its stable fingerprint."""
    unique: dict[tuple[Any, ...], Finding] = {}
    for f in findings:
        unique.setdefault((*f.sort_key(), f.start, f.end), f)
    ordered = sorted(unique.values(), key=lambda f: (*f.sort_key(), f.start, f.end))
    counts: dict[tuple[str, str, str], int] = {}
    for f in ordered:
        norm = " ".join(f.matched_text.lower().split())
        key = (f.rule, f.path, norm)
        index = counts.get(key, 0)
        counts[key] = index + 1
        f.fingerprint = hashlib.sha256(f"{f.rule}\0{f.path}\0{norm}\0{index}".encode()).hexdigest()[
            :32
        ]
    return ordered


_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def _decode_utf16(data: bytes, path: str) -> str:
    """UTF-16 with a BOM, which Windows tools write: the BOM is kept as U+FEFF, as for UTF-8."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise MedlintError("UTF-32 text is not supported; save the file as UTF-8", path)
    try:
        return "\ufeff" + data[2:].decode(_UTF16_BOMS[data[:2]])
    except UnicodeDecodeError as exc:
        before = data[2 : 2 + exc.start].decode(_UTF16_BOMS[data[:2]], errors="replace")
        line = len(line_starts_of(before))
        raise MedlintError("not valid UTF-16; save the file as UTF-8", path, line) from None


def decode(data: bytes, path: str, *, utf16: bool = False) -> str:
    """Article bytes to text: UTF-8 (a BOM is kept as U+FEFF so offsets stay exact).

    ``utf16=True`` also reads UTF-16 with a BOM. Only the reader asks for it:
    ``--fix`` writes UTF-8, so a UTF-16 file is checked but never rewritten.
    """
    if data[:2] in _UTF16_BOMS:
        if utf16:
            return _decode_utf16(data, path)
        raise MedlintError("UTF-16 file: only UTF-8 is rewritten; save it as UTF-8 to fix it", path)
    if b"\x00" in data[:8192]:
        raise MedlintError("binary file (contains NUL bytes), not an article", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text_before = data[: exc.start].decode("utf-8", errors="replace")
        line = len(line_starts_of(text_before))
        raise MedlintError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8", path, line
        ) from None


def read_file(path: str) -> Document:
    """Read and parse one article; a problem is a MedlintError naming the file (and line)."""
    return read_document(path, decode(read_bytes(path), path, utf16=True))


def read_bytes(path: str) -> bytes:
    """An article's bytes: a regular file within the size limit, or a MedlintError."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            # A FIFO or device named *.txt would block the run or never end.
            raise MedlintError("not a regular file", path)
        if st.st_size > MAX_FILE_BYTES:
            raise MedlintError(f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", path)
        with open(path, "rb") as fh:
            # Asked for the size stat gave (plus one byte, to see growth): asking for the
            # limit would allocate a 64 MB buffer per article (3x the cost of the read).
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:  # grew since the stat: read on, still bounded
                data += fh.read(MAX_FILE_BYTES + 1 - len(data))
        if len(data) > MAX_FILE_BYTES:
            raise MedlintError(f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", path)
    except FileNotFoundError:
        raise MedlintError("file not found", path) from None
    except IsADirectoryError:
        raise MedlintError("is a directory", path) from None
    except PermissionError:
        raise MedlintError("permission denied", path) from None
    except OSError as exc:
        raise MedlintError(f"cannot read: {exc.strerror}", path) from None
    return data


def _display(path: Path) -> str:
    try:
        rel = path.relative_to(Path.cwd())
        return rel.as_posix()
    except ValueError:
        return path.as_posix()


def discover(
    paths: Sequence[str], options: Options | None = None
) -> tuple[list[str], list[MedlintError]]:
    """Article files under ``paths`` (directories walked; a symlink loop is not followed twice)."""
    import fnmatch

    options = options or Options()
    files: list[str] = []
    errors: list[MedlintError] = []
    seen_dirs: set[tuple[int, int]] = set()

    def excluded(rel: str) -> bool:
        return any(
            fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(Path(rel).name, pat)
            for pat in options.exclude
        )

    def included(rel: str) -> bool:
        if options.include:
            return any(
                fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(Path(rel).name, pat)
                for pat in options.include
            )
        return format_for(rel) is not None

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p, followlinks=True):
                try:
                    st = os.stat(root)
                except OSError:
                    dirs[:] = []
                    continue
                key = (st.st_dev, st.st_ino)
                if key in seen_dirs:
                    dirs[:] = []
                    continue
                seen_dirs.add(key)
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".") and d not in ("node_modules", "__pycache__")
                )
                for name in sorted(names):
                    rel = _display(Path(root) / name)
                    if included(rel) and not excluded(rel):
                        files.append(rel)
        elif p.exists() or p.is_symlink():
            rel = _display(p)
            if not excluded(rel):
                files.append(rel)
        else:
            errors.append(MedlintError("no such file or directory", raw))
    return sorted(dict.fromkeys(files)), errors


def lint_documents(
    engine: Engine, documents: list[Document], progress: Callable[[int, int], None] | None = None
) -> list[Finding]:
    """Analyse and check ``documents``; ``progress(done, total)`` is called after each analysis."""
    analyses: list[Analysis] = []
    for doc in documents:
        analyses.append(engine.analyse(doc))
        if progress is not None:
            progress(len(analyses), len(documents))
    from medlint.suppress import apply_suppressions

    return apply_suppressions(documents, engine.check(analyses), engine.all_rules, engine.rules)


# Young objects are collected after this many allocations while checking (CPython's default
# is 700). See fewer_collections.
YOUNG_THRESHOLD = 100_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while articles are checked.

    A run allocates millions of short-lived objects (units, mentions, claims), nearly all
    freed by reference counting, yet at the default threshold the collector ran ~500-1,400
    times a run, walking every young object each time: 3% of a run on the benchmark corpus,
    5% on text that never repeats. mypy raises the threshold for the same reason. The
    previous thresholds are restored afterwards: a program that calls medlint keeps its own.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], YOUNG_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def lint_paths(
    paths: Sequence[str],
    options: Options | None = None,
    engine: Engine | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> LintResult:
    """Check every article under ``paths``; unreadable files become errors, not exceptions.

    ``progress(done, total)`` reports analysed articles (the CLI draws a bar from it).
    """
    engine = engine or Engine(options)
    result = LintResult()
    files, errors = discover(paths, engine.options)
    result.errors.extend(errors)
    from medlint.parallel import lint_files

    with fewer_collections():
        out = lint_files(
            engine, files, engine.options.jobs, engine.options.keep_documents, progress
        )
    result.errors.extend(out.errors)
    # Same order whatever order the paths were given in (or the workers finished in).
    result.errors.sort(key=lambda e: (e.path or "", e.line or 0, e.message))
    result.files, result.findings, result.documents = out.files, out.findings, out.documents
    return result


def lint_text(
    text: str, path: str = "<text>", fmt: str | None = None, engine: Engine | None = None
) -> list[Finding]:
    """Check one article given as a string (format from ``fmt`` or the path's extension).

    A lone surrogate (possible in a Python string, never in a decoded file) becomes U+FFFD,
    one character for one, so offsets hold: spaCy and the word automaton work on UTF-8.
    """
    from medlint.trie import without_surrogates

    engine = engine or Engine()
    doc = read_document(path, without_surrogates(text), fmt or format_for(path) or "text")
    return lint_documents(engine, [doc])
