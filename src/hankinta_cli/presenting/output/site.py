"""What `hankinta site` says when it has built the site: on stderr, one line."""

from __future__ import annotations

from typing import TextIO

from ...i18n import t
from ..site.build import SiteResult


def write_site(result: SiteResult, lang: str, err: TextIO) -> None:
    err.write(t("site_written", lang, path=result.out, files=result.files, written=result.written,
                removed=result.removed) + "\n")
