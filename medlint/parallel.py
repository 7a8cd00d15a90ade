"""Checking many articles: per-article work on every core, corpus-wide checks once in the parent.

Each article is read, analysed and checked by the *document-scope* rules
where it is processed (the parent with ``--jobs 1``, a worker process
otherwise). Only what the *corpus-scope* rules need travels on: the claims,
and for each claim the line and column of its span and the text it covers.
Two things follow from that shape:

* output does not depend on ``--jobs``: the same findings are computed from
  the same claims, and they are sorted and fingerprinted
  (:func:`medlint.lint.finalize`) exactly as the one-process path does;
* memory grows with the number of claims, not with the size of the corpus:
  an article's text, units and sentences are dropped as soon as it is done,
  unless a report needs the source (``keep_documents``) or the article holds
  inline suppressions (which are resolved when its findings are read back);
  its findings go to a temporary file (:mod:`medlint.store`), pickled where
  they were found, and are read back one article at a time when reported.

Workers are forked where the platform allows it, so they inherit the parent's
already-built engine (facts, rules and spaCy pipeline) instead of rebuilding
it; with another start method each worker builds its own engine once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from medlint.errors import MedlintError
from medlint.model import Document, Finding
from medlint.quantities import COMPARED_EXTRAS
from medlint.store import FindingStore, Spool

if TYPE_CHECKING:
    from medlint.claims import Analysis
    from medlint.lint import Engine, Options
    from medlint.rules import Rule

# Files handed to a worker at once, at most: large enough that pickling round trips do not
# dominate (32 took the parent's share of a 2,000-article run from 0.19 to 0.14 CPU-s, 8 to
# 32), small enough that the workers finish close together (see chunk_size).
CHUNK_SIZE = 32


def chunk_size(files: int, jobs: int) -> int:
    """Files per hand-out: about four hand-outs per worker, between 1 and ``CHUNK_SIZE``, so
    that a few dozen files still reach every worker and an archive goes in large chunks."""
    return max(1, min(CHUNK_SIZE, files // (4 * max(jobs, 1))))


def available_cpus() -> int:
    """Cores this process may run on (honours CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def is_corpus_rule(rule: Rule) -> bool:
    """Whether a rule must see every article at once (a value-inconsistency with scope corpus)."""
    from medlint.checks import CHECK_KINDS

    if CHECK_KINDS[rule.kind].scope != "corpus":
        return False
    compiled = rule.compiled
    return not (isinstance(compiled, dict) and compiled.get("scope") == "document")


class _SpanText(str):
    """Stands in for an article's source once the text is dropped.

    It knows the source's length and the text of the few spans the corpus
    checks slice (the claims); slicing anything else is a bug, and raises
    instead of silently reporting an empty match.
    """

    def __new__(cls, length: int, spans: dict[tuple[int, int], str]) -> _SpanText:
        obj = super().__new__(cls, "")
        obj._length = length
        obj._spans = spans
        return obj

    _length: int
    _spans: dict[tuple[int, int], str]

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, key: Any) -> str:
        if isinstance(key, slice) and key.step is None and (key.start, key.stop) in self._spans:
            return self._spans[(key.start, key.stop)]
        raise LookupError(f"source text not kept for {key!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_SpanText, (self._length, self._spans))


class ClaimSites(Document):
    """A :class:`Document` reduced to what corpus checks read: its claims' spans and positions."""

    __slots__ = ("_positions",)

    def __init__(self, doc: Document, offsets: Sequence[tuple[int, int]]) -> None:
        spans = {(s, e): doc.source[s:e] for s, e in offsets}
        super().__init__(path=doc.path, source=_SpanText(len(doc.source), spans), format=doc.format)
        self._positions: dict[int, tuple[int, int]] = {}
        for s, e in offsets:
            self._positions[s] = doc.position(s)
            self._positions[e] = doc.position(e)

    def position(self, offset: int) -> tuple[int, int]:
        return self._positions[offset]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_sites, (self.path, self.format, self.source, self._positions))


def _rebuild_sites(
    path: str, fmt: str, source: str, positions: dict[int, tuple[int, int]]
) -> ClaimSites:
    sites = ClaimSites.__new__(ClaimSites)
    Document.__init__(sites, path=path, source=source, format=fmt)
    sites._positions = positions
    return sites


def corpus_view(analysis: Analysis, engine: Engine | None = None) -> Analysis:
    """The part of an analysis the corpus rules use: claims, on a :class:`ClaimSites` document.

    With ``engine``, only the claims a corpus rule will compare are kept (claims the facts
    decide never reach a corpus rule), so memory grows with those claims alone.
    """
    from medlint.claims import Analysis

    doc = analysis.document
    claims = list(analysis.claims)
    if engine is not None:
        from medlint.checks.consistency import compared

        wanted = engine.corpus_attributes()
        facts = engine.facts
        if len(wanted) == 1:  # (one corpus rule, as bundled: no generator per claim)
            attributes = wanted[0]
            claims = [c for c in claims if compared(c, attributes, facts)]
        else:
            claims = [c for c in claims if any(compared(c, a, facts) for a in wanted)]
    offsets: list[tuple[int, int]] = []
    n = len(doc.source)
    for c in claims:
        start = max(0, min(c.start, n))  # the span checks.base.finding slices, clamped as it clamps
        offsets.append((start, max(start, min(c.end, n))))
        offsets.append((c.start, c.end))
    return Analysis(document=ClaimSites(doc, offsets), claims=claims)


def compact_view(view: Analysis, pool: dict[Any, Any]) -> Analysis:
    """Share what claims from different articles have in common, in the parent.

    Each article's view arrives as its own pickle, so every claim carries its own copies of
    the subject id, product name, attribute, condition and value, although a corpus says
    "products.gamunex-c" / "concentration" / "10%" thousands of times. Interning the strings
    and sharing equal values (``Value`` and the range part of a ``Quantity``, the only part
    the corpus comparison reads) keeps one copy of each; the claims kept for the corpus rules
    are the run's memory, so this is what a larger archive costs per claim.
    """
    intern = sys.intern
    for claim in view.claims:
        claim.subject = intern(claim.subject)
        claim.subject_name = intern(claim.subject_name)
        claim.attribute = intern(claim.attribute)
        claim.attribution = intern(claim.attribution)
        claim.condition = intern(claim.condition)
        claim.text = intern(claim.text)
        with contextlib.suppress(TypeError):  # a value that cannot be hashed stays as it is
            claim.value = pool.setdefault(claim.value, claim.value)
        q = claim.quantity
        if q is not None:
            # compatible() compares kind, unit, per, low and high, and reads the extras that
            # make a course ("0.4 g/kg daily for 5 days" is 2 g/kg) or a tolerance; the span
            # is the claim's.
            extra = tuple(item for item in q.extra if item[0] in COMPARED_EXTRAS)
            slim = dataclasses.replace(q, start=0, end=0, text="", extra=extra)
            with contextlib.suppress(TypeError):
                claim.quantity = pool.setdefault(slim, slim)
    return view


@dataclass(slots=True)
class ArticleResult:
    """What one article contributes to the run; small and picklable.

    ``findings`` is the pickled list of the article's document-scope findings:
    pickled where they were found (a worker, or the parent with ``--jobs 1``), so
    the parent appends the bytes to the spool without unpickling them.
    """

    path: str
    findings: bytes = b""
    corpus: Analysis | None = None
    document: Document | None = None
    error: MedlintError | None = None


def check_article(engine: Engine, path: str, keep_document: bool) -> ArticleResult:
    """Read, analyse and run the document-scope rules on one article.

    An unchanged article checked with the same engine before comes from the
    results cache (:mod:`medlint.results_cache`); errors are never cached.
    """
    from medlint.documents import read_document
    from medlint.lint import decode, read_bytes

    try:
        data = read_bytes(path)
    except MedlintError as exc:
        return ArticleResult(path, error=exc)
    cache = engine.results_cache
    key = cache.key(path, data, keep_document) if cache is not None else ""
    if cache is not None:
        hit = _valid(cache.get(key), path)
        if hit is not None:
            return hit
    try:
        doc = read_document(path, decode(data, path, utf16=True))
    except MedlintError as exc:
        return ArticleResult(path, error=exc)
    result = _check_document(engine, doc, keep_document)
    if cache is not None:
        cache.put(key, result)
    return result


def _valid(hit: Any, path: str) -> ArticleResult | None:
    if isinstance(hit, ArticleResult) and hit.path == path and hit.error is None:
        return hit
    return None


def _cached_key(cache: Any, path: str, keep_document: bool) -> str | None:
    """The results-cache key of ``path`` as it is now, if the cache holds it; else None."""
    from medlint.lint import read_bytes

    try:
        data = read_bytes(path)
    except MedlintError:
        return None  # check_article reports it
    key: str = cache.key(path, data, keep_document)
    return key if cache.holds(key) else None


def _check_document(engine: Engine, doc: Document, keep_document: bool) -> ArticleResult:
    path = doc.path
    analysis = engine.analyse(doc)
    findings: list[Finding] = []
    for rule, run in engine.document_runners():
        findings.extend(run(rule, [analysis], engine.facts))
    corpus_rules = engine.rules_by_scope()[1]
    view = corpus_view(analysis, engine) if corpus_rules else None
    keep = keep_document or bool(doc.directives)
    return ArticleResult(
        path,
        findings=pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL) if findings else b"",
        # Corpus rules compare claims; an article with none to compare (a third of a
        # typical corpus) would only cost memory for the whole run.
        corpus=view if view is not None and view.claims else None,
        document=doc if keep else None,
    )


# -- worker processes ----------------------------------------------------------------------

_WORKER: tuple[Engine, bool] | None = None


def _init_worker(engine: Engine | None, options: Options, keep_documents: bool) -> None:
    """Runs once per worker: adopt the forked parent's engine, or build one."""
    global _WORKER
    from medlint.lint import YOUNG_THRESHOLD, Engine

    if engine is None:
        engine = Engine(options)
    _WORKER = (engine, keep_documents)
    # A worker only checks articles: the collector runs as seldom as in lint_paths
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], YOUNG_THRESHOLD), *old[1:])


def _work(path: str) -> ArticleResult:
    assert _WORKER is not None, "worker not initialised"
    engine, keep = _WORKER
    return check_article(engine, path, keep)


def iter_articles(
    engine: Engine, files: Sequence[str], jobs: int, keep_documents: bool
) -> Iterator[ArticleResult]:
    """Results for ``files`` in order; ``jobs`` > 1 spreads them over worker processes.

    With the results cache on, the articles it already holds are answered here first, and
    only the others go to workers (none are started when every article is known: a
    pre-commit run over unchanged files, or a re-audit of an unchanged archive).
    """
    jobs = min(jobs if jobs > 0 else available_cpus(), len(files))
    if jobs <= 1:
        for path in files:
            yield check_article(engine, path, keep_documents)
        return
    # Which articles the cache holds (their keys; the entries are read only when their turn
    # comes, so a warm archive run holds one result at a time, not all of them).
    known: dict[int, str] = {}
    cache = engine.results_cache
    if cache is not None:
        for i, path in enumerate(files):
            key = _cached_key(cache, path, keep_documents)
            if key is not None:
                known[i] = key
    todo = [path for i, path in enumerate(files) if i not in known]
    checked = _pooled(engine, todo, jobs, keep_documents)
    for i, path in enumerate(files):
        if i not in known:
            yield next(checked)
            continue
        hit = _valid(cache.get(known[i]) if cache is not None else None, path)
        # An entry that went bad since it was seen is checked here instead.
        yield hit if hit is not None else check_article(engine, path, keep_documents)


def _pooled(
    engine: Engine, files: Sequence[str], jobs: int, keep_documents: bool
) -> Iterator[ArticleResult]:
    """Results for ``files`` in order, from ``jobs`` worker processes (or this one)."""
    jobs = min(jobs, len(files))
    if jobs <= 1:
        for path in files:
            yield check_article(engine, path, keep_documents)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        ctx: Any = multiprocessing.get_context("fork")
        _ = engine.nlp  # build once here; forked workers share it copy-on-write
        inherited: Engine | None = engine
    else:
        ctx = multiprocessing.get_context()
        inherited = None
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(inherited, engine.options, keep_documents),
    ) as pool:
        yield from pool.map(_work, files, chunksize=chunk_size(len(files), jobs))


@dataclass(slots=True)
class RunOutput:
    findings: FindingStore
    errors: list[MedlintError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)


def lint_files(
    engine: Engine,
    files: Sequence[str],
    jobs: int = 1,
    keep_documents: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> RunOutput:
    """Check ``files``: document rules per article, then corpus rules over the claims of all.

    Gives the same findings as :func:`medlint.lint.lint_documents` over the
    same articles, whatever ``jobs`` is. Document-scope findings are spooled
    to disk as each article is done; what stays in memory is the claims (until
    the corpus rules have run) and the documents that hold inline directives
    or that ``keep_documents`` asks for. The returned store finalizes and
    suppresses article by article when it is read.
    """
    spool = Spool()
    try:
        return _collect(engine, files, jobs, keep_documents, progress, spool)
    except BaseException:
        spool.close()  # an interrupted run leaves no spool behind
        raise


def _collect(
    engine: Engine,
    files: Sequence[str],
    jobs: int,
    keep_documents: bool,
    progress: Callable[[int, int], None] | None,
    spool: Spool,
) -> RunOutput:
    from medlint.checks import CHECK_KINDS

    errors: list[MedlintError] = []
    checked: list[str] = []
    documents: dict[str, Document] = {}
    views: list[Analysis] = []
    shared: dict[Any, Any] = {}  # values and quantities shared between articles' claims
    directive_docs: dict[str, Document] = {}
    for done, res in enumerate(iter_articles(engine, files, jobs, keep_documents), 1):
        if progress is not None:
            progress(done, len(files))
        if res.error is not None:
            errors.append(res.error)
            continue
        checked.append(res.path)
        if res.findings:
            spool.add(res.path, res.findings)
        if res.corpus is not None:
            views.append(compact_view(res.corpus, shared))
        if res.document is not None:
            if keep_documents:
                documents[res.path] = res.document
            if res.document.directives:
                directive_docs[res.path] = res.document
    corpus_findings: dict[str, list[Finding]] = {}
    for rule in engine.rules:
        if is_corpus_rule(rule):
            for f in CHECK_KINDS[rule.kind].run(rule, views, engine.facts):
                corpus_findings.setdefault(f.path, []).append(f)
    views.clear()
    for path, found in corpus_findings.items():
        spool.add_findings(path, found)
    store = FindingStore(spool, directive_docs, engine.all_rules, engine.rules)
    return RunOutput(findings=store, errors=errors, files=checked, documents=documents)
