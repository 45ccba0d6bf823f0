# Type stubs of the native module kazakh._kazakh (bindings/python/src/lib.rs).

from typing import Any, final

__all__ = ["DEFAULT_MAX_DOC_BYTES", "KazakhError", "NativePipeline", "SCHEMA_VERSION", "__version__"]

SCHEMA_VERSION: int
DEFAULT_MAX_DOC_BYTES: int
__version__: str

class KazakhError(ValueError):
    """An error of the kazakh library, with its one-line message."""

@final
class NativePipeline:
    def __new__(
        cls,
        *,
        normalize: bool = False,
        offsets: str = "chars",
        date: str | None = None,
        max_bytes: int | None = ...,
        lemmas: bool = True,
        numbers: bool = True,
        entities: bool = True,
    ) -> NativePipeline: ...
    @property
    def offsets(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def max_bytes(self) -> int | None: ...
    def annotate(self, text: str, date: str | None = None) -> Any: ...
    def annotate_json(self, text: str, date: str | None = None) -> str: ...
    def annotate_batch(
        self,
        texts: list[str],
        threads: int | None = None,
        dates: list[str | None] | None = None,
    ) -> list[Any]: ...
    def annotate_batch_json(
        self,
        texts: list[str],
        threads: int | None = None,
        dates: list[str | None] | None = None,
    ) -> list[str]: ...
    def _analyze_only(self, texts: list[str], threads: int | None = None) -> int: ...
