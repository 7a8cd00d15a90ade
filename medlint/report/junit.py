"""``--format junit``: JUnit XML for CI test-report views (GitLab, Jenkins, Azure, CircleCI).

One ``<testsuite>`` per checked file, because CI views group by suite and a
writer fixes articles file by file. Each reported finding is a failing
``<testcase>`` (``classname`` the path, ``name`` rule and position) whose
``<failure type="rule-id">`` holds ``path:line:col: severity [rule] message``
and, for fact findings, what was found, what was expected and the sources.
A file with no findings is one passing testcase, so a clean run still shows
every article as checked. A file that could not be read is a testcase with an
``<error>``. Every finding that would be printed is a failure, whatever its
severity: JUnit has no severities, and ``--fail-on`` still decides the exit code.

No timestamps or durations are written, so the same input gives the same bytes.

Memory: the XML tree is built whole (each suite's counts are attributes written
before its cases), so every reported finding is in memory while it is written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from medlint.model import Finding
from medlint.report import ReportContext

if TYPE_CHECKING:
    from medlint.lint import LintResult

# Characters XML 1.0 cannot carry at all, even escaped; ElementTree would write them raw.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Replace what XML 1.0 forbids by U+FFFD: a NUL in a message must not break the report."""
    return _ILLEGAL_XML.sub("\ufffd", text)


def failure_text(f: Finding) -> str:
    lines = [f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}"]
    if f.found is not None:
        lines.append(f"found: {f.found}")
    if f.expected is not None:
        lines.append(f"expected: {f.expected}")
    lines.extend(
        f"source: {s.get('title', s.get('id', ''))} {s.get('url', '')}".rstrip() for s in f.sources
    )
    lines.extend(f"also: {r.path}:{r.line}:{r.column}: {r.found}" for r in f.related)
    return "\n".join(lines)


def _set(el: ET.Element, **attrs: object) -> None:
    for key, value in attrs.items():
        el.set(key, xml_safe(str(value)))


def _suite(parent: ET.Element, name: str, tests: int, failures: int, errors: int) -> ET.Element:
    suite = ET.SubElement(parent, "testsuite")
    _set(suite, name=name, tests=tests, failures=failures, errors=errors, skipped=0)
    return suite


def build(result: LintResult) -> ET.Element:
    active = [f for f in result.findings if not f.suppressed and not f.baselined]
    by_path: dict[str, list[Finding]] = {p: [] for p in result.files}
    for f in active:
        by_path.setdefault(f.path, []).append(f)
    root = ET.Element("testsuites")
    total_tests = total_failures = 0
    for path in sorted(by_path):
        findings = by_path[path]
        suite = _suite(root, path, max(len(findings), 1), len(findings), 0)
        total_tests += max(len(findings), 1)
        total_failures += len(findings)
        if not findings:
            case = ET.SubElement(suite, "testcase")
            _set(case, name="medlint", classname=path, file=path)
            continue
        for f in findings:
            case = ET.SubElement(suite, "testcase")
            _set(
                case,
                name=f"{f.rule} at {f.line}:{f.column}",
                classname=path,
                file=path,
                line=f.line,
            )
            failure = ET.SubElement(case, "failure")
            _set(failure, message=f.message, type=f.rule)
            failure.text = xml_safe(failure_text(f))
    for err in result.errors:
        name = err.path or "medlint"
        suite = _suite(root, name, 1, 0, 1)
        case = ET.SubElement(suite, "testcase")
        _set(case, name="read", classname=name)
        error = ET.SubElement(case, "error")
        _set(error, message=err.message, type="input-error")
        error.text = xml_safe(str(err))
    _set(
        root,
        name="medlint",
        tests=total_tests + len(result.errors),
        failures=total_failures,
        errors=len(result.errors),
    )
    return root


def render(result: LintResult, ctx: ReportContext) -> str:
    root = build(result)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
