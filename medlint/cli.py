"""Command line: argument parsing and exit codes only; the work happens in :mod:`medlint.lint`.

Exit codes: 0 no findings at or above ``--fail-on``; 1 findings; 2 usage,
configuration or input errors (one line naming file and line, never a
traceback). When some files cannot be read the others are still checked and
reported, and the exit code is 2.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from medlint import __version__
from medlint.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, MedlintError

if TYPE_CHECKING:
    from medlint.config import Settings
    from medlint.lint import Engine, LintResult

FAIL_ON = ("error", "warning", "info", "never")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 0, got '{value}'")
    return jobs


# Report formats that never read LintResult.documents (see medlint.report.context).
_NO_SOURCE_FORMATS = frozenset({"text", "json", "json-lines", "github", "gitlab", "junit", "sarif"})


def _severity_pairs(values: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        rule, sep, level = item.partition("=")
        if not sep:
            raise MedlintError(f"--severity takes RULE=LEVEL, got '{item}'")
        out[rule.strip()] = level.strip()
    return out


def build_parser() -> argparse.ArgumentParser:
    from medlint.report import FORMATS

    parser = argparse.ArgumentParser(
        prog="medlint",
        description="Check medical articles against a canonical, sourced facts file.",
    )
    parser.add_argument("--version", action="version", version=f"medlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check articles (txt, md, html, srt/vtt captions)")
    check.add_argument("paths", nargs="*", default=["."], help="files or directories (default: .)")
    check.add_argument(
        "--facts",
        action="append",
        default=[],
        metavar="FILE",
        help="facts file (repeatable; default: the bundled IVIG facts)",
    )
    check.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="extra rule directory (repeatable)",
    )
    check.add_argument("--format", default="text", choices=sorted(FORMATS), help="output format")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    check.add_argument(
        "--fail-on",
        default=None,
        choices=FAIL_ON,
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    check.add_argument(
        "--select", type=_csv, default=None, metavar="RULES", help="only these rules"
    )
    check.add_argument("--ignore", type=_csv, default=[], metavar="RULES", help="skip these rules")
    check.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="RULE=LEVEL",
        help="override a rule's severity (repeatable)",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file (default: nearest .medlint.yaml or [tool.medlint])",
    )
    check.add_argument("--isolated", action="store_true", help="ignore configuration files")
    check.add_argument("--baseline", metavar="FILE", help="do not report findings recorded in FILE")
    check.add_argument(
        "--write-baseline", metavar="FILE", help="record the current findings in FILE"
    )
    check.add_argument("--fix", action="store_true", help="apply the fixes rules mark safe")
    check.add_argument(
        "--diff", action="store_true", help="print safe fixes as a unified diff; write nothing"
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes (default: every core; 1: no worker processes)",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="do not read or write the caches (validated facts and rules; per-article results)",
    )

    facts = sub.add_parser("facts", help="work with facts files")
    facts_sub = facts.add_subparsers(dest="facts_command", metavar="ACTION")
    validate = facts_sub.add_parser("validate", help="validate facts files")
    validate.add_argument("files", nargs="*", help="facts files (default: the bundled pack)")

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--rules", action="append", default=[], metavar="DIR")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    explain = sub.add_parser("explain", help="show a rule's documentation and examples")
    explain.add_argument("rule")
    explain.add_argument("--rules", action="append", default=[], metavar="DIR")

    init = sub.add_parser("init", help="write a starter .medlint.yaml and facts.yaml")
    init.add_argument("directory", nargs="?", default=".", help="where to write them (default: .)")
    init.add_argument("--force", action="store_true", help="overwrite existing files")
    return parser


def _use_color(choice: str) -> bool:
    from medlint.report.terminal import use_color

    return use_color(choice, sys.stdout)


def _write(chunks: Iterable[str], output: str | None) -> None:
    """Write a report as its chunks come: to ``output`` atomically, or to stdout."""
    if output:
        from medlint.fileio import atomic_write

        atomic_write(output, chunks)
    else:
        for chunk in chunks:
            sys.stdout.write(chunk)


def _close(result: LintResult) -> None:
    """Release the findings' spool (a temporary file) as soon as the run is reported."""
    close = getattr(result.findings, "close", None)
    if close is not None:
        close()


def cmd_check(args: argparse.Namespace) -> int:
    if args.no_cache:
        os.environ["MEDLINT_NO_CACHE"] = "1"
    from medlint.baseline import load_baseline
    from medlint.config import settings_from_args
    from medlint.lint import Engine, Options

    settings = settings_from_args(args)  # configuration file merged with the flags
    reading = settings.baseline and not args.write_baseline
    known = load_baseline(settings.baseline) if reading and settings.baseline else None
    options = Options(
        facts=settings.options.facts,
        rules_dirs=settings.options.rules_dirs,
        select=settings.options.select,
        ignore=settings.options.ignore,
        severity=settings.options.severity,
        include=settings.options.include,
        exclude=settings.options.exclude,
        jobs=args.jobs,
        # Only reports that quote the source need every article kept in memory.
        keep_documents=args.format not in _NO_SOURCE_FORMATS,
    )
    engine = Engine(options)
    with contextlib.ExitStack() as spools:
        return _run_check(args, settings, engine, known, spools)


def _run_check(
    args: argparse.Namespace,
    settings: Settings,
    engine: Engine,
    known: Counter[str] | None,
    spools: contextlib.ExitStack,
) -> int:
    """Lint, fix, baseline and report; ``spools`` closes every run's findings spool on exit.

    Each ``lint_paths`` result holds an open temporary file (its findings); the
    exit stack closes it however this returns: a report written, ``--diff``, an
    error or Ctrl-C.
    """
    from medlint.baseline import apply_baseline, load_baseline
    from medlint.lint import lint_paths
    from medlint.report import ReportContext, fails, get_streamer
    from medlint.report.terminal import progress_for

    progress = progress_for(sys.stderr)
    try:
        result = lint_paths(args.paths, engine=engine, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    spools.callback(_close, result)
    for err in result.errors:
        print(f"medlint: error: {err}", file=sys.stderr)
    fix_failed = False  # a fix that could not be written is an error: exit 2, never 0
    if args.fix or args.diff:
        from medlint.fixes import fix_result

        fixed = fix_result(result, engine.rules, write=not args.diff, log=sys.stderr)
        fix_failed = bool(fixed.errors)
        if args.diff:
            sys.stdout.write(fixed.diff)
            return EXIT_ERROR if result.errors or fixed.errors else int(bool(fixed.diff))
        if fixed.applied:  # report what is left, as the files now read
            result = lint_paths(args.paths, engine=engine)
            spools.callback(_close, result)
    if args.write_baseline:
        from medlint.baseline import write_baseline

        count = write_baseline(args.write_baseline, result.findings)
        print(f"medlint: recorded {count} finding(s) in {args.write_baseline}", file=sys.stderr)
        known = load_baseline(args.write_baseline)
    matched = apply_baseline(result.findings, known) if known is not None else 0
    ctx = ReportContext(
        rules={r.id: r for r in engine.rules},
        color=_use_color(args.color) and not args.output,
        matched_baseline=matched,
    )
    _write(get_streamer(args.format)(result, ctx), args.output)
    if result.errors or fix_failed:
        return EXIT_ERROR
    if settings.fail_on != "never" and fails(result.findings, settings.fail_on):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_facts(args: argparse.Namespace) -> int:
    from medlint.facts import load_facts

    if args.facts_command != "validate":
        raise MedlintError("usage: medlint facts validate [FILE ...]")
    files = args.files or []
    facts = load_facts(files)
    shown = ", ".join(files) if files else "bundled facts"
    print(
        f"{shown}: OK ({len(facts.products)} products, {len(facts.manufacturers)} manufacturers, "
        f"{len(facts.regimens)} regimens, {len(facts.incidence)} incidence figures, "
        f"{len(facts.sources)} sources)"
    )
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from medlint.rules import load_rules

    rules = load_rules(args.rules)
    if args.format == "json":
        import json

        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "name": r.name,
                        "kind": r.kind,
                        "category": r.category,
                        "severity": r.severity,
                        "summary": r.summary,
                    }
                    for r in rules
                ],
                indent=2,
            )
        )
        return EXIT_OK
    width = max(len(r.id) for r in rules)
    for r in rules:
        print(f"{r.id:<{width}}  {r.severity:<7}  {r.name}: {r.summary}")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from medlint.rules import load_rules

    rules = {r.id: r for r in load_rules(args.rules)}
    rule = rules.get(args.rule)
    if rule is None:
        raise MedlintError(f"unknown rule '{args.rule}' (see 'medlint rules')")
    out = [rule.doc().rstrip(), ""]
    out.append(
        f"id: {rule.id}  kind: {rule.kind}  category: {rule.category}  severity: {rule.severity}"
        f"  (partial facts: {rule.partial_severity})"
    )
    for label in ("bad", "good"):
        examples = rule.examples.get(label, [])
        if examples:
            out.append("")
            out.append(f"Examples ({label}):")
            out.extend(f"  - {e}" for e in examples)
    print("\n".join(out))
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    from medlint.init import write_starter

    return write_starter(args.directory, force=args.force)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {"check": cmd_check, "facts": cmd_facts, "rules": cmd_rules, "explain": cmd_explain}
    handlers["init"] = cmd_init
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return handlers[args.command](args)
    except MedlintError as exc:
        print(f"medlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("medlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug in medlint: one line, and a way to see more
        if os.environ.get("MEDLINT_DEBUG"):
            raise
        print(
            f"medlint: internal error: {type(exc).__name__}: {exc} "
            "(set MEDLINT_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
