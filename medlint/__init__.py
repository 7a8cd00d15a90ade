"""medlint: a content-consistency linter for medical articles.

Checks articles against a canonical, sourced facts file with declarative
rules. The public API is :func:`medlint.lint.lint_paths` and
:func:`medlint.lint.lint_text`; importing this package stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
