"""The project's exceptions and warnings: a code and parameters, worded by the vocabulary.

An error does not carry a sentence: it carries a ``code`` (``"policy_not_toml"``) and the
``params`` the sentence needs (``path=...``, ``reason=...``); ``vocabulary.error_text(e,
lang)`` words it in Chinese or English from the templates of ``vocabulary._ERRORS`` — what
went wrong and what to do next. The CLI prints that in the command line's language
(``graphmodel.cli.group``); ``str(e)`` is the English text, for library users, logs and
tests, whatever the language of the command line (an exception's text must not change with
the environment of the process that happens to print it).

Parameters are plain values: text, numbers, paths, lists (joined in the language's way),
node labels (``labels``, named in the language) and an ``OSError`` (``error``, its reason in
the language). Warnings (``GraphmodelWarning``) are built and worded the same way.

Keeping the code and parameters lets a program act on an error without reading its text,
and lets ``tests/test_vocabulary.py`` check that every code the package raises has a template
in both languages with the same placeholders as the raise site passes.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AmbiguousName",
    "Coded",
    "EmptyStore",
    "GraphmodelError",
    "GraphmodelWarning",
    "LedgerError",
    "MissingStore",
    "NotFound",
    "OldStoreFormat",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
]


class Coded(Exception):
    """A ``code`` and its ``params`` (see the module docstring), worded by the vocabulary;
    ``str(e)`` is the English text. The base of ``GraphmodelError`` and ``GraphmodelWarning``.

    >>> e = GraphmodelError("report_area_both")
    >>> e.code, e.params, str(e)
    ('report_area_both', {}, 'Choose --district or --street, not both.')
    """

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        from graphmodel.vocabulary import error_text

        return error_text(self, "en")


class GraphmodelError(Coded):
    """Base class: an error a user can act on, as a code and parameters (``Coded``) whose
    message says what went wrong and what to do next."""

    def __reduce__(self) -> Any:
        return _rebuild, (type(self), self.__dict__)


def _rebuild(cls: type[GraphmodelError], state: dict[str, Any]) -> GraphmodelError:
    """An error of ``cls`` with its attributes (pickling: subclasses take other arguments)."""
    error = cls.__new__(cls)
    Exception.__init__(error, state["code"], state["params"])  # the args Coded gives
    error.__dict__.update(state)
    return error


class GraphmodelWarning(Coded, UserWarning):
    """Base class: something a user should know that does not stop the command, as a code and
    parameters (``Coded``); the CLI prints it as one line in the command line's language
    (``graphmodel.cli.group``)."""


class LedgerError(GraphmodelError):
    """A ledger cannot be read at all (missing file, unknown format, no known table)."""


class StoreError(GraphmodelError):
    """A store cannot be read or written (corrupt file, rejected write)."""


class StoreUnavailable(StoreError):
    """The store cannot be reached: Neo4j is down, or the credentials are wrong."""


class MissingStore(StoreError):
    """A read names an embedded store whose file does not exist (a mistyped ``--db`` must not
    read as an empty graph)."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__("missing_store", path=path)


class OldStoreFormat(StoreError):
    """The file is an embedded store of an earlier, JSON format."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__("old_store", path=path)


class StoreBusy(StoreError):
    """Another process held the store's write lock for longer than the busy timeout."""

    def __init__(self, path: object, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        super().__init__("store_busy", path=path, timeout=timeout)


class EmptyStore(StoreError):
    """The store holds nothing yet: a ledger must be loaded before anything can be asked."""

    def __init__(self) -> None:
        super().__init__("empty_store")


class NotFound(GraphmodelError):
    """No record has the given id or name: ``ref`` is the reference, ``labels`` the kinds of
    record looked at and ``suggestions`` the closest names (``graphmodel.suggest``).
    ``NotFound.name`` makes one."""

    def __init__(self, ref: str, labels: tuple[str, ...], suggestions: list[str]) -> None:
        self.ref = ref
        self.labels = tuple(labels)
        self.suggestions = list(suggestions)
        code = "not_found_suggest" if self.suggestions else "not_found"
        params: dict[str, Any] = {"ref": ref, "labels": self.labels}
        if self.suggestions:
            params["suggestions"] = self.suggestions
        super().__init__(code, **params)

    @classmethod
    def name(cls, ref: str, labels: tuple[str, ...], suggestions: list[str]) -> NotFound:
        """No record of ``labels`` has the id or name ``ref``; ``suggestions`` are close."""
        return cls(ref, labels, suggestions)


class AmbiguousName(GraphmodelError):
    """Several records have the given name; ``candidates`` lists them as (id, label, context)."""

    def __init__(self, name: str, candidates: list[tuple[str, str, str]]) -> None:
        self.name = name
        self.candidates = candidates
        super().__init__("ambiguous_name", ref=name, n=len(candidates), candidates=candidates)
